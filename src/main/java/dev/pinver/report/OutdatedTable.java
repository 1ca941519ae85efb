package dev.pinver.report;

import dev.pinver.manifest.Dependency;
import dev.pinver.notes.NotesSummary;
import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Outdated;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code outdated --format text|markdown}: one row per dependency that can move (or failed), as an
 * aligned table for a terminal or a Markdown table for a PR or an issue.
 */
public final class OutdatedTable {

    private static final String[] HEADER = {"package", "spec", "resolved", "in range", "compatible", "latest", "update", "where"};
    private static final String[] HEADER_WITH_NOTES = {"package", "spec", "resolved", "in range", "compatible", "latest",
        "update", "notes", "where"};

    private OutdatedTable() {
    }

    public static void text(OutdatedReport report, PrintWriter out, boolean color) {
        text(report, Map.of(), out, color);
    }

    /** With a {@code notes} column when {@code notes} is not empty ({@code outdated --notes}). */
    public static void text(OutdatedReport report, Map<Dependency, NotesSummary> notes, PrintWriter out, boolean color) {
        List<String[]> rows = rows(report, notes);
        if (rows.size() > 1) {
            int[] widths = new int[rows.get(0).length];
            rows.forEach(r -> {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            });
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < r.length; c++) {
                    String cell = c == r.length - 1 ? r[c] : r[c] + " ".repeat(widths[c] - r[c].length()) + "  ";
                    boolean breaking = i > 0 && r[6].startsWith("major");
                    line.append(color && c == 6 && breaking ? "\u001b[31m" + cell + "\u001b[0m" : cell);
                }
                out.println(line.toString().stripTrailing());
            }
            out.println();
        }
        out.println(summary(report));
        out.flush();
    }

    public static void markdown(OutdatedReport report, PrintWriter out) {
        markdown(report, Map.of(), out);
    }

    /** With a {@code notes} column when {@code notes} is not empty ({@code outdated --notes}). */
    public static void markdown(OutdatedReport report, Map<Dependency, NotesSummary> notes, PrintWriter out) {
        List<String[]> rows = rows(report, notes);
        if (rows.size() > 1) {
            for (int i = 0; i < rows.size(); i++) {
                out.println("| " + String.join(" | ", escape(rows.get(i))) + " |");
                if (i == 0) {
                    out.println("|" + "---|".repeat(rows.get(0).length));
                }
            }
            out.println();
        }
        out.println(summary(report));
        out.flush();
    }

    private static List<String[]> rows(OutdatedReport report, Map<Dependency, NotesSummary> notes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(notes.isEmpty() ? HEADER : HEADER_WITH_NOTES);
        for (OutdatedReport.Row row : report.rows()) {
            String where = DisplayPath.of(row.dependency().reportedAt().file()) + ":" + row.dependency().reportedAt().line();
            String spec = row.dependency().spec().isEmpty() ? "(none)" : row.dependency().spec();
            if (row.error().isPresent()) {
                rows.add(withNotes(new String[] {row.dependency().name(), spec, "-", "-", "-", "-", "error: " + row.error().get(),
                    where}, notes, "-"));
                continue;
            }
            Outdated o = row.outdated().orElseThrow();
            if (o.update().isEmpty() && !o.resolvedYanked() && o.heldBack().isEmpty()) {
                continue;
            }
            String update = o.update().map(u -> u.id() + (o.breaking() ? " (breaking)" : "")).orElse("none");
            if (o.resolvedYanked()) {
                update += ", resolved version is yanked";
            }
            if (!o.heldBack().isEmpty()) {
                Outdated.Held h = o.heldBack().get(o.heldBack().size() - 1);
                update += ", " + h.version() + " held back until " + h.eligible().toString().substring(0, 10);
            }
            rows.add(withNotes(new String[] {row.dependency().name(), spec, o.resolved().orElse("-"),
                o.latestInRange().orElse("-"), o.latestCompatible().orElse("-"), o.latest().orElse("-"), update, where},
                notes, Optional.ofNullable(notes.get(row.dependency())).map(NotesSummary::line).orElse("-")));
        }
        return rows;
    }

    /** The row with a notes cell before {@code where}, when notes were asked for. */
    private static String[] withNotes(String[] row, Map<Dependency, NotesSummary> notes, String cell) {
        if (notes.isEmpty()) {
            return row;
        }
        String[] out = new String[row.length + 1];
        System.arraycopy(row, 0, out, 0, row.length - 1);
        out[row.length - 1] = cell;
        out[row.length] = row[row.length - 1];
        return out;
    }

    /**
     * One line on stderr per package whose registry answer failed, and per source that could not be read for
     * a package that others answered.
     */
    public static void writeErrors(OutdatedReport report, PrintWriter err) {
        for (OutdatedReport.Row r : report.rows()) {
            String which = "pinver: " + r.dependency().name() + " (" + r.dependency().ecosystem().id() + "): ";
            r.error().ifPresent(error -> err.println(which + error));
            r.incomplete().forEach(failure -> err.println(which + "incomplete: " + failure));
        }
        err.flush();
    }

    private static String summary(OutdatedReport report) {
        long outdated = report.rows().stream().filter(r -> r.outdated().flatMap(Outdated::update).isPresent()).count();
        long breaking = report.rows().stream().filter(r -> r.outdated().map(Outdated::breaking).orElse(false)).count();
        return report.rows().size() + CheckText.plural(report.rows().size(), " dependency", " dependencies")
                + " in " + report.manifests() + CheckText.plural(report.manifests(), " manifest", " manifests") + ": "
                + outdated + " can move, " + breaking + " of them across a breaking edge"
                + (report.errors() > 0 ? ", " + report.errors() + CheckText.plural(report.errors(), " registry error", " registry errors") : "")
                + (report.incomplete() > 0 ? ", " + report.incomplete()
                        + CheckText.plural(report.incomplete(), " incomplete answer", " incomplete answers") : "");
    }

    private static String[] escape(String[] row) {
        String[] out = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].replace("|", "\\|");
        }
        return out;
    }
}
