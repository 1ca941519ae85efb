package dev.pinver.notes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reStructuredText inline markup reduced to its words, in one left-to-right pass:
 * {@code ``code``}, roles ({@code :pr:`123`}), hyperlink references and interpreted text
 * ({@code `text <url>`_}), strong and emphasis, backslash escapes.
 */
final class RstInline {

    private static final Pattern MARKUP = Pattern.compile(
            "``(?<literal>.+?)``"
                    + "|:[\\w.+-]+(?::[\\w.+-]+)*:`(?<role>[^`]+)`"
                    + "|`(?<ref>[^`]+)`(?::[\\w.+-]+:|_{0,2})"
                    + "|\\*\\*(?<strong>\\S(?:.*?\\S)?)\\*\\*"
                    + "|(?<![\\w*])\\*(?<em>\\S(?:.*?\\S)?)\\*(?![\\w*])"
                    + "|\\\\(?<escaped>.)");
    private static final Pattern TARGET = Pattern.compile("^(.*?)\\s*<([^<>]+)>$", Pattern.DOTALL);

    private RstInline() {
    }

    /** The words of {@code text}; with {@code maskCode}, inline literals become a space. */
    static String plain(String text, boolean maskCode) {
        Matcher m = MARKUP.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group("literal") != null) {
                replacement = maskCode ? " " : m.group("literal");
            } else if (m.group("role") != null) {
                replacement = label(m.group("role"));
            } else if (m.group("ref") != null) {
                replacement = label(m.group("ref"));
            } else if (m.group("strong") != null) {
                replacement = m.group("strong");
            } else if (m.group("em") != null) {
                replacement = m.group("em");
            } else {
                replacement = m.group("escaped");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@code text <target>} → {@code text}; a bare {@code <target>} → {@code target}. */
    private static String label(String content) {
        Matcher t = TARGET.matcher(content);
        if (t.matches()) {
            return t.group(1).isBlank() ? t.group(2) : t.group(1);
        }
        return content;
    }
}
