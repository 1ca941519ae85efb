package dev.pinver.outdated;

import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Problem;
import dev.pinver.policy.Outdated;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code pinver outdated}: one row per registry dependency, and what could not be
 * read or asked.
 */
public record OutdatedReport(int manifests, List<Row> rows, List<Problem> problems) {

    public OutdatedReport {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * One dependency: its classification, or the registry's error for it.
     *
     * @param status the policy's verdict on its spec, as {@code check} reports it ({@code ok}, {@code too-wide}, ...)
     * @param incomplete the sources that could not be read while others answered ({@link ReleaseSource.Answer#incomplete})
     * @param lockFile the lock file that gave {@code resolved}, when one did
     */
    public record Row(Dependency dependency, String status, Optional<Outdated> outdated, Optional<String> error,
            List<String> incomplete, Optional<String> lockFile) {

        public Row {
            incomplete = List.copyOf(incomplete);
        }
    }

    /** Dependencies the registries gave no answer for. */
    public long errors() {
        return rows.stream().filter(r -> r.error().isPresent()).count();
    }

    /** Dependencies classified from an answer that lacks a source that could not be read. */
    public long incomplete() {
        return rows.stream().filter(r -> !r.incomplete().isEmpty()).count();
    }

    /** Whether a registry or network failure left any answer missing or incomplete: exit code 3. */
    public boolean failedToAsk() {
        return errors() + incomplete() > 0;
    }
}
