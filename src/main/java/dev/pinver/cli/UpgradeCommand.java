package dev.pinver.cli;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.gate.Candidate;
import dev.pinver.gate.Gate;
import dev.pinver.gate.GateOptions;
import dev.pinver.gate.Group;
import dev.pinver.gate.LockCommand;
import dev.pinver.gate.Toolchain;
import dev.pinver.gate.Tried;
import dev.pinver.gate.UpgradeOutcome;
import dev.pinver.gate.UpgradeRequest;
import dev.pinver.gate.UpgradeRun;
import dev.pinver.notes.NotesReport;
import dev.pinver.notes.NotesResult;
import dev.pinver.notes.NotesService;
import dev.pinver.notes.PrBody;
import dev.pinver.notes.UntrustedText;
import dev.pinver.outdated.Registries;
import dev.pinver.outdated.Releases;
import dev.pinver.policy.Policy;
import dev.pinver.policy.UpdateKind;
import dev.pinver.report.CheckText;
import dev.pinver.report.UpgradeJson;
import dev.pinver.upgrade.UpgradePlan;
import dev.pinver.upgrade.UpgradePlanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinver upgrade}: moves pins across window edges only on branches whose tests pass. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        header = "Move pins forward on branches, only when the tests pass.",
        description = "For each dependency with a newer window the policy allows, creates a branch "
                + "(pinver/NAME-WINDOW) in an isolated checkout, moves the pin there, locks, installs, runs "
                + "the project's tests, and keeps the branch with a commit only when they pass. Without "
                + "--run-tests it only shows what it would try. Your branch, index, stash and working tree "
                + "are never touched (unless --in-place).")
final class UpgradeCommand implements Callable<Integer> {

