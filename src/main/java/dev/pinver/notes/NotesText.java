package dev.pinver.notes;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * {@code notes --format text}: release notes for a terminal. Each release starts with its version
 * and date and the lines flagged in it; then its notes with headings, bullets and indented code,
 * links shortened to their text and host ({@code #887 (github.com)}), inline HTML dropped and HTML
 * blocks reduced to their text. With colour, flagged lines are highlighted (breaking and removal
 * red, security magenta, deprecation yellow) and headings are bold; without, the output is plain
 * text. Everything taken from the notes has had its control characters removed.
 */
public final class NotesText {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    /** Nesting deeper than this is printed as plain paragraphs. */
    private static final int MAX_DEPTH = 32;

    private final boolean color;
    private final StringBuilder out = new StringBuilder();
    private Map<String, Flag.Kind> flaggedLines = Map.of();

    private NotesText(boolean color) {
        this.color = color;
    }

    public static void write(NotesReport report, PrintWriter out, boolean color) {
        out.print(render(report, color));
        out.flush();
    }

    public static String render(NotesReport report, boolean color) {
        NotesText t = new NotesText(color);
        t.report(report);
        return t.out.toString();
    }

    /** {@code fastapi 0.45.0 → 0.47.0}, with "oldest"/"newest" for an open end. */
    static String title(NotesReport report) {
        return UntrustedText.oneLine(report.packageName() + " " + report.from().orElse("oldest") + " → "
                + report.to().orElse("newest"));
    }

    private void report(NotesReport report) {
        int n = report.releases().size();
        out.append(style(BOLD, title(report))).append(": ").append(n).append(n == 1 ? " release" : " releases")
                .append('\n').append("source: ").append(UntrustedText.oneLine(report.source())).append('\n');
        for (Release r : report.releases()) {
            out.append('\n');
            release(r);
        }
    }

    private void release(Release r) {
        out.append(style(BOLD, UntrustedText.oneLine(r.version()) + r.date().map(d -> " (" + d + ")").orElse("")))
                .append('\n');
        flaggedLines = new HashMap<>();
        for (Flag f : r.flagged()) {
            flaggedLines.putIfAbsent(f.line(), f.kind());
            out.append("  ").append(style(colorOf(f.kind()), "! " + f.kind().id() + ": " + f.line())).append('\n');
        }
        String text = UntrustedText.stripControls(r.text());
        if (r.format() == ChangelogFormat.MARKDOWN) {
            markdown(text, r.version());
        } else {
            restructuredText(text);
        }
    }

    /** The blocks of a Markdown section; its first heading is not repeated when it names this release. */
    private void markdown(String text, String version) {
        Node document = MarkdownTree.parse(text);
        Node first = document.getFirstChild();
        for (Node n = first; n != null; n = n.getNext()) {
            if (n == first && n instanceof Heading h && VersionTitle.parse(MarkdownTree.inlineText(h, false))
                    .map(VersionTitle::version).filter(version::equals).isPresent()) {
                continue;
            }
            out.append('\n');
            block(n, "", 0);
        }
    }

    private void block(Node n, String indent, int depth) {
        if (depth > MAX_DEPTH) {
            line(indent, UntrustedText.oneLine(MarkdownTree.inlineText(n, false)), null);
        } else if (n instanceof Heading h) {
            heading(indent, inline(h));
        } else if (n instanceof Paragraph p) {
            line(indent, inline(p), kindOf(p));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                String marker = n instanceof OrderedList ? number++ + ". " : "• ";
                listItem(item, indent, marker, depth);
            }
        } else if (n instanceof BlockQuote) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                block(c, indent + "> ", depth + 1);
            }
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            String literal = n instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) n).getLiteral();
            for (String l : literal.stripTrailing().split("\n", -1)) {
                line(indent + "    ", color ? style(DIM, l) : l, null);
            }
        } else if (n instanceof HtmlBlock h) {
            String words = HtmlText.of(h.getLiteral());
            if (!words.isEmpty()) {
                line(indent, words, null);
            }
        } else if (n instanceof ThematicBreak) {
            line(indent, "---", null);
        }
    }

    private void listItem(Node item, String indent, String marker, int depth) {
        String continuation = indent + " ".repeat(marker.length());
        boolean first = true;
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (first && c instanceof Paragraph p) {
                line(indent, marker + inline(p), kindOf(p));
            } else {
                block(c, first ? indent + marker : continuation, depth + 1);
            }
            first = false;
        }
        if (first) {
            line(indent, marker.strip(), null);
        }
    }

    /** A heading: bold with colour, else underlined with dashes. */
    private void heading(String indent, String title) {
        line(indent, color ? style(BOLD, title) : title, null);
        if (!color) {
            line(indent, "-".repeat(Math.max(3, title.codePointCount(0, title.length()))), null);
        }
    }

    /** The kind a paragraph was flagged with, recognised by its text; null when it was not. */
    private Flag.Kind kindOf(Paragraph p) {
        return flaggedLines.get(Release.clip(UntrustedText.oneLine(MarkdownTree.inlineText(p, false))));
    }

    private void line(String indent, String content, Flag.Kind kind) {
        out.append(indent).append(kind == null ? content : style(colorOf(kind), content)).append('\n');
    }

    /** A block's inline content on one line: links as text and host, code in backticks, HTML dropped. */
    private static String inline(Node block) {
        StringBuilder sb = new StringBuilder();
        inline(block, sb, 0);
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static void inline(Node parent, StringBuilder sb, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append('`').append(c.getLiteral()).append('`');
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else if (n instanceof Link || n instanceof Image) {
                String destination = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
                String label = MarkdownTree.inlineText(n, false);
                if (label.equals(destination) || label.isBlank()) {
                    sb.append(destination);
                } else {
                    inline(n, sb, depth + 1);
                    String host = host(destination);
                    if (!host.isEmpty()) {
                        sb.append(" (").append(host).append(')');
                    }
                }
            } else if (depth < MAX_DEPTH) {
                inline(n, sb, depth + 1);
            } else {
                sb.append(MarkdownTree.inlineText(n, false));
            }
        }
    }

    /** The host of an absolute URL without {@code www.}; empty for relative links and other schemes. */
    static String host(String destination) {
        try {
            String host = new URI(destination).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private void restructuredText(String text) {
        Outline outline = RstOutline.of(text);
        List<Outline.Heading> headings = outline.headings();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (String raw : lines) {
            int start = offset;
            offset += raw.length() + 1;
            Outline.Heading heading = headings.stream().filter(h -> start >= h.start() && start < h.end())
                    .findFirst().orElse(null);
            if (heading != null) {
                if (RstOutline.adornmentChar(raw) == 0 && heading.start() > 0) {
                    heading("", heading.title());
                }
                continue;
            }
            Flag.Kind kind = outline.blocks().stream()
                    .filter(b -> b.end() > start && b.start() < start + raw.length() + 1)
                    .map(b -> flaggedLines.get(Release.clip(b.text()))).filter(k -> k != null).findFirst().orElse(null);
            String indent = raw.substring(0, raw.length() - raw.stripLeading().length());
            line(indent, RstInline.plain(raw.strip(), false), kind);
        }
    }

    private String style(String ansi, String s) {
        return color && ansi != null ? ansi + s + RESET : s;
    }

    private static String colorOf(Flag.Kind kind) {
        return switch (kind) {
            case BREAKING -> "\u001B[1;31m";
            case REMOVAL -> "\u001B[31m";
            case SECURITY -> "\u001B[35m";
            case DEPRECATION -> "\u001B[33m";
        };
    }
}
