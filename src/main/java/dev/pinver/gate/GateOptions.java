package dev.pinver.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How gates run.
 *
 * @param branchPrefix put before {@code <package>-<window>} in branch names
 * @param timeout the limit for each command (setup, lock, install, test); the process tree is killed after it
 * @param bisect when the newest candidate fails, search the older ones for the newest that passes
 * @param keepFailed keep a failing attempt, committed, on its branch instead of deleting the branch
 * @param inPlace run in the user's own working tree and environment (refuses uncommitted changes and
 *     restores the original branch afterwards) instead of an isolated clone
 * @param identity the author and committer of the gate's commits
 * @param workDir where isolated clones are made (each in a new temporary directory, removed afterwards)
 * @param tailLines how many last lines of a log reports keep
 */
public record GateOptions(String branchPrefix, Duration timeout, boolean bisect, boolean keepFailed, boolean inPlace,
        Identity identity, Path workDir, int tailLines) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public GateOptions {
        Objects.requireNonNull(branchPrefix, "branchPrefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(workDir, "workDir");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Branches {@code pinver/...}, 30 minutes per command, no bisect, failures deleted, isolated clones in the temp dir. */
    public static GateOptions defaults() {
        return new GateOptions("pinver/", DEFAULT_TIMEOUT, false, false, false, Identity.PINVER,
                Path.of(System.getProperty("java.io.tmpdir")), 40);
    }

    public GateOptions withBranchPrefix(String prefix) {
        return new GateOptions(prefix, timeout, bisect, keepFailed, inPlace, identity, workDir, tailLines);
    }

    public GateOptions withTimeout(Duration limit) {
        return new GateOptions(branchPrefix, limit, bisect, keepFailed, inPlace, identity, workDir, tailLines);
    }

    public GateOptions withBisect(boolean on) {
        return new GateOptions(branchPrefix, timeout, on, keepFailed, inPlace, identity, workDir, tailLines);
    }

    public GateOptions withKeepFailed(boolean on) {
        return new GateOptions(branchPrefix, timeout, bisect, on, inPlace, identity, workDir, tailLines);
    }

    public GateOptions withInPlace(boolean on) {
        return new GateOptions(branchPrefix, timeout, bisect, keepFailed, on, identity, workDir, tailLines);
    }

    public GateOptions withIdentity(Identity who) {
        return new GateOptions(branchPrefix, timeout, bisect, keepFailed, inPlace, who, workDir, tailLines);
    }

    public GateOptions withWorkDir(Path directory) {
        return new GateOptions(branchPrefix, timeout, bisect, keepFailed, inPlace, identity, directory, tailLines);
    }
}
