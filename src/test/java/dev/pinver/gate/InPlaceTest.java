package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate in the user's own working tree: refused when dirty, and the original branch back whatever happens. */
class InPlaceTest {

    @TempDir
    Path temp;

    @Test
    void refusesUncommittedChanges() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.makeDirty();
        SampleRepo.State before = repo.state();

        try (Gate gate = repo.open(repo.options().withInPlace(true))) {
            PinverException e = assertThrows(PinverException.class, gate::baseline);
            assertEquals(PinverException.Kind.USAGE, e.kind());
            assertEquals("the working tree has uncommitted changes (README.md, requirements.txt); commit or stash them,"
                    + " or run the gate isolated (without in-place)", e.getMessage());
            assertThrows(PinverException.class, () -> gate.upgrade(SampleRepo.fastapi("0.46.2")));
        }
        assertEquals(0, repo.runs());
        repo.assertUntouched(before);
    }

    @Test
    void aFailingGateChecksTheOriginalBranchOutAgain() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        Files.writeString(repo.root.resolve("scratch.txt"), "untracked work survives\n", UTF_8);
        SampleRepo.State before = repo.state();

        UpgradeRun run;
        try (Gate gate = repo.open(repo.options().withInPlace(true).withBisect(true))) {
            run = gate.run(List.of(SampleRepo.fastapi("0.48.0", "0.49.4")), List.of());
        }

        assertEquals(Result.PASSED, run.baseline().result());
        UpgradeOutcome outcome = run.upgrades().get(0);
        assertEquals(Result.FAILED, outcome.result());
        assertEquals(List.of(new Tried("0.49.4", Result.FAILED), new Tried("0.48.0", Result.FAILED)), outcome.tried());
        assertEquals(3, repo.runs());
        assertEquals(List.of("main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void aPassingGateLeavesItsBranchAndTheUserOnTheirs() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options().withInPlace(true))) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.46.2"));
        }

        assertEquals(Result.PASSED, outcome.result());
        assertEquals(Optional.of("pinver/fastapi-0.46"), outcome.branch());
        assertEquals(List.of("main", "pinver/fastapi-0.46"), repo.branches());
        assertTrue(repo.fileOn("pinver/fastapi-0.46", "requirements.txt").contains("fastapi>=0.46.0,<0.47.0"));
        assertEquals(before.head(), repo.tip("pinver/fastapi-0.46").getParent(0).name());
        repo.assertUntouched(before);
    }

    @Test
    void aTimeoutKillsTheTestsAndRestoresTheBranch() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options().withInPlace(true).withTimeout(Duration.ofMillis(1500)))) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.61.0"));
        }

        assertEquals(Result.TIMEOUT, outcome.result());
        ProcessRunnerTest.assertAllDead(repo.pids);
        assertEquals(List.of("main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void anExceptionHalfwayStillRestoresTheTreeAndTheBranch() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        SampleRepo.State before = repo.state();
        Edits explodes = root -> {
            try {
                Files.writeString(root.resolve("requirements.txt"), "half-written\n", UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("boom");
        };
        UpgradeRequest request = new UpgradeRequest("fastapi", dev.pinver.manifest.Ecosystem.PYPI, Path.of("requirements.txt"),
                "0.45.1", ">=0.45.0,<0.46.0", List.of(new Candidate("0.46.2", ">=0.46.0,<0.47.0", "0.46", explodes)), "");

        try (Gate gate = repo.open(repo.options().withInPlace(true))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gate.upgrade(request));
            assertEquals("boom", e.getMessage());
        }
        assertEquals(List.of("main"), repo.branches());
        repo.assertUntouched(before);
    }

    @Test
    void aDetachedHeadIsRestoredDetached() throws Exception {
        SampleRepo repo = SampleRepo.create(temp);
        repo.git("checkout", "-q", "--detach");
        SampleRepo.State before = repo.state();
        assertEquals("", before.symbolicHead());

        UpgradeOutcome outcome;
        try (Gate gate = repo.open(repo.options().withInPlace(true))) {
            outcome = gate.upgrade(SampleRepo.fastapi("0.47.0"));
        }

        assertEquals(Result.PASSED, outcome.result());
        assertEquals(List.of("main", "pinver/fastapi-0.47"), repo.branches());
        repo.assertUntouched(before);
    }
}
