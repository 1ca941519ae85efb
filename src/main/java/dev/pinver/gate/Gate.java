package dev.pinver.gate;

import dev.pinver.PinverException;
import dev.pinver.manifest.ManifestEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The upgrade gate for one repository, at the commit HEAD pointed at when it was opened (the base): the
 * baseline test run, then gates for single upgrades (with bisection over older candidates) and for groups
 * (split into the members that break the tests and the rest). Each gate works in its own {@link Checkout};
 * a passing result is a commit on {@code <prefix><package>-<window>} in the user's repository; logs are
 * kept in the user's {@code .git/pinver/logs/}.
 *
 * <pre>{@code
 * try (Gate gate = Gate.open(repo, Toolchain.detect(repo), GateOptions.defaults().withBisect(true))) {
 *     UpgradeRun run = gate.run(List.of(request), List.of());
 * }
 * }</pre>
 */
public final class Gate implements AutoCloseable {

    private final UserRepo user;
    private final ObjectId base;
    private final Toolchain toolchain;
    private final Command test;
    private final GateOptions options;

    private Gate(UserRepo user, ObjectId base, Toolchain toolchain, Command test, GateOptions options) {
        this.user = user;
        this.base = base;
        this.toolchain = toolchain;
        this.test = test;
        this.options = options;
    }

    /**
     * Opens the repository at or above {@code repository} with its HEAD commit as the base; refuses a
     * toolchain without a test command, since nothing could be gated.
     */
    public static Gate open(Path repository, Toolchain toolchain, GateOptions options) {
        Command test = toolchain.test().orElseThrow(() -> new PinverException(PinverException.Kind.USAGE,
                "no test command found for " + repository + "; configure one to run gated upgrades"));
        BranchNames.requireValidPrefix(options.branchPrefix());
        UserRepo user = UserRepo.open(repository);
        try {
            return new Gate(user, user.head(), toolchain, test, options);
        } catch (RuntimeException e) {
            user.close();
            throw e;
        }
    }

    /** The commit every gate starts from. */
    public String base() {
        return base.name();
    }

    /** Where the logs go: {@code .git/pinver/logs/} of the repository. */
    public Path logDirectory() {
        return user.logs();
    }

    /**
     * The baseline, then every upgrade and group in the order given. When the baseline fails, nothing is
     * upgraded and every requested upgrade reports {@link Result#BASELINE_FAILED}.
     */
    public UpgradeRun run(List<UpgradeRequest> upgrades, List<Group> groups) {
        Baseline baseline = baseline();
        List<UpgradeOutcome> outcomes = new ArrayList<>();
        if (!baseline.passed()) {
            Stream.concat(upgrades.stream(), groups.stream().flatMap(g -> g.members().stream()))
                    .forEach(r -> outcomes.add(new UpgradeOutcome(r.packageName(), r.ecosystem(), manifest(r),
                            r.fromVersion(), r.newest().version(), Optional.empty(), Result.BASELINE_FAILED, List.of(), 0,
                            Optional.empty(), "", "not tried: the tests fail without any upgrade (" + baseline.message() + ")",
                            Optional.empty())));
            return new UpgradeRun(baseline, outcomes);
        }
        upgrades.forEach(r -> outcomes.add(upgrade(r)));
        groups.forEach(g -> outcomes.addAll(group(g)));
        return new UpgradeRun(baseline, outcomes);
    }

    /** Set-up, install and the tests on the unmodified base, in a checkout of their own. */
    public Baseline baseline() {
        long start = System.nanoTime();
        Path log = logFile("baseline");
        Logs.start(log);
        Logs.note(log, "# pinver baseline at " + base.name());
        try (Checkout checkout = checkout()) {
            checkout.resetToBase();
            Optional<Failure> broken = prepare(checkout, List.of(), log);
            if (broken.isPresent()) {
                return new Baseline(Result.BASELINE_FAILED, millisSince(start), log, tail(log), Optional.empty(),
                        broken.get().message());
            }
            TestRun tests = runTests(checkout, log);
            return new Baseline(tests.result() == Result.PASSED ? Result.PASSED : Result.BASELINE_FAILED,
                    millisSince(start), log, tail(log), Optional.of(tests.evidence()),
                    tests.result() == Result.PASSED ? "" : tests.failure());
        }
    }

