package dev.pinver.gate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The tests on the unmodified base, run before any upgrade: {@link Result#PASSED}, or
 * {@link Result#BASELINE_FAILED} (set-up, install or tests failed or timed out), which stops the run.
 *
 * @param log the log file, in the user's {@code .git/pinver/logs/}
 * @param tail the log's last lines
 * @param evidence the test run, when the tests ran
 * @param message what went wrong, one line; empty when it passed
 */
public record Baseline(Result result, long durationMs, Path log, String tail, Optional<TestEvidence> evidence,
        String message) {

    public boolean passed() {
        return result == Result.PASSED;
    }
}
