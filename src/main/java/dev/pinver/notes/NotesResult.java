package dev.pinver.notes;

import java.util.List;

/**
 * What looking for release notes came to: the report, how it was found, and every place tried.
 *
 * @param report the releases found (none unless {@link Status#FOUND}) and the source: where they were
 *     read, or for {@link Status#LINK_ONLY} the page to look at
 * @param status how the search ended
 * @param attempts each source tried, in order, with its outcome
 */
public record NotesResult(NotesReport report, Status status, List<Attempt> attempts) {

    public NotesResult {
        attempts = List.copyOf(attempts);
    }

    /** How a search for release notes ended. */
    public enum Status {
        /** A source had releases in the range. */
        FOUND,
        /** Sources were read, but none had a release in the range. */
        EMPTY,
        /** No source could be read; the report's source is a page where the notes may be (a compare view). */
        LINK_ONLY,
        /** No source could be read and there is no page to point at. */
        NOTHING
    }

    /**
     * One source tried.
     *
     * @param source the source, as a URL or a path
     * @param outcome what happened: {@code "12 releases, 3 in range"}, {@code "not found"}, or the failure
     * @param failed whether it failed (network, rate limit, refused), as opposed to not having notes
     */
    public record Attempt(String source, String outcome, boolean failed) {
    }

    /** Whether a source failed, so that the answer may be incomplete. */
    public boolean anyFailed() {
        return attempts.stream().anyMatch(Attempt::failed);
    }

    /** The first failure's message, or the reason nothing was found; for one-line error reports. */
    public String problem() {
        return attempts.stream().filter(Attempt::failed).findFirst().map(a -> a.source() + ": " + a.outcome())
                .orElse(attempts.isEmpty() ? "no source of release notes is known"
                        : "no release notes found in " + attempts.size() + (attempts.size() == 1 ? " place" : " places"));
    }
}