    /**
     * Gates one upgrade: the newest candidate first; when it fails and bisecting is on, a binary search for
     * the newest candidate that passes (at most ⌈log2 N⌉ + 1 test runs). A pass is committed on its window's
     * branch; the branches of failed windows are deleted (or, with keep-failed, hold the failing attempt).
     */
    public UpgradeOutcome upgrade(UpgradeRequest request) {
        long start = System.nanoTime();
        List<Candidate> candidates = request.candidates();
        int newest = candidates.size() - 1;
        List<Attempt> attempts = new ArrayList<>();
        Map<Integer, Attempt> byIndex = new LinkedHashMap<>();
        try (Checkout checkout = checkout()) {
            IntPredicate passes = i -> byIndex.computeIfAbsent(i, k -> {
                Candidate candidate = candidates.get(k);
                Change change = new Change(request, candidate);
                Attempt attempt = attempt(checkout, List.of(change), subject(List.of(change)),
                        logFile(request.packageName() + "-" + candidate.version()), attempts);
                attempts.add(attempt);
                return attempt;
            }).passed();
            int chosen = options.bisect() ? Search.newestPassing(candidates.size(), passes) : passes.test(newest) ? newest : -1;

            Attempt decided = byIndex.get(chosen >= 0 ? chosen : newest);
            List<String> notes = new ArrayList<>();
            if (!decided.message().isEmpty()) {
                notes.add(decided.message());
            }
            Optional<String> branch = Optional.empty();
            if (chosen >= 0) {
                branch = publish(checkout, BranchNames.of(options.branchPrefix(), request.packageName(),
                        candidates.get(chosen).window()), decided.commit().orElseThrow(), notes);
            }
            for (Map.Entry<Integer, Attempt> entry : byIndex.entrySet()) {
                Attempt attempt = entry.getValue();
                String name = BranchNames.of(options.branchPrefix(), request.packageName(),
                        candidates.get(entry.getKey()).window());
                if (attempt.passed() || attempt.result() == Result.SKIPPED || branch.equals(Optional.of(name))) {
                    continue;
                }
                Optional<String> kept = settleFailed(checkout, name, attempt, notes);
                if (chosen < 0 && entry.getKey() == newest) {
                    branch = kept;
                }
            }
            List<Tried> tried = attempts.stream()
                    .map(a -> new Tried(a.changes().get(0).candidate().version(), a.result()))
                    .toList();
            return new UpgradeOutcome(request.packageName(), request.ecosystem(), manifest(request), request.fromVersion(),
                    candidates.get(chosen >= 0 ? chosen : newest).version(), branch, decided.result(), tried,
                    millisSince(start), Optional.of(decided.log()), tail(decided.log()), String.join("; ", notes),
                    decided.evidence());
        }
    }

    /**
     * Gates a group: all members at their newest candidates together, on the branch {@code <prefix><group>}.
     * When that fails, the members that break the tests are found by bisecting over the members and left
     * out; the rest are committed together. One outcome per member, in the group's order.
     */
    public List<UpgradeOutcome> group(Group group) {
        long start = System.nanoTime();
        List<UpgradeRequest> members = group.members();
        List<Integer> everyone = IntStream.range(0, members.size()).boxed().toList();
        List<Attempt> attempts = new ArrayList<>();
        Map<List<Integer>, Attempt> bySet = new HashMap<>();
        try (Checkout checkout = checkout()) {
            Function<List<Integer>, Attempt> gate = set -> bySet.computeIfAbsent(set, s -> {
                List<Change> changes = s.stream().map(i -> new Change(members.get(i), members.get(i).newest())).toList();
                Attempt attempt = attempt(checkout, changes, "pinver: group " + group.name() + ": " + labels(changes),
                        logFile("group-" + group.name() + "-" + (attempts.size() + 1)), attempts);
                attempts.add(attempt);
                return attempt;
            });
            Attempt whole = gate.apply(everyone);
            Optional<Search.Split<Integer>> split = whole.result() == Result.SKIPPED ? Optional.empty()
                    : Optional.of(whole.passed() ? new Search.Split<>(everyone, List.of())
                            : Search.split(everyone, s -> gate.apply(s).passed()));

            String name = BranchNames.ofGroup(options.branchPrefix(), group.name());
            List<String> notes = new ArrayList<>();
            List<Integer> rest = split.map(Search.Split::rest).orElse(List.of());
            Optional<String> branch = rest.isEmpty()
                    ? whole.result() == Result.SKIPPED ? Optional.empty() : settleFailed(checkout, name, whole, notes)
                    : publish(checkout, name, bySet.get(rest).commit().orElseThrow(), notes);

            GroupRun run = new GroupRun(group, whole, split, bySet, attempts, branch, notes, millisSince(start));
            return everyone.stream().map(i -> memberOutcome(run, i)).toList();
        }
    }

