package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.manifest.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The isolated gate on a real repository whose uncommitted work, stash and branch must survive every run. */
class GateTest {

    private static final String BASE_REQUIREMENTS = """
            # the sample project's requirements
            fastapi>=0.45.0,<0.46.0  # web framework
            pydantic>=1.10.0,<2.0.0
            httpx>=0.26.0,<0.27.0
            """;

    @TempDir
    Path temp;

    @Test
    void passingUpgradeIsCommittedOnItsBranchWhileTheDirtyTreeStaysAsItWas() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();
        String base = repo.git("rev-parse", "HEAD");

        UpgradeRun run;
        try (Gate gate = repo.open(repo.options())) {
            assertEquals(base, gate.base());
            assertEquals(repo.root.resolve(".git/pinver/logs"), gate.logDirectory());
            run = gate.run(List.of(SampleRepo.fastapi("0.46.2")), List.of());
        }

        assertEquals(Result.PASSED, run.baseline().result());
        assertEquals(2, repo.runs(), "baseline and one gate");
        UpgradeOutcome outcome = run.upgrades().get(0);
        assertEquals(Result.PASSED, outcome.result());
        assertEquals(Optional.of("pinver/fastapi-0.46"), outcome.branch());
        assertEquals(List.of(new Tried("0.46.2", Result.PASSED)), outcome.tried());
        assertEquals("0.45.1", outcome.from());
        assertEquals("0.46.2", outcome.to());
        assertEquals(repo.root.resolve("requirements.txt"), outcome.manifest());
        assertFalse(run.failed());

        // the branch holds the committed file with only the spec changed (not the staged httpx edit)
        assertEquals(BASE_REQUIREMENTS.replace("fastapi>=0.45.0,<0.46.0", "fastapi>=0.46.0,<0.47.0"),
                repo.fileOn("pinver/fastapi-0.46", "requirements.txt"));
        assertEquals(List.of("main", "pinver/fastapi-0.46"), repo.branches());
        RevCommit commit = repo.tip("pinver/fastapi-0.46");
        assertEquals(base, commit.getParent(0).name());
        assertEquals("pinver <pinver@localhost>", commit.getAuthorIdent().getName() + " <" + commit.getAuthorIdent().getEmailAddress() + ">");
        assertEquals("pinver@localhost", commit.getCommitterIdent().getEmailAddress());
        assertEquals("requirements.txt", repo.git("diff", "--name-only", base, commit.name()));
        String message = commit.getFullMessage();
        assertTrue(message.startsWith("pinver: fastapi 0.45.1 → 0.46.2\n\n"), message);
        assertTrue(message.contains("fastapi (pypi, requirements.txt): >=0.45.0,<0.46.0 → >=0.46.0,<0.47.0 (0.45.1 → 0.46.2)"), message);
        assertTrue(message.contains("\nRelease notes summary for fastapi.\n"), message);
        assertTrue(message.contains("Tests passed: `sh check.sh " + repo.runs + " " + repo.pids + "`: exit 0 in "), message);
        assertTrue(message.contains("; 4 passed, 0 failed, 0 errors, 0 skipped (pytest)"), message);

