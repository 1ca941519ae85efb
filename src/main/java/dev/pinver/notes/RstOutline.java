package dev.pinver.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outline of a reStructuredText changelog. A section title is a line underlined, or over- and
 * underlined, with one repeated punctuation character ({@code = - ~ ^ * + #} and the rest of
 * reStructuredText's set) at least as long as the title; underlined titles start in column 0 and
 * follow a blank line. Levels follow the order in which adornment styles first appear, as in
 * docutils. Prose blocks are paragraphs and list items; comments, directives and literal blocks
 * (after {@code ::}) are skipped.
 */
final class RstOutline {

    private static final String ADORNMENT_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern ITEM = Pattern.compile("^([-*+•‣⁃]|\\d+[.)]|#[.)]|[a-zA-Z][.)]|\\(\\d+\\))\\s+");

    private final String text;
    private final List<int[]> lines = new ArrayList<>();

    private RstOutline(String text) {
        this.text = text;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 ? text.length() : nl + 1;
            int end = nl < 0 ? text.length() : nl;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            lines.add(new int[] {start, end});
            start = next;
        }
    }

    static Outline of(String text) {
        return new RstOutline(text).outline();
    }

    private String line(int i) {
        return text.substring(lines.get(i)[0], lines.get(i)[1]);
    }

    private boolean blank(int i) {
        return line(i).isBlank();
    }

    private Outline outline() {
        List<Outline.Heading> headings = new ArrayList<>();
        boolean[] inHeading = new boolean[lines.size()];
        Map<String, Integer> levels = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            int span = titleAt(i, i == 0 || blank(i - 1) || (i > 0 && inHeading[i - 1]));
            if (span == 0) {
                i++;
                continue;
            }
            boolean overlined = span == 3;
            int titleLine = overlined ? i + 1 : i;
            char ch = line(titleLine + 1).charAt(0);
            int level = levels.computeIfAbsent(ch + (overlined ? "/over" : ""), k -> levels.size() + 1);
            String title = UntrustedText.oneLine(RstInline.plain(line(titleLine).strip(), false));
            headings.add(new Outline.Heading(level, title, lines.get(i)[0], lines.get(i + span - 1)[1], i + 1));
            for (int k = i; k < i + span; k++) {
                inHeading[k] = true;
            }
            i += span;
        }
        return new Outline(headings, blocks(inHeading), text.length());
    }

    /** 3 for an overlined title at {@code i}, 2 for an underlined one, 0 for none. */
    private int titleAt(int i, boolean afterBreak) {
        if (!afterBreak) {
            return 0;
        }
        if (i + 2 < lines.size() && adornment(i) != 0 && !blank(i + 1) && adornment(i + 1) == 0
                && adornment(i + 2) == adornment(i) && width(i + 2) == width(i)
                && line(i + 1).strip().codePointCount(0, line(i + 1).strip().length()) <= width(i)) {
            return 3;
        }
        String title = line(i);
        if (i + 1 < lines.size() && !title.isBlank() && !Character.isWhitespace(title.charAt(0))
                && adornment(i) == 0 && adornment(i + 1) != 0
                && title.strip().codePointCount(0, title.strip().length()) <= width(i + 1)) {
            return 2;
        }
        return 0;
    }

    /** The character of an adornment line (one punctuation character, repeated, from column 0), else 0. */
    private char adornment(int i) {
        return adornmentChar(line(i));
    }

    /** The character of {@code line} if it is an adornment, else 0. */
    static char adornmentChar(String line) {
        String s = line.stripTrailing();
        if (s.length() < 3 || ADORNMENT_CHARS.indexOf(s.charAt(0)) < 0) {
            return 0;
        }
        for (int k = 1; k < s.length(); k++) {
            if (s.charAt(k) != s.charAt(0)) {
                return 0;
            }
        }
        return s.charAt(0);
    }

    private int width(int i) {
        return line(i).stripTrailing().length();
    }

    /** Paragraphs and list items outside headings, comments, directives and literal blocks. */
    private List<Outline.Block> blocks(boolean[] inHeading) {
        List<Outline.Block> out = new ArrayList<>();
        Builder current = null;
        int skipDeeperThan = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = line(i);
            int indent = indent(line);
            if (skipDeeperThan >= 0) {
                if (line.isBlank() || indent > skipDeeperThan) {
                    continue;
                }
                skipDeeperThan = -1;
            }
            if (inHeading[i] || line.isBlank()) {
                current = flush(current, out);
                continue;
            }
            String s = line.strip();
            if (s.equals("..") || s.startsWith(".. ")) {
                current = flush(current, out);
                skipDeeperThan = indent;
                continue;
            }
            Matcher item = ITEM.matcher(s);
            int lineStart = lines.get(i)[0];
            if (item.find()) {
                current = flush(current, out);
                current = new Builder(lineStart + indent + item.end(), indent + item.end(), indent == 0);
                current.add(s.substring(item.end()), lines.get(i)[1]);
            } else if (current == null) {
                current = new Builder(lineStart + indent, indent, false);
                current.add(s, lines.get(i)[1]);
            } else {
                current.add(s, lines.get(i)[1]);
            }
            if (s.endsWith("::")) {
                skipDeeperThan = current.indent;
                current = flush(current, out);
            }
        }
        flush(current, out);
        return out;
    }

    private static Builder flush(Builder b, List<Outline.Block> out) {
        if (b != null) {
            String joined = String.join(" ", b.parts);
            String raw = joined.endsWith("::") ? joined.substring(0, joined.length() - (joined.endsWith(" ::") ? 3 : 1))
                    : joined;
            out.add(new Outline.Block(UntrustedText.oneLine(RstInline.plain(raw, false)),
                    UntrustedText.oneLine(RstInline.plain(raw, true)), b.start, b.end, b.item));
        }
        return null;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** A block being read: its lines, where it starts and ends, the indent of its text, whether it is an outermost item. */
    private static final class Builder {
        final List<String> parts = new ArrayList<>();
        final int start;
        final int indent;
        final boolean item;
        int end;

        Builder(int start, int indent, boolean item) {
            this.start = start;
            this.indent = indent;
            this.item = item;
        }

        void add(String part, int lineEnd) {
            parts.add(part);
            end = lineEnd;
        }
    }
}