    /** One member's outcome: skipped with the group, passed with the rest, or failed as a breaker. */
    private UpgradeOutcome memberOutcome(GroupRun run, int index) {
        List<UpgradeRequest> members = run.group().members();
        UpgradeRequest member = members.get(index);
        List<Integer> rest = run.split().map(Search.Split::rest).orElse(List.of());
        List<Attempt> with = run.attempts().stream().filter(a -> a.includes(member)).toList();
        Attempt decided;
        String message;
        if (run.split().isEmpty()) {
            decided = run.whole();
            message = decided.message();
        } else if (rest.contains(index)) {
            decided = run.bySet().get(rest);
            List<Change> leftOut = run.split().get().breakers().stream()
                    .map(b -> new Change(members.get(b), members.get(b).newest())).toList();
            message = leftOut.isEmpty() ? "" : "upgraded with " + (rest.size() - 1) + " other member(s) of "
                    + run.group().name() + "; left out: " + labels(leftOut);
        } else {
            decided = with.stream().filter(a -> !a.passed()).reduce((a, b) -> b).orElse(run.whole());
            message = "left out of group " + run.group().name() + ": the tests fail with it (" + decided.message() + ")";
        }
        List<String> all = new ArrayList<>(run.notes());
        if (!message.isEmpty()) {
            all.add(0, message);
        }
        boolean onBranch = rest.contains(index) || rest.isEmpty();
        return new UpgradeOutcome(member.packageName(), member.ecosystem(), manifest(member), member.fromVersion(),
                member.newest().version(), onBranch ? run.branch() : Optional.empty(), decided.result(),
                with.stream().map(a -> new Tried(member.newest().version(), a.result())).toList(), run.durationMs(),
                Optional.of(decided.log()), tail(decided.log()), String.join("; ", all), decided.evidence());
    }

    @Override
    public void close() {
        user.close();
    }

    /**
     * Stops what any gate of this process is doing, for a shutdown hook: kills the running commands with
     * all they started and removes the isolated checkouts. The user's repository is never touched by
     * an isolated gate; branches are only ever written after their tests passed.
     */
    /**
     * Undoes what an interrupted run on {@code repository} left, as its journal lists it: removes its
     * checkouts, and after an in-place run checks the original branch out again. Returns what was done
     * (nothing when no run was interrupted).
     */
    public static List<String> abort(Path repository) {
        return Journal.abort(repository);
    }

    public static void abortAll() {
        ProcessRunner.killAll();
        Checkout.removeAll();
    }

    /** One package moved to one candidate. */
    private record Change(UpgradeRequest request, Candidate candidate) {

        String label() {
            return request.packageName() + " " + candidate.version();
        }
    }

    /**
     * One run of the gate on a set of changes.
     *
     * @param commit the commit made of it: always when it passed, with keep-failed also when it failed
     * @param message what failed or why it was skipped; empty when it passed
     */
    private record Attempt(List<Change> changes, Result result, Path log, Optional<TestEvidence> evidence,
            Optional<ObjectId> commit, String message) {

        boolean passed() {
            return result == Result.PASSED;
        }

        boolean includes(UpgradeRequest request) {
            return changes.stream().anyMatch(c -> c.request() == request);
        }
    }

