package dev.pinver.manifest;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the change between two versions of a file as a unified diff, as {@code git diff} prints it
 * (without its {@code diff --git} and {@code index} lines): {@code --- a/path}, {@code +++ b/path}, hunks
 * with three lines of context. Lines keep their own endings, so a CRLF file shows its {@code \r}
 * as git does and the diff applies with {@code git apply}; a last line without a newline is followed by
 * {@code \ No newline at end of file}.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");
    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    /**
     * The diff from {@code before} to {@code after} of the file shown as {@code path} (relative, with
     * {@code /} separators); empty when the texts are equal.
     */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> original = lines(before);
        List<String> revised = lines(after);
        List<String> rendered = UnifiedDiffUtils.generateUnifiedDiff(label("a/", path), label("b/", path),
                original, DiffUtils.diff(original, revised), CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append(rendered.get(0)).append('\n').append(rendered.get(1)).append('\n');
        for (String line : rendered.subList(2, rendered.size())) {
            if (line.startsWith("@@")) {
                out.append(hunkHeader(line)).append('\n');
            } else if (line.endsWith("\n")) {
                out.append(line);
            } else {
                out.append(line).append('\n').append(NO_NEWLINE);
            }
        }
        return out.toString();
    }

    /** The lines of {@code text}, each with its own {@code \n} (and a {@code \r} before it) where it has one. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            lines.add(text.substring(start, newline + 1));
            start = newline + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * {@code a/path}, as git writes it; an absolute path keeps a single slash ({@code a/tmp/x}). git ends
     * a file name that contains a space with a tab, so that tools can tell where it ends.
     */
    private static String label(String prefix, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return prefix + relative + (path.indexOf(' ') >= 0 ? "\t" : "");
    }

    /** git's form of a hunk header, which leaves out a line count of 1. */
    private static String hunkHeader(String header) {
        Matcher m = HUNK.matcher(header);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected hunk header from java-diff-utils: " + header);
        }
        return "@@ -" + range(m.group(1), m.group(2)) + " +" + range(m.group(3), m.group(4)) + " @@";
    }

    private static String range(String start, String count) {
        return count.equals("1") ? start : start + "," + count;
    }
}
