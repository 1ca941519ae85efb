package dev.pinver.notes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** CommonMark parsing with source spans, and the walks over its tree that the notes package shares. */
final class MarkdownTree {

    /** Thread-safe; keeps every node's place in the input. */
    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownTree() {
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** {@code root} and everything under it, in document order, without recursion. */
    static List<Node> preorder(Node root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        return out;
    }

    /** Offset of the node's first source character; -1 when it has no span. */
    static int start(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getInputIndex();
    }

    /** Offset just after the node's last source character; -1 when it has no span. */
    static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return -1;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }

    /** {@code text} with a backslash before each character of {@code special}: literal in Markdown. */
    static String escape(String text, String special) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Offset of the start of the line that holds {@code offset}. */
    static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /**
     * The words of a block's inline content, markup removed: link and image text kept, inline HTML
     * dropped, line breaks as spaces. With {@code maskCode}, inline code becomes a space, so that
     * keywords inside code ({@code `DeprecationWarning`}) are not read as prose.
     */
    static String inlineText(Node block, boolean maskCode) {
        StringBuilder sb = new StringBuilder();
        for (Node n : preorder(block)) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(maskCode ? " " : c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
