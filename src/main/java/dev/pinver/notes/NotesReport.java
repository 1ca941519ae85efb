package dev.pinver.notes;

import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code pinver notes}: which package, which versions, where the notes came from,
 * and the releases in ({@code from}, {@code to}], newest first.
 *
 * @param packageName the package, normalised as in the manifest
 * @param ecosystem {@code pypi}, {@code maven} or {@code npm}
 * @param from the version upgraded from (exclusive); empty: from the oldest release
 * @param to the version upgraded to (inclusive); empty: up to the newest release
 * @param source where the notes were read: a URL or a file
 * @param releases the releases, newest first
 */
public record NotesReport(String packageName, String ecosystem, Optional<String> from, Optional<String> to,
        String source, List<Release> releases) {

    public NotesReport {
        releases = List.copyOf(releases);
    }

    /** Every flagged line of every release, newest release first. */
    public List<Flagged> flagged() {
        return releases.stream().flatMap(r -> r.flagged().stream().map(f -> new Flagged(r.version(), f))).toList();
    }

    /**
     * A flagged line and the release it belongs to.
     *
     * @param version the release
     * @param flag the line
     */
    public record Flagged(String version, Flag flag) {
    }
}
