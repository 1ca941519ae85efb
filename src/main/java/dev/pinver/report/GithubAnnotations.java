package dev.pinver.report;

import dev.pinver.check.CheckReport;
import dev.pinver.check.Finding;
import dev.pinver.manifest.Problem;
import java.io.PrintWriter;

/** {@code check --format github}: GitHub Actions workflow commands that annotate the lines. */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    public static void write(CheckReport report, PrintWriter out) {
        for (Problem p : report.problems()) {
            out.println("::error file=" + property(DisplayPath.of(p.location().file()))
                    + ",line=" + p.location().line() + ",col=" + p.location().column()
                    + ",title=pinver::" + data(p.message()));
        }
        for (Finding f : report.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.println("::" + level + " file=" + property(DisplayPath.of(f.dependency().reportedAt().file()))
                    + ",line=" + f.dependency().reportedAt().line() + ",col=" + f.dependency().reportedAt().column()
                    + ",title=" + property("pinver " + f.rule() + ": " + f.dependency().name()) + "::" + data(f.message()));
        }
        out.flush();
    }

    /** Escapes a command's message as the Actions runner expects. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value, which may not contain {@code ,} or {@code :} either. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
