package dev.pinver.gate;

import dev.pinver.manifest.Ecosystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How one upgrade ended; the fields of an entry of {@code upgrades} in {@code upgrade}'s JSON, plus the
 * log's tail, a one-line message and the test evidence for text reports.
 *
 * @param manifest the manifest in the user's repository
 * @param from the version in use before
 * @param to the version committed when it passed; otherwise the version aimed at
 * @param branch the branch in the user's repository holding the commit (passed, or failed with
 *     keep-failed); empty when there is none
 * @param result how {@code to} fared
 * @param tried every version the tests ran with, in the order they ran
 * @param log the log of the run that decided {@code result}; empty when nothing ran
 * @param message why it was skipped, or what failed, or what happened to the branch; empty when nothing to say
 * @param evidence the test run behind {@code result}, when the tests ran
 */
public record UpgradeOutcome(String packageName, Ecosystem ecosystem, Path manifest, String from, String to,
        Optional<String> branch, Result result, List<Tried> tried, long durationMs, Optional<Path> log, String tail,
        String message, Optional<TestEvidence> evidence) {

    public UpgradeOutcome {
        tried = List.copyOf(tried);
    }
}
