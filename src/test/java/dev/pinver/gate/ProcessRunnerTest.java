package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path temp;

    @Test
    void outputAndExitCodeGoToTheLog() throws IOException {
        Path log = temp.resolve("logs/run.log");
        Logs.start(log);
        ProcessRunner.Execution run = ProcessRunner.run(Command.shell("echo out; echo err >&2; pwd; exit 3"), temp,
                Duration.ofSeconds(20), log);

        assertEquals(3, run.exitCode());
        assertFalse(run.ok());
        assertFalse(run.timedOut());
        assertEquals("$ echo out; echo err >&2; pwd; exit 3\nout\nerr\n" + temp.toRealPath() + "\n[exit 3 after "
                + run.durationMs() + " ms]\n", Files.readString(log, UTF_8));
    }

    @Test
    void aTimeoutKillsTheCommandAndTheChildItSpawned() throws IOException {
        Path log = temp.resolve("run.log");
        Path pids = temp.resolve("pids");
        Logs.start(log);
        long start = System.nanoTime();
        ProcessRunner.Execution run = ProcessRunner.run(
                Command.shell("sleep 30 & echo \"$$ $!\" > " + pids + "; wait"), temp, Duration.ofMillis(700), log);

        assertTrue(run.timedOut());
        assertEquals(-1, run.exitCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        assertTrue(Files.readString(log).endsWith("[timed out after " + run.durationMs() + " ms; process tree killed]\n"));
        assertAllDead(pids);
    }

    @Test
    void aMissingProgramIsAFailureNotAnException() throws IOException {
        Path log = temp.resolve("run.log");
        Logs.start(log);
        ProcessRunner.Execution run = ProcessRunner.run(Command.of("pinver-no-such-program"), temp, Duration.ofSeconds(5), log);

        assertFalse(run.ok());
        assertFalse(run.timedOut());
        assertTrue(run.describe().startsWith("cannot start: "), run.describe());
        assertTrue(Files.readString(log).contains("[cannot start: "));
    }

    @Test
    void commandsAreShownAsTyped() {
        assertEquals("uv lock --upgrade-package fastapi", Command.of("uv", "lock", "--upgrade-package", "fastapi").display());
        assertEquals("pytest -k 'a and b' ''", Command.of("pytest", "-k", "a and b", "").display());
        assertEquals("npm test && echo 'ok'", Command.shell("npm test && echo 'ok'").display());
        assertEquals("echo 'it'\\''s'", Command.of("echo", "it's").display());
    }

    /** Asserts that the processes whose ids a test wrote to {@code pids} (space-separated) are gone. */
    static void assertAllDead(Path pids) throws IOException {
        List<Long> ids = Arrays.stream(Files.readString(pids).strip().split("\\s+")).map(Long::parseLong).toList();
        assertEquals(2, ids.size(), "a parent and its child");
        for (long id : ids) {
            Optional<ProcessHandle> handle = ProcessHandle.of(id);
            assertTrue(handle.isEmpty() || !handle.get().isAlive() || zombie(id), "process " + id + " still runs");
        }
    }

    /** Whether a process has exited and only waits to be reaped by a parent that is not this JVM. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
