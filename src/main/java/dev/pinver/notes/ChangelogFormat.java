package dev.pinver.notes;

import java.util.Locale;

/** The markup a changelog is written in. */
public enum ChangelogFormat {
    /** CommonMark, as GitHub and most changelog files write it. */
    MARKDOWN,
    /** reStructuredText, common in Python projects ({@code CHANGES.rst}). */
    RESTRUCTURED_TEXT;

    /** The format a file name suggests: {@code .rst}/{@code .rest} → reStructuredText, anything else Markdown. */
    public static ChangelogFormat forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".rst") || n.endsWith(".rest") ? RESTRUCTURED_TEXT : MARKDOWN;
    }

    Outline outline(String text) {
        return this == MARKDOWN ? MarkdownOutline.of(text) : RstOutline.of(text);
    }
}