    /** Output formats of {@code upgrade}. */
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "PACKAGE", arity = "0..*", description = "The packages to upgrade (default: all).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATH", description = "The project (default: the current directory).")
    Path path = Path.of(".");

    @Option(names = "--run-tests", description = "Run the gates (without it, print the plan only).")
    boolean runTests;

    @Option(names = "--test-cmd", paramLabel = "CMD",
            description = "The test command (default: .pinver.yaml's upgrade.test, else detected).")
    String testCmd;

    @Option(names = "--install-cmd", paramLabel = "CMD",
            description = "The install command (default: .pinver.yaml's upgrade.install, else detected).")
    String installCmd;

    @Option(names = "--lock-cmd", paramLabel = "CMD",
            description = "The lock command; {package} stands for the upgraded package names (default: "
                    + ".pinver.yaml's upgrade.lock, else detected).")
    String lockCmd;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Per command run, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "The largest step: patch, minor or major (default: what the policy's allow permits).")
    String level;

    @Option(names = "--bisect", description = "When the newest version fails, search for the newest that passes.")
    boolean bisect;

    @Option(names = "--group", description = "Upgrade each policy group together; a failing group is split.")
    boolean group;

    @Option(names = "--branch-prefix", paramLabel = "PREFIX", defaultValue = "pinver/",
            description = "Prefix of the branches (default: ${DEFAULT-VALUE}).")
    String branchPrefix;

    @Option(names = "--keep-failed", description = "Keep failing branches (with a FAILED commit) for inspection.")
    boolean keepFailed;

    @Option(names = "--in-place", description = "Run in your working tree and environment (refuses a dirty tree; "
            + "restores your branch afterwards).")
    boolean inPlace;

    @Option(names = "--abort", description = "Undo what an interrupted run left (its journal in .git/pinver/): "
            + "remove its checkouts, and after --in-place check your branch out again.")
    boolean abort;

    @Option(names = "--no-notes", description = "Leave the release-notes summary out of the commit messages.")
    boolean noNotes;

    @Mixin
    NotesOptions notesOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path repository = repositoryRoot(path);
        if (abort) {
            List<String> done = Gate.abort(repository);
            out.println(done.isEmpty() ? "nothing to undo: no interrupted run" : String.join("\n", done));
            return Main.OK;
        }
        CheckService checker = new CheckService(Policies.resolver(common));
        Registries.Clients clients = registry.clients(List.of(path), common);
        Releases releases = new Releases(Registries.sources(clients));
        UpgradePlan plan = new UpgradePlanner(checker, releases, Clock.systemUTC())
                .plan(repository, List.of(path), packages, parseLevel(), group);
        CheckText.writeProblems(plan.problems(), err);
        plan.notTried().forEach(n -> err.println("pinver: not tried: " + n));
        if (!plan.problems().isEmpty()) {
            return Main.BAD_INPUT;
        }
        if (!runTests) {
            printPlan(plan, out);
            return plan.registryErrors() > 0 ? Main.NETWORK : Main.OK;
        }
        if (plan.upgrades().isEmpty() && plan.groups().isEmpty()) {
            out.println("nothing to upgrade: every dependency is in its newest allowed window");
            return plan.registryErrors() > 0 ? Main.NETWORK : Main.OK;
        }
        Toolchain toolchain = toolchain(repository, common.quiet ? null : err);
        GateOptions options = GateOptions.defaults().withBranchPrefix(branchPrefix).withTimeout(parseTimeout())
                .withBisect(bisect).withKeepFailed(keepFailed).withInPlace(inPlace);
        List<UpgradeRequest> upgrades = plan.upgrades();
        List<Group> groups = plan.groups();
        if (!noNotes) {
            NotesService notes = notesOptions.service(clients, checker, registry, System.getenv());
            Function<Path, Policy> policies = Policies.resolver(common);
            upgrades = upgrades.stream().map(r -> withNotes(r, notes, repository, policies)).toList();
            groups = groups.stream().map(g -> new Group(g.name(),
                    g.members().stream().map(r -> withNotes(r, notes, repository, policies)).toList())).toList();
        }
        UpgradeRun run;
        Thread onSignal = new Thread(Gate::abortAll, "pinver-abort");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (Gate gate = Gate.open(repository, toolchain, options)) {
            run = gate.run(upgrades, groups);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // a signal arrived: the hook is stopping the commands and removing the checkouts
            }
        }
        switch (format) {
            case json -> UpgradeJson.write(run, out);
            case markdown -> markdown(run, out);
            case text -> text(run, out);
        }
        out.flush();
        if (run.failed()) {
            return Main.FINDINGS;
        }
        return plan.registryErrors() > 0 ? Main.NETWORK : Main.OK;
    }

    /**
     * The request with a summary of the release notes up to its newest candidate for the commit
     * message: the flagged lines first. Notes that cannot be read leave the message without them.
     */
    private UpgradeRequest withNotes(UpgradeRequest r, NotesService notes, Path repository,
            Function<Path, Policy> policies) {
        Optional<String> source = policies.apply(repository.resolve(r.manifest()))
                .settingsFor(r.ecosystem(), r.packageName()).settings().notes();
        NotesResult result;
        try {
            result = notes.notes(new NotesService.Request(r.packageName(), Optional.of(r.ecosystem()),
                    Optional.of(r.fromVersion()), Optional.of(r.newest().version()), source, List.of(path)))
                    .result();
        } catch (PinverException e) {
            return r;
        }
        if (result.status() != NotesResult.Status.FOUND) {
            return r;
        }
        NotesReport report = result.report();
        int releases = report.releases().size();
        StringBuilder text = new StringBuilder("Release notes " + r.fromVersion() + " → " + r.newest().version()
                + " (" + report.source() + "): " + releases + (releases == 1 ? " release" : " releases"));
        List<NotesReport.Flagged> flagged = report.flagged();
        if (!flagged.isEmpty()) {
            text.append(", flagged:");
            flagged.stream().limit(20).forEach(f -> text.append("\n- ").append(f.version()).append(" [")
                    .append(f.flag().kind().id()).append("] ").append(UntrustedText.oneLine(f.flag().line())));
            if (flagged.size() > 20) {
                text.append("\n- … and ").append(flagged.size() - 20).append(" more");
            }
        }
        return new UpgradeRequest(r.packageName(), r.ecosystem(), r.manifest(), r.fromVersion(), r.fromSpec(),
                r.candidates(), PrBody.sanitise(text.toString(), report.source()));
    }

    /** The command line's command for a step, else the repository's policy file's, else null (detected). */
    private static String chosen(String commandLine, Policies.Given configured) {
        return commandLine != null ? commandLine : configured == null ? null : configured.value();
    }

    /** Says which command the repository's policy file gives for a step, unless the command line gives its own. */
    private static void announce(PrintWriter err, String step, String commandLine, Policies.Given configured) {
        if (commandLine == null && configured != null) {
            err.println("pinver: " + configured.file() + " gives " + step + ": " + configured.value());
        }
    }

    /**
     * The commands of the gate: the command line's, else the repository's policy files', else detected;
     * says on {@code err} (when not null) what was detected.
     */
    private Toolchain toolchain(Path repository, PrintWriter err) {
        Map<String, Policies.Given> configured = Policies.repositoryFile(common, path).upgrade();
        String testCmd = chosen(this.testCmd, configured.get("test"));
        String installCmd = chosen(this.installCmd, configured.get("install"));
        String lockCmd = chosen(this.lockCmd, configured.get("lock"));
        Toolchain detected = Toolchain.detect(repository);
        if (err != null) {
            announce(err, "tests", this.testCmd, configured.get("test"));
            announce(err, "install", this.installCmd, configured.get("install"));
            announce(err, "lock", this.lockCmd, configured.get("lock"));
            detected.detected().stream()
                    .filter(line -> !(line.startsWith("tests:") && testCmd != null)
                            && !(line.startsWith("install:") && installCmd != null)
                            && !(line.startsWith("lock:") && lockCmd != null))
                    .forEach(line -> err.println("pinver: detected " + line));
        }
        if (testCmd != null) {
            detected = detected.withTest(dev.pinver.gate.Command.shell(testCmd));
        }
        if (installCmd != null) {
            detected = detected.withInstall(Optional.of(dev.pinver.gate.Command.shell(installCmd)));
        }
        if (lockCmd != null) {
            detected = detected.withLock(Optional.of(lockCmd.contains(LockCommand.PACKAGE)
                    ? new LockCommand(List.of("sh", "-c", lockCmd.replace(LockCommand.PACKAGE, "\"$@\""), "pinver-lock"),
                            List.of(LockCommand.PACKAGE), List.of())
                    : LockCommand.fixed(dev.pinver.gate.Command.shell(lockCmd))));
        }
        if (detected.test().isEmpty()) {
            throw new PinverException(PinverException.Kind.USAGE, "no test command detected in " + repository
                    + "; give one with --test-cmd");
        }
        return detected;
    }

    private static Path repositoryRoot(Path start) {
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        throw new PinverException(PinverException.Kind.USAGE, start + " is not inside a git repository; "
                + "upgrade works on branches");
    }

    private Optional<UpdateKind> parseLevel() {
        if (level == null) {
            return Optional.empty();
        }
        for (UpdateKind k : UpdateKind.values()) {
            if (k.id().equals(level.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "unknown --level '" + level + "' (patch, minor, major)");
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h)");

    private Duration parseTimeout() {
        Matcher m = DURATION.matcher(timeout.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--timeout takes a number and a unit: 90s, 30m, 2h (got '" + timeout + "')");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static void printPlan(UpgradePlan plan, PrintWriter out) {
        if (plan.upgrades().isEmpty() && plan.groups().isEmpty()) {
            out.println("nothing to upgrade: every dependency is in its newest allowed window");
            return;
        }
        for (UpgradeRequest r : plan.upgrades()) {
            out.println(describe(r));
        }
        for (Group g : plan.groups()) {
            out.println("group " + g.name() + ":");
            g.members().forEach(r -> out.println("  " + describe(r)));
        }
        out.println();
        out.println("run with --run-tests to try them on branches (--bisect to find the newest that passes)");
    }

    private static String describe(UpgradeRequest r) {
        return r.packageName() + " " + r.fromVersion() + " (" + (r.fromSpec().isEmpty() ? "no spec" : r.fromSpec())
                + ") -> " + r.newest().version() + " (" + r.newest().spec() + ") in " + r.manifest()
                + "; steps: " + r.candidates().stream().map(Candidate::version).collect(Collectors.joining(", "));
    }

    private static void text(UpgradeRun run, PrintWriter out) {
        out.println("baseline: " + run.baseline().result().id() + " (" + run.baseline().durationMs() + " ms)");
        if (!run.baseline().passed()) {
            out.println(run.baseline().tail());
        }
        for (UpgradeOutcome u : run.upgrades()) {
            out.println(u.packageName() + " " + u.from() + " -> " + u.to() + ": " + u.result().id()
                    + u.branch().map(b -> " on " + b).orElse("") + "  (tried "
                    + u.tried().stream().map(t -> t.version() + " " + t.result().id()).collect(Collectors.joining(", "))
                    + ")" + (u.message().isEmpty() ? "" : " " + u.message()));
            if (!u.tail().isEmpty() && u.result() != dev.pinver.gate.Result.PASSED) {
                u.tail().lines().forEach(l -> out.println("    | " + l));
            }
        }
    }

    private static void markdown(UpgradeRun run, PrintWriter out) {
        out.println("Baseline: **" + run.baseline().result().id() + "**");
        out.println();
        out.println("| package | from | to | result | branch | tried |");
        out.println("|---|---|---|---|---|---|");
        for (UpgradeOutcome u : run.upgrades()) {
            out.println("| " + u.packageName() + " | " + u.from() + " | " + u.to() + " | " + u.result().id() + " | "
                    + u.branch().orElse("") + " | " + u.tried().stream().map(Tried::version)
                            .collect(Collectors.joining(", ")) + " |");
        }
    }
}
