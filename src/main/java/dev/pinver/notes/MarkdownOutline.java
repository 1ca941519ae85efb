package dev.pinver.notes;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * The outline of a Markdown changelog, read with commonmark-java: headings that are direct
 * children of the document (ATX and setext), and every paragraph (in lists and block quotes too).
 * Positions come from source spans, so sections cut at them are exactly the input's text.
 */
final class MarkdownOutline {

    private MarkdownOutline() {
    }

    static Outline of(String text) {
        Node document = MarkdownTree.parse(text);
        List<Outline.Heading> headings = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && MarkdownTree.start(h) >= 0) {
                int start = MarkdownTree.lineStart(text, MarkdownTree.start(h));
                headings.add(new Outline.Heading(h.getLevel(), UntrustedText.oneLine(MarkdownTree.inlineText(h, false)),
                        start, MarkdownTree.end(h), h.getSourceSpans().get(0).getLineIndex() + 1));
            }
        }
        List<Outline.Block> blocks = new ArrayList<>();
        for (Node n : MarkdownTree.preorder(document)) {
            if (n instanceof Paragraph p && MarkdownTree.start(p) >= 0) {
                blocks.add(new Outline.Block(UntrustedText.oneLine(MarkdownTree.inlineText(p, false)),
                        UntrustedText.oneLine(MarkdownTree.inlineText(p, true)), MarkdownTree.start(p), MarkdownTree.end(p),
                        isOutermostItem(p)));
            }
        }
        return new Outline(headings, blocks, trailingDefinitions(document, text));
    }

    private static boolean isOutermostItem(Paragraph p) {
        if (!(p.getParent() instanceof ListItem) || p.getPrevious() != null) {
            return false;
        }
        for (Node n = p.getParent().getParent(); n != null; n = n.getParent()) {
            if (n instanceof ListItem) {
                return false;
            }
        }
        return true;
    }

    /** Link reference definitions at the very end belong to no release: content ends before them. */
    private static int trailingDefinitions(Node document, String text) {
        int end = text.length();
        for (Node n = document.getLastChild(); n instanceof LinkReferenceDefinition && MarkdownTree.start(n) >= 0;
                n = n.getPrevious()) {
            end = MarkdownTree.lineStart(text, MarkdownTree.start(n));
        }
        return end;
    }
}
