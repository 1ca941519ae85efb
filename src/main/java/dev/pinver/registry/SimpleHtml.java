package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pinver.registry.RegistryException.Reason;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a project page of an HTML simple index: PEP 503 anchors whose link names a distribution file,
 * with PEP 592's {@code data-yanked} (present means yanked; its value is the reason) and
 * {@code data-requires-python} (HTML-escaped in the page, unescaped here), and PEP 629's
 * {@code pypi:repository-version} meta tag, whose major version must be 1.
 *
 * <p>The page is tokenised as HTML: comments, doctype and end tags are skipped, attribute values may be
 * double-, single- or unquoted, names are case-insensitive, the first of repeated attributes wins, the
 * contents of {@code script} and {@code style} are not markup, and character references are decoded.
 * As in pip, a file's name is the last segment of its link, percent-decoded, not the anchor's text.
 * Unlike pip 23 (whose HTML parser reports a valueless attribute as absent), a bare {@code data-yanked}
 * marks the file yanked, as PEP 592 says; a tag cut off by the end of the page is ignored.
 */
final class SimpleHtml {

    private final String html;
    private final String url;
    private int pos;

    private SimpleHtml(String html, String url) {
        this.html = html;
        this.url = url;
    }

    /** The files of {@code project} (normalised name) listed on the page at {@code url}. */
    static List<IndexFile> files(byte[] page, String url, String project) {
        return new SimpleHtml(new String(page, UTF_8), url).parse(project);
    }

    private List<IndexFile> parse(String project) {
        List<IndexFile> files = new ArrayList<>();
        while (true) {
            int lt = html.indexOf('<', pos);
            if (lt < 0) {
                return files;
            }
            pos = lt + 1;
            if (html.startsWith("!--", pos)) {
                pos = skipPast("-->", pos + 3);
            } else if (pos < html.length() && (html.charAt(pos) == '!' || html.charAt(pos) == '?' || html.charAt(pos) == '/')) {
                pos = skipPast(">", pos);
            } else if (pos < html.length() && isAsciiLetter(html.charAt(pos))) {
                String tag = name();
                Map<String, String> attributes = attributes();
                if (attributes == null) {
                    return files;
                }
                switch (tag) {
                    case "a" -> anchor(attributes, project).ifPresent(files::add);
                    case "meta" -> checkRepositoryVersion(attributes);
                    case "script", "style" -> pos = skipRawText(tag);
                    default -> {
                        // other markup carries nothing an index needs
                    }
                }
            }
        }
    }

    private Optional<IndexFile> anchor(Map<String, String> attributes, String project) {
        String href = attributes.get("href");
        if (href == null) {
            return Optional.empty();
        }
        String filename = filename(href);
        Optional<String> version = DistFilename.version(filename, project);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        boolean yanked = attributes.containsKey("data-yanked");
        Optional<String> reason = Optional.ofNullable(attributes.get("data-yanked")).filter(r -> !r.isEmpty());
        Optional<String> requiresPython = Optional.ofNullable(attributes.get("data-requires-python")).filter(r -> !r.isBlank());
        return Optional.of(new IndexFile(version.get(), filename, Optional.empty(), yanked, reason, requiresPython));
    }

    /** The last path segment of a link, without query or fragment, percent-decoded. */
    static String filename(String href) {
        String path = href;
        int cut = indexOfAny(path, "#?");
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last.replace("+", "%2B"), UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }

    private void checkRepositoryVersion(Map<String, String> attributes) {
        if (!"pypi:repository-version".equals(attributes.get("name"))) {
            return;
        }
        String version = attributes.getOrDefault("content", "").strip();
        String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        if (!major.equals("1")) {
            throw new RegistryException(Reason.MALFORMED, url, "unsupported simple repository API version " + version);
        }
    }

    private String name() {
        int start = pos;
        while (pos < html.length() && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>' && html.charAt(pos) != '/') {
            pos++;
        }
        return html.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    /** Attributes up to the end of the tag, positioned after its {@code >}; null for a tag the page cuts off. */
    private Map<String, String> attributes() {
        Map<String, String> attributes = new HashMap<>();
        while (true) {
            while (pos < html.length() && (isSpace(html.charAt(pos)) || html.charAt(pos) == '/')) {
                pos++;
            }
            if (pos >= html.length()) {
                return null;
            }
            if (html.charAt(pos) == '>') {
                pos++;
                return attributes;
            }
            int start = pos;
            pos++;
            while (pos < html.length() && !isSpace(html.charAt(pos)) && "=>/".indexOf(html.charAt(pos)) < 0) {
                pos++;
            }
            String name = html.substring(start, pos).toLowerCase(Locale.ROOT);
            skipSpaces();
            String value = "";
            if (pos < html.length() && html.charAt(pos) == '=') {
                pos++;
                skipSpaces();
                value = Entities.decode(attributeValue());
            }
            attributes.putIfAbsent(name, value);
        }
    }

    private String attributeValue() {
        if (pos >= html.length()) {
            return "";
        }
        char quote = html.charAt(pos);
        if (quote == '"' || quote == '\'') {
            int end = html.indexOf(quote, pos + 1);
            if (end < 0) {
                end = html.length();
            }
            String value = html.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }
        int start = pos;
        while (pos < html.length() && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>') {
            pos++;
        }
        return html.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < html.length() && isSpace(html.charAt(pos))) {
            pos++;
        }
    }

    private int skipPast(String end, int from) {
        int at = html.indexOf(end, from);
        return at < 0 ? html.length() : at + end.length();
    }

    private int skipRawText(String tag) {
        String lower = html.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("</" + tag, pos);
        return at < 0 ? html.length() : at;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
