package dev.pinver.notes;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line about the release notes of an upgrade, for {@code outdated --notes}: how many releases,
 * how many flagged lines of each kind, and where they were read; or why there are none.
 *
 * @param releases the number of releases in the range
 * @param flagged the number of flagged lines, all kinds
 * @param byKind the number of flagged lines of each kind
 * @param source where the notes were read (or the page to look at when none could be)
 * @param unavailable why there are no notes; empty when there are
 */
public record NotesSummary(int releases, int flagged, Map<Flag.Kind, Integer> byKind, String source,
        Optional<String> unavailable) {

    public NotesSummary {
        byKind = Map.copyOf(byKind);
    }

    /** The summary of a search: its counts when notes were read, else "unavailable" with the reason. */
    public static NotesSummary of(NotesResult result) {
        NotesReport report = result.report();
        return switch (result.status()) {
            case FOUND, EMPTY -> {
                Map<Flag.Kind, Integer> kinds = new EnumMap<>(Flag.Kind.class);
                report.flagged().forEach(f -> kinds.merge(f.flag().kind(), 1, Integer::sum));
                yield new NotesSummary(report.releases().size(), report.flagged().size(), kinds, report.source(),
                        Optional.empty());
            }
            case LINK_ONLY, NOTHING -> unavailable(result.problem(), report.source());
        };
    }

    /** No notes, for this reason; {@code source} is a page to look at, or empty. */
    public static NotesSummary unavailable(String reason, String source) {
        return new NotesSummary(0, 0, Map.of(), source, Optional.of(reason));
    }

    /** {@code 3 releases, 2 breaking, 1 deprecation}, or {@code notes unavailable}. */
    public String line() {
        if (unavailable.isPresent()) {
            return "notes unavailable";
        }
        String counts = releases + (releases == 1 ? " release" : " releases");
        if (byKind.isEmpty()) {
            return counts;
        }
        return counts + ", " + byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "));
    }
}