    /**
     * A group's gate once run: the attempt with every member, the split (empty when that attempt was
     * skipped), every attempt by member set and in order, and the group branch.
     */
    private record GroupRun(Group group, Attempt whole, Optional<Search.Split<Integer>> split,
            Map<List<Integer>, Attempt> bySet, List<Attempt> attempts, Optional<String> branch, List<String> notes,
            long durationMs) {
    }

    /** A set-up, lock or install step that did not succeed. */
    private record Failure(Result result, String message) {
    }

    private record TestRun(Result result, TestEvidence evidence) {

        String failure() {
            return (result == Result.TIMEOUT ? "tests timed out: " : "tests failed: ") + evidence.summary();
        }
    }

    /** Edits, lock, install, stage, test; commits when the tests pass (and, with keep-failed, when anything failed). */
    private Attempt attempt(Checkout checkout, List<Change> changes, String subject, Path log, List<Attempt> before) {
        Logs.start(log);
        Logs.note(log, "# " + subject + " (base " + base.name() + ")");
        checkout.resetToBase();
        try {
            List<Edits> edits = changes.stream().map(c -> c.candidate().edits()).toList();
            ManifestEditor.Batch batch = ManifestEditor.planAll(Edits.all(edits).plan(checkout.root()));
            if (!batch.ok()) {
                throw batch.refusals().get(0);
            }
            if (batch.plans().stream().noneMatch(ManifestEditor.Plan::changes)) {
                return skipped(changes, log, "the manifest already holds " + changes.stream()
                        .map(c -> c.request().packageName() + " " + c.candidate().spec()).collect(Collectors.joining(", ")));
            }
            ManifestEditor.write(batch);
            batch.plans().stream().filter(ManifestEditor.Plan::changes)
                    .forEach(p -> Logs.note(log, "# edited " + checkout.root().relativize(p.file().toAbsolutePath())));
        } catch (PinverException e) {
            return skipped(changes, log, located(checkout.root(), e));
        }
        Optional<Failure> broken = prepare(checkout, changes.stream().map(c -> c.request().packageName()).toList(), log);
        checkout.stage();
        if (broken.isPresent()) {
            return failed(checkout, changes, subject, log, broken.get().result(), broken.get().message(), Optional.empty(), before);
        }
        TestRun tests = runTests(checkout, log);
        if (tests.result() != Result.PASSED) {
            return failed(checkout, changes, subject, log, tests.result(), tests.failure(), Optional.of(tests.evidence()), before);
        }
        String message = commitMessage(subject, changes, "Tests passed: " + tests.evidence().summary(), before);
        return new Attempt(changes, Result.PASSED, log, Optional.of(tests.evidence()),
                Optional.of(checkout.commit(message, options.identity())), "");
    }

    private Attempt skipped(List<Change> changes, Path log, String why) {
        Logs.note(log, "# skipped: " + why);
        return new Attempt(changes, Result.SKIPPED, log, Optional.empty(), Optional.empty(), why);
    }

    private Attempt failed(Checkout checkout, List<Change> changes, String subject, Path log, Result result, String why,
            Optional<TestEvidence> evidence, List<Attempt> before) {
        Optional<ObjectId> kept = options.keepFailed()
                ? Optional.of(checkout.commit(commitMessage(subject + " (FAILED)", changes, capitalised(why), before),
                        options.identity()))
                : Optional.empty();
        return new Attempt(changes, result, log, evidence, kept, why);
    }

    /** Set-up (when what it makes is missing), lock (for {@code packages}, when there are any) and install. */
    private Optional<Failure> prepare(Checkout checkout, List<String> packages, Path log) {
        List<Map.Entry<String, Command>> steps = new ArrayList<>();
        toolchain.setup().filter(s -> !Files.exists(checkout.root().resolve(s.creates())))
                .ifPresent(s -> steps.add(Map.entry("set-up", s.command())));
        if (!packages.isEmpty()) {
            toolchain.lock().ifPresent(l -> steps.add(Map.entry("lock", l.forPackages(packages))));
        }
        toolchain.install().ifPresent(c -> steps.add(Map.entry("install", c)));
        for (Map.Entry<String, Command> step : steps) {
            ProcessRunner.Execution run = ProcessRunner.run(step.getValue(), checkout.root(), options.timeout(), log);
            if (!run.ok()) {
                return Optional.of(new Failure(run.timedOut() ? Result.TIMEOUT : Result.FAILED,
                        step.getKey() + " failed: `" + step.getValue().display() + "`: " + run.describe()));
            }
        }
        return Optional.empty();
    }

