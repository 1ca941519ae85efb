package dev.pinver.gate;

import java.util.Locale;
import java.util.Optional;

/**
 * What a test run showed: the command, how long it took, how it ended, and the runner's counts when it
 * printed a summary pinver reads.
 */
public record TestEvidence(String command, long durationMs, int exitCode, boolean timedOut, Optional<TestCounts> counts) {

    static TestEvidence of(ProcessRunner.Execution run, String output) {
        return new TestEvidence(run.command().display(), run.durationMs(), run.exitCode(), run.timedOut(),
                TestCounts.parse(output));
    }

    /** {@code `npm test`: exit 0 in 1.2 s; 12 passed, 0 failed, 0 errors, 0 skipped (jest)}. */
    public String summary() {
        String ended = timedOut ? "timed out after " + seconds(durationMs)
                : "exit " + exitCode + " in " + seconds(durationMs);
        return "`" + command + "`: " + ended
                + counts.map(c -> "; " + c.summary() + " (" + c.runner() + ")").orElse("");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