        assertEquals(Optional.of(repo.root.resolve(".git/pinver/logs/fastapi-0.46.2.log")), outcome.log());
        assertTrue(Files.readString(outcome.log().get()).contains("$ sh check.sh"));
        assertTrue(outcome.tail().endsWith("========================= 4 passed in 0.01s ==========================\n[exit 0 after "
                + outcome.evidence().get().durationMs() + " ms]"), outcome.tail());
        assertEquals(repo.root.resolve(".git/pinver/logs/baseline.log"), run.baseline().log());
        repo.assertUntouched(before);
    }

    @Test
    void bisectFindsTheNewestPassingVersionInCeilLog2NPlusOneRuns() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();
        UpgradeRequest request = SampleRepo.fastapi("0.46.2", "0.47.1", "0.48.0", "0.49.4", "0.50.1", "0.51.0", "0.52.2", "0.53.0");

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options().withBisect(true))) {
            outcome = gate.upgrade(request);
        }

        int n = request.candidates().size();
        assertEquals((int) Math.ceil(Math.log(n) / Math.log(2)) + 1, repo.runs());
        assertEquals(4, repo.runs());
        assertEquals(Result.PASSED, outcome.result());
        assertEquals("0.47.1", outcome.to());
        assertEquals(List.of(new Tried("0.53.0", Result.FAILED), new Tried("0.49.4", Result.FAILED),
                new Tried("0.47.1", Result.PASSED), new Tried("0.48.0", Result.FAILED)), outcome.tried());
        assertEquals(Optional.of("pinver/fastapi-0.47"), outcome.branch());
        assertEquals(List.of("main", "pinver/fastapi-0.47"), repo.branches());
        assertTrue(repo.fileOn("pinver/fastapi-0.47", "requirements.txt").contains("fastapi>=0.47.0,<0.48.0  # web framework\n"));
        String message = repo.tip("pinver/fastapi-0.47").getFullMessage();
        assertTrue(message.contains("Tried before: fastapi 0.53.0 failed; fastapi 0.49.4 failed\n"), message);
        assertTrue(outcome.log().get().endsWith("fastapi-0.47.1.log"));
        repo.assertUntouched(before);
    }

    @Test
    void withoutBisectOnlyTheNewestIsTriedAndAFailureLeavesNoBranch() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options())) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.46.2", "0.47.1", "0.48.0"));
        }

        assertEquals(1, repo.runs());
        assertEquals(Result.FAILED, outcome.result());
        assertEquals("0.48.0", outcome.to());
        assertEquals(Optional.empty(), outcome.branch());
        assertEquals(List.of(new Tried("0.48.0", Result.FAILED)), outcome.tried());
        assertEquals(List.of("main"), repo.branches());
        assertTrue(outcome.message().startsWith("tests failed: `sh check.sh"), outcome.message());
        assertTrue(outcome.message().endsWith("; 3 passed, 1 failed, 0 errors, 0 skipped (pytest)"), outcome.message());
        assertTrue(outcome.tail().contains("FAILED test_app.py::test_startup"), outcome.tail());
        assertTrue(Files.isRegularFile(outcome.log().get()));
        assertEquals(1, outcome.evidence().get().exitCode());
        repo.assertUntouched(before);
    }

    @Test
    void aRerunMovesTheSameBranchInsteadOfAddingOne() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();
        try (Gate gate = repo.open(repo.options())) {
            gate.upgrade(SampleRepo.fastapi("0.46.2"));
            String first = repo.tip("pinver/fastapi-0.46").name();
            gate.upgrade(SampleRepo.fastapi("0.46.3"));
            assertFalse(first.equals(repo.tip("pinver/fastapi-0.46").name()));
        }
        assertEquals(List.of("main", "pinver/fastapi-0.46"), repo.branches());
        assertTrue(repo.tip("pinver/fastapi-0.46").getFullMessage().startsWith("pinver: fastapi 0.45.1 → 0.46.3\n"));
        repo.assertUntouched(before);
    }

    @Test
    void keepFailedKeepsTheFailingAttemptAndALaterRunDeletesIt() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();

        UpgradeOutcome kept;
        try (Gate gate = repo.open(repo.options().withKeepFailed(true))) {
            kept = gate.upgrade(SampleRepo.fastapi("0.49.4"));
        }
        assertEquals(Result.FAILED, kept.result());
        assertEquals(Optional.of("pinver/fastapi-0.49"), kept.branch());
        assertTrue(repo.fileOn("pinver/fastapi-0.49", "requirements.txt").contains("fastapi>=0.49.0,<0.50.0"));
        String message = repo.tip("pinver/fastapi-0.49").getFullMessage();
        assertTrue(message.startsWith("pinver: fastapi 0.45.1 → 0.49.4 (FAILED)\n"), message);
        assertTrue(message.contains("\nTests failed: `sh check.sh"), message);

        UpgradeOutcome again;
        try (Gate gate = repo.open(repo.options())) {
            again = gate.upgrade(SampleRepo.fastapi("0.49.4"));
        }
        assertEquals(Optional.empty(), again.branch());
        assertEquals(List.of("main"), repo.branches());
        assertTrue(again.message().endsWith("; deleted branch pinver/fastapi-0.49 of an earlier run"), again.message());
        repo.assertUntouched(before);
    }

    @Test
    void branchesThatAreNotThePinverOnesAreNeverMovedOrDeleted() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        String base = repo.git("rev-parse", "HEAD");
        repo.git("branch", "pinver/fastapi-0.49", base);
        repo.git("branch", "pinver/fastapi-0.46", base);
        SampleRepo.State before = repo.state();

        UpgradeOutcome failed;
        UpgradeOutcome passed;
        try (Gate gate = repo.open(repo.options())) {
            failed = gate.upgrade(SampleRepo.fastapi("0.49.4"));
            passed = gate.upgrade(SampleRepo.fastapi("0.46.2"));
        }
        assertEquals(Result.FAILED, failed.result());
        assertEquals(Result.PASSED, passed.result());
        assertEquals(Optional.empty(), passed.branch());
        assertEquals("branch pinver/fastapi-0.46 holds commits not made by pinver <pinver@localhost>; left as it is",
                passed.message());
        assertEquals(base, repo.git("rev-parse", "pinver/fastapi-0.49"));
        assertEquals(base, repo.git("rev-parse", "pinver/fastapi-0.46"));
        repo.assertUntouched(before);
    }

    @Test
    void theCheckedOutBranchIsLeftAlone() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.git("checkout", "-q", "-b", "pinver/fastapi-0.46");
        SampleRepo.State before = repo.state();

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options().withIdentity(new Identity("Dev", "dev@example.com")))) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.46.2"));
        }
        assertEquals(Result.PASSED, outcome.result());
        assertEquals(Optional.empty(), outcome.branch());
        assertEquals("branch pinver/fastapi-0.46 is checked out in the repository; left as it is", outcome.message());
        repo.assertUntouched(before);
    }

    @Test
    void aGroupThatFailsIsSplitAndTheRestUpgradesTogether() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();
        Group web = new Group("web", List.of(SampleRepo.fastapi("0.46.2"),
                SampleRepo.request("pydantic", "1.10.4", ">=1.10.0,<2.0.0", "2.1.0"),
                SampleRepo.request("httpx", "0.26.0", ">=0.26.0,<0.27.0", "0.27.2")));

        List<UpgradeOutcome> outcomes;
        try (Gate gate = repo.open(repo.options().withBranchPrefix("deps/"))) {
            outcomes = gate.group(web);
        }

        // all three (fails), then fastapi alone (passes), fastapi + pydantic (fails), fastapi + httpx (passes)
        assertEquals(4, repo.runs());
        assertEquals(List.of("fastapi", "pydantic", "httpx"), outcomes.stream().map(UpgradeOutcome::packageName).toList());
        assertEquals(List.of(Result.PASSED, Result.FAILED, Result.PASSED), outcomes.stream().map(UpgradeOutcome::result).toList());
        assertEquals(List.of(Optional.of("deps/web"), Optional.empty(), Optional.of("deps/web")),
                outcomes.stream().map(UpgradeOutcome::branch).toList());
        assertEquals(List.of(new Tried("0.46.2", Result.FAILED), new Tried("0.46.2", Result.PASSED),
                new Tried("0.46.2", Result.FAILED), new Tried("0.46.2", Result.PASSED)), outcomes.get(0).tried());
        assertEquals(List.of(new Tried("2.1.0", Result.FAILED), new Tried("2.1.0", Result.FAILED)), outcomes.get(1).tried());
        assertTrue(outcomes.get(1).message().startsWith("left out of group web: the tests fail with it (tests failed: "),
                outcomes.get(1).message());
        assertEquals("upgraded with 1 other member(s) of web; left out: pydantic 2.1.0", outcomes.get(2).message());
        assertEquals("""
                # the sample project's requirements
                fastapi>=0.46.0,<0.47.0  # web framework
                pydantic>=1.10.0,<2.0.0
                httpx>=0.27.0,<0.28.0
                """, repo.fileOn("deps/web", "requirements.txt"));
        String message = repo.tip("deps/web").getFullMessage();
        assertTrue(message.startsWith("pinver: group web: fastapi 0.46.2, httpx 0.27.2\n"), message);
        assertTrue(message.contains("\nfastapi: Release notes summary for fastapi.\n"), message);
        assertEquals(List.of("deps/web", "main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void aFailingBaselineStopsTheRun() throws Exception {
        SampleRepo repo = SampleRepo.create(temp, BASE_REQUIREMENTS.replace("fastapi>=0.45.0,<0.46.0", "fastapi>=0.48.0,<0.49.0"));
        SampleRepo.State before = repo.state();

        UpgradeRun run;
        try (Gate gate = repo.open(repo.options())) {
            run = gate.run(List.of(SampleRepo.fastapi("0.49.1")),
                    List.of(new Group("g", List.of(SampleRepo.request("httpx", "0.26.0", ">=0.26.0,<0.27.0", "0.27.2")))));
        }

        assertEquals(1, repo.runs());
        assertEquals(Result.BASELINE_FAILED, run.baseline().result());
        assertTrue(run.baseline().tail().contains("1 failed, 3 passed"), run.baseline().tail());
        assertTrue(run.baseline().message().startsWith("tests failed: `sh check.sh"), run.baseline().message());
        assertEquals(List.of(Result.BASELINE_FAILED, Result.BASELINE_FAILED),
                run.upgrades().stream().map(UpgradeOutcome::result).toList());
        assertEquals(List.of(), run.upgrades().get(0).tried());
        assertTrue(run.failed());
        assertEquals(List.of("main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void aHangingTestIsKilledWithItsChildren() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();

        UpgradeOutcome outcome;
        long start = System.nanoTime();
        try (Gate gate = repo.open(repo.options().withTimeout(Duration.ofMillis(1500)))) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.60.1"));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertTrue(seconds < 15, "took " + seconds + " s");
        assertEquals(Result.TIMEOUT, outcome.result());
        assertEquals(List.of(new Tried("0.60.1", Result.TIMEOUT)), outcome.tried());
        assertTrue(outcome.evidence().get().timedOut());
        assertTrue(outcome.message().startsWith("tests timed out: "), outcome.message());
        assertTrue(outcome.tail().endsWith("ms; process tree killed]"), outcome.tail());
        ProcessRunnerTest.assertAllDead(repo.pids);
        repo.assertUntouched(before);
    }

    @Test
    void anEditThatNoLongerMatchesIsSkippedWithoutRunningTheTests() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();
        String text = Files.readString(repo.root.resolve("requirements.txt"), UTF_8);
        int start = text.indexOf(">=0.45.0");
        Edits stale = Edits.at(List.of(new Edits.SpanEdit("requirements.txt",
                Span.of(text, start, start + ">=0.45.0,<0.46.0".length()), ">=0.44.0,<0.45.0", ">=0.46.0,<0.47.0")));
        UpgradeRequest request = new UpgradeRequest("fastapi", dev.pinver.manifest.Ecosystem.PYPI, Path.of("requirements.txt"),
                "0.45.1", ">=0.45.0,<0.46.0", List.of(new Candidate("0.46.2", ">=0.46.0,<0.47.0", "0.46", stale)), "");

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options())) {
            outcome = gate.upgrade(request);
        }

        assertEquals(0, repo.runs());
        assertEquals(Result.SKIPPED, outcome.result());
        assertEquals("requirements.txt:2:8: changed since it was read: expected '>=0.44.0,<0.45.0', found '>=0.45.0,<0.46.0'",
                outcome.message());
        assertEquals(List.of("main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void editsByPositionApplyInTheCheckout() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        String text = Files.readString(repo.root.resolve("requirements.txt"), UTF_8);
        int start = text.indexOf(">=1.10.0");
        Edits edits = Edits.at(List.of(new Edits.SpanEdit("requirements.txt",
                Span.of(text, start, start + ">=1.10.0,<2.0.0".length()), ">=1.10.0,<2.0.0", ">=1.11.0,<2.0.0")));
        UpgradeRequest request = new UpgradeRequest("pydantic", dev.pinver.manifest.Ecosystem.PYPI, Path.of("requirements.txt"),
                "1.10.4", ">=1.10.0,<2.0.0", List.of(new Candidate("1.11.1", ">=1.11.0,<2.0.0", "1", edits)), "");

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options())) {
            outcome = gate.upgrade(request);
        }

        assertEquals(Result.PASSED, outcome.result());
        assertEquals(BASE_REQUIREMENTS.replace("pydantic>=1.10.0", "pydantic>=1.11.0"),
                repo.fileOn("pinver/pydantic-1", "requirements.txt"));
        try (Git git = Git.open(repo.root.toFile())) {
            assertEquals("refs/heads/main", git.getRepository().exactRef(Constants.HEAD).getTarget().getName());
        }
    }

    @Test
    void aLinkedWorktreeGetsItsBranchInTheSharedRepository() throws Exception {
        SampleRepo main = SampleRepo.create(temp);
        SampleRepo linked = main.worktree(temp.resolve("linked"), "feature");
        Files.writeString(linked.root.resolve("README.md"), "edited in the worktree\n", UTF_8);
        SampleRepo.State mainBefore = main.state();
        SampleRepo.State linkedBefore = linked.state();

        UpgradeOutcome outcome;
        try (Gate gate = linked.open(linked.options())) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.46.2"));
        }

        assertEquals(Result.PASSED, outcome.result());
        assertEquals(List.of("feature", "main", "pinver/fastapi-0.46"), main.branches());
        assertTrue(Files.isRegularFile(linked.root.resolve(".git")), "a linked worktree has a .git file");
        assertTrue(Files.isRegularFile(main.root.resolve(".git/worktrees/linked/pinver/logs/fastapi-0.46.2.log")));
        main.assertUntouched(mainBefore);
        linked.assertUntouched(linkedBefore);
    }
}
