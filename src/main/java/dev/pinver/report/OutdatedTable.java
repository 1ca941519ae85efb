package dev.pinver.report;

import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Outdated;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code outdated --format text|markdown}: one row per dependency that can move (or failed), as an
 * aligned table for a terminal or a Markdown table for a PR or an issue.
 */
public final class OutdatedTable {

    private static final String[] HEADER = {"package", "spec", "resolved", "in range", "compatible", "latest", "update", "where"};

    private OutdatedTable() {
    }

    public static void text(OutdatedReport report, PrintWriter out, boolean color) {
        List<String[]> rows = rows(report);
        if (rows.size() > 1) {
            int[] widths = new int[HEADER.length];
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
        List<String[]> rows = rows(report);
        if (rows.size() > 1) {
            for (int i = 0; i < rows.size(); i++) {
                out.println("| " + String.join(" | ", escape(rows.get(i))) + " |");
                if (i == 0) {
                    out.println("|" + "---|".repeat(HEADER.length));
                }
            }
            out.println();
        }
        out.println(summary(report));
        out.flush();
    }

    private static List<String[]> rows(OutdatedReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (OutdatedReport.Row row : report.rows()) {
            String where = DisplayPath.of(row.dependency().reportedAt().file()) + ":" + row.dependency().reportedAt().line();
            String spec = row.dependency().spec().isEmpty() ? "(none)" : row.dependency().spec();
            if (row.error().isPresent()) {
                rows.add(new String[] {row.dependency().name(), spec, "-", "-", "-", "-", "error: " + row.error().get(), where});
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
            rows.add(new String[] {row.dependency().name(), spec, o.resolved().orElse("-"), o.latestInRange().orElse("-"),
                o.latestCompatible().orElse("-"), o.latest().orElse("-"), update, where});
        }
        return rows;
    }

    private static String summary(OutdatedReport report) {
        long outdated = report.rows().stream().filter(r -> r.outdated().flatMap(Outdated::update).isPresent()).count();
        long breaking = report.rows().stream().filter(r -> r.outdated().map(Outdated::breaking).orElse(false)).count();
        return report.rows().size() + " dependencies in " + report.manifests() + " manifests: " + outdated
                + " can move, " + breaking + " of them across a breaking edge"
                + (report.errors() > 0 ? ", " + report.errors() + " registry errors" : "");
    }

    private static String[] escape(String[] row) {
        String[] out = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].replace("|", "\\|");
        }
        return out;
    }
}
