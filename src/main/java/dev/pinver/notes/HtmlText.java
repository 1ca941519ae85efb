package dev.pinver.notes;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML fragment: tags, comments, declarations and processing instructions
 * removed; the content of elements that hold no prose ({@code script}, {@code style},
 * {@code iframe}, …) removed with them; everything else kept, on one line. Character references
 * are left as written, for Markdown to decode.
 */
final class HtmlText {

    private static final Set<String> DROP_CONTENT = Set.of("script", "style", "textarea", "template", "iframe",
            "object", "noscript", "svg", "math", "title", "head", "select");
    private static final Pattern TAG = Pattern.compile(
            "<!--.*?(?:-->|$)|<!\\[CDATA\\[.*?(?:]]>|$)|<[!?][^>]*>?"
                    + "|</?([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?",
            Pattern.DOTALL);

    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(html);
        int at = 0;
        while (m.find(at)) {
            out.append(html, at, m.start()).append(' ');
            at = m.end();
            String name = m.group(1);
            boolean opening = name != null && html.charAt(m.start() + 1) != '/';
            if (opening && DROP_CONTENT.contains(name.toLowerCase(Locale.ROOT))) {
                Matcher close = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE)
                        .matcher(html);
                at = close.find(at) ? close.end() : html.length();
            }
            if (at >= html.length()) {
                break;
            }
        }
        if (at < html.length()) {
            out.append(html, at, html.length());
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
