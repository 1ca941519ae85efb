package dev.pinver.report;

import dev.pinver.check.CheckReport;
import dev.pinver.check.Finding;
import dev.pinver.policy.Severity;
import dev.pinver.manifest.Problem;
import java.io.PrintWriter;
import java.util.List;

/** {@code check --format text}: one aligned line per finding, then a summary; colour only on a terminal. */
public final class CheckText {

    private CheckText() {
    }

    public static void write(CheckReport report, PrintWriter out, boolean color) {
        List<String[]> rows = report.findings().stream().map(CheckText::row).toList();
        int[] widths = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            Severity s = report.findings().get(i).severity();
            out.println(pad(r[0], widths[0]) + "  " + paint(pad(r[1], widths[1]), s, color) + "  "
                    + pad(r[2], widths[2]) + "  " + r[3]);
        }
        if (!rows.isEmpty()) {
            out.println();
        }
        out.println(summary(report));
        out.flush();
    }

    /** Problems go to stderr, one line each: {@code file:line:col: message}. */
    public static void writeProblems(List<Problem> problems, PrintWriter err) {
        for (Problem p : problems) {
            err.println("pinver: " + DisplayPath.of(p.location().file()) + ":" + p.location().line() + ":"
                    + p.location().column() + ": " + p.message());
        }
        err.flush();
    }

    static String summary(CheckReport report) {
        long ok = report.dependencies().stream().filter(c -> c.status().equals("ok")).count();
        StringBuilder sb = new StringBuilder();
        sb.append(report.dependencies().size()).append(plural(report.dependencies().size(), " dependency", " dependencies"))
                .append(" in ").append(report.manifests()).append(plural(report.manifests(), " manifest", " manifests"))
                .append(": ").append(ok).append(" ok");
        for (Severity s : Severity.values()) {
            long n = report.count(s);
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(s.id()).append(n == 1 ? "" : "s");
            }
        }
        if (!report.problems().isEmpty()) {
            sb.append(", ").append(report.problems().size()).append(plural(report.problems().size(),
                    " unreadable line or file", " unreadable lines or files"));
        }
        return sb.toString();
    }

    private static String[] row(Finding f) {
        String where = DisplayPath.of(f.dependency().reportedAt().file()) + ":" + f.dependency().reportedAt().line() + ":"
                + f.dependency().reportedAt().column();
        return new String[] {where, f.severity().id(), f.rule(), f.message()};
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String paint(String s, Severity severity, boolean color) {
        if (!color) {
            return s;
        }
        String code = switch (severity) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
        return code + s + "\u001b[0m";
    }

    /** {@code one} for 1, else {@code many}: "1 manifest", "3 manifests". */
    static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