    private TestRun runTests(Checkout checkout, Path log) {
        long mark = Logs.size(log);
        ProcessRunner.Execution run = ProcessRunner.run(test, checkout.root(), options.timeout(), log);
        Result result = run.ok() ? Result.PASSED : run.timedOut() ? Result.TIMEOUT : Result.FAILED;
        return new TestRun(result, TestEvidence.of(run, Logs.readFrom(log, mark)));
    }

    /** Points {@code branch} at {@code commit} in the user's repository, unless it is not the gate's to move. */
    private Optional<String> publish(Checkout checkout, String branch, ObjectId commit, List<String> notes) {
        Optional<String> refusal = user.refusal(branch, options.identity());
        if (refusal.isPresent()) {
            notes.add(refusal.get());
            return Optional.empty();
        }
        checkout.publish(branch, commit);
        return Optional.of(branch);
    }

    /**
     * A failed attempt's branch: with keep-failed, the failing commit; otherwise the branch of an earlier run
     * is deleted, since its upgrade no longer passes.
     */
    private Optional<String> settleFailed(Checkout checkout, String branch, Attempt attempt, List<String> notes) {
        if (options.keepFailed() && attempt.commit().isPresent()) {
            return publish(checkout, branch, attempt.commit().get(), notes);
        }
        if (user.tip(branch).isPresent() && user.refusal(branch, options.identity()).isEmpty()) {
            user.deleteBranch(branch);
            notes.add("deleted branch " + branch + " of an earlier run");
        }
        return Optional.empty();
    }

    private Checkout checkout() {
        return options.inPlace() ? Checkout.inPlace(user, base) : Checkout.isolated(user, base, options.workDir());
    }

    private Path logFile(String name) {
        return user.logs().resolve(BranchNames.component(name) + ".log");
    }

    private Path manifest(UpgradeRequest request) {
        return user.root().resolve(request.manifest()).normalize();
    }

    private String tail(Path log) {
        return Logs.tail(log, options.tailLines());
    }

    private String commitMessage(String subject, List<Change> changes, String evidence, List<Attempt> before) {
        StringBuilder message = new StringBuilder(subject).append("\n\n");
        for (Change c : changes) {
            UpgradeRequest r = c.request();
            message.append(r.packageName()).append(" (").append(r.ecosystem().id()).append(", ")
                    .append(r.manifest().toString().replace('\\', '/')).append("): ")
                    .append(r.fromSpec()).append(" → ").append(c.candidate().spec())
                    .append(" (").append(r.fromVersion()).append(" → ").append(c.candidate().version()).append(")\n");
        }
        for (Change c : changes) {
            if (!c.request().notes().isBlank()) {
                message.append('\n').append(changes.size() > 1 ? c.request().packageName() + ": " : "")
                        .append(c.request().notes().strip()).append('\n');
            }
        }
        message.append('\n').append(evidence).append('\n');
        if (!before.isEmpty()) {
            message.append("Tried before: ").append(before.stream()
                    .map(a -> labels(a.changes()) + " " + a.result().id()).collect(Collectors.joining("; "))).append('\n');
        }
        return message.toString();
    }

    private static String subject(List<Change> changes) {
        Change c = changes.get(0);
        return "pinver: " + c.request().packageName() + " " + c.request().fromVersion() + " → " + c.candidate().version();
    }

    private static String labels(List<Change> changes) {
        return changes.stream().map(Change::label).collect(Collectors.joining(", "));
    }

    /** A refusal's message with its place relative to the checkout, which is a temporary directory. */
    private static String located(Path root, PinverException e) {
        return e.location().map(l -> {
            Path file = l.file().isAbsolute() && l.file().startsWith(root) ? root.relativize(l.file()) : l.file();
            return file.toString().replace('\\', '/') + ":" + l.line() + ":" + l.column() + ": " + e.getMessage();
        }).orElse(e.getMessage());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
