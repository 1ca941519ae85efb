package dev.pinver.manifest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict XML 1.0 reader for what a pom contains, keeping the character offset of everything it reads:
 * elements, attributes, comments, CDATA sections, processing instructions, the XML declaration, a UTF-8
 * byte order mark, and entity and character references (XML's five predefined entities and numeric
 * references). There are no DTDs: a {@code <!DOCTYPE} is refused, so no entity is ever defined, fetched
 * or expanded. Namespaces are not processed; names are kept as written. Any well-formedness error stops
 * the reading with a {@link Malformed} at the offending character.
 */
final class PomXml {

    private static final Map<String, String> PREDEFINED = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "apos", "'", "quot", "\"");
    private static final List<String> DECLARATION_ORDER = List.of("version", "encoding", "standalone");

    private PomXml() {
    }

    /** A well-formedness error: what is wrong, at the 0-based character {@code offset} of the text. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        Malformed(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    /** A run of an element's character content, {@code [start, end)} in the text. */
    sealed interface Piece permits Literal, Reference {
    }

    /** Character data or a CDATA section's content: it means what is written (line ends aside). */
    record Literal(int start, int end) implements Piece {
    }

    /** An entity or character reference, {@code &...;}, and the text it stands for. */
    record Reference(int start, int end, String value) implements Piece {
    }

    /**
     * One element: {@code start} is the offset of its {@code <}, {@code [contentStart, contentEnd)} what lies
     * between its start and end tags (both at the end of the tag for {@code <x/>}).
     */
    record Element(String name, int start, int contentStart, int contentEnd, List<Element> children, List<Piece> pieces) {

        /** The first child element named {@code name}. */
        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        /** The child elements named {@code name}, in document order. */
        List<Element> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }
    }

    /**
     * An element's character content with surrounding whitespace trimmed, as Maven reads it: {@code value}
     * is what it means; {@code [start, end)} is where it is written, from the first character of the value
     * to the last. {@code verbatim} when that text is exactly {@code value}, so that it can be replaced in
     * place; false when references, markup or a line end inside change how it reads.
     */
    record Text(String value, int start, int end, boolean verbatim) {
    }

    /** A parsed file: its text, its root element, and its lines for positions. */
    record Document(String source, Element root, Lines lines) {

        /** The content of {@code element}, trimmed, with where it is written. */
        Text text(Element element) {
            StringBuilder value = new StringBuilder();
            int[] from = new int[16];
            int[] to = new int[16];
            for (Piece piece : element.pieces()) {
                if (piece instanceof Reference ref) {
                    for (int k = 0; k < ref.value().length(); k++) {
                        from = grow(from, value.length());
                        to = grow(to, value.length());
                        from[value.length()] = ref.start();
                        to[value.length()] = ref.end();
                        value.append(ref.value().charAt(k));
                    }
                } else if (piece instanceof Literal literal) {
                    for (int i = literal.start(); i < literal.end(); i++) {
                        from = grow(from, value.length());
                        to = grow(to, value.length());
                        char c = source.charAt(i);
                        from[value.length()] = i;
                        if (c == '\r') {
                            // XML reads CR LF and a lone CR as one line feed
                            boolean pair = i + 1 < literal.end() && source.charAt(i + 1) == '\n';
                            to[value.length()] = pair ? i + 2 : i + 1;
                            value.append('\n');
                            i += pair ? 1 : 0;
                        } else {
                            to[value.length()] = i + 1;
                            value.append(c);
                        }
                    }
                }
            }
            int first = 0;
            int last = value.length() - 1;
            while (first <= last && isSpace(value.charAt(first))) {
                first++;
            }
            while (last >= first && isSpace(value.charAt(last))) {
                last--;
            }
            if (first > last) {
                return new Text("", element.contentStart(), element.contentStart(), true);
            }
            String trimmed = value.substring(first, last + 1);
            return new Text(trimmed, from[first], to[last], source.substring(from[first], to[last]).equals(trimmed));
        }

        /** The text of the first child named {@code name}, if there is one. */
        Optional<Text> childText(Element parent, String name) {
            return parent.child(name).map(this::text);
        }

        Span span(int start, int end) {
            return lines.span(start, end);
        }

        private static int[] grow(int[] array, int index) {
            return index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        }
    }

    /** Line starts of a text, counting line ends as {@link Span#of} does (LF, CR LF, or a lone CR). */
    static final class Lines {
        private final int[] starts;

        private Lines(int[] starts) {
            this.starts = starts;
        }

        static Lines of(String text) {
            int[] found = new int[64];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            return new Lines(Arrays.copyOf(found, count));
        }

        Span span(int start, int end) {
            int found = Arrays.binarySearch(starts, start);
            int index = found >= 0 ? found : -found - 2;
            return new Span(start, end, index + 1, start - starts[index] + 1);
        }

        /** {@code line:column} of an offset, for messages. */
        String at(int offset) {
            Span span = span(offset, offset);
            return span.line() + ":" + span.column();
        }
    }

    /** Reads {@code source} as a whole XML document. */
    static Document parse(String source) throws Malformed {
        Lines lines = Lines.of(source);
        return new Document(source, new Scanner(source, lines).document(), lines);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** XML 1.0's {@code Char}. */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isNameStart(int c) {
        return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
                || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    /** An element whose end tag has not been read yet. */
    private static final class Open {
        final String name;
        final int start;
        final int contentStart;
        final List<Element> children = new ArrayList<>();
        final List<Piece> pieces = new ArrayList<>();
        /** Read as {@code <name/>}: already complete. */
        final boolean empty;

        Open(String name, int start, int contentStart, boolean empty) {
            this.name = name;
            this.start = start;
            this.contentStart = contentStart;
            this.empty = empty;
        }

        Element close(int contentEnd) {
            return new Element(name, start, contentStart, contentEnd, List.copyOf(children), List.copyOf(pieces));
        }
    }

    /** The reading position in one text. Nesting is kept on an explicit stack, so depth cannot overflow. */
    private static final class Scanner {
        private final String s;
        private final Lines lines;
        private int pos;

        Scanner(String s, Lines lines) {
            this.s = s;
            this.lines = lines;
        }

        Element document() throws Malformed {
            checkCharacters();
            pos = s.startsWith("\uFEFF") ? 1 : 0;
            if (s.startsWith("<?xml", pos) && pos + 5 < s.length() && (isSpace(s.charAt(pos + 5)) || s.charAt(pos + 5) == '?')) {
                declaration();
            }
            Element root = null;
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    break;
                }
                if (s.startsWith("<!--", pos)) {
                    comment();
                } else if (s.startsWith("<?", pos)) {
                    processingInstruction();
                } else if (s.startsWith("</", pos)) {
                    throw new Malformed(pos, "end tag without a start tag");
                } else if (s.startsWith("<!", pos)) {
                    throw markupDeclaration();
                } else if (s.charAt(pos) == '<') {
                    if (root != null) {
                        throw new Malformed(pos, "a second root element; a pom has exactly one");
                    }
                    root = element();
                } else {
                    throw new Malformed(pos, root == null ? "text before the root element" : "text after the root element");
                }
            }
            if (root == null) {
                throw new Malformed(pos, "no root element");
            }
            return root;
        }

        /** The first character XML does not allow anywhere (an unpaired surrogate included). */
        private void checkCharacters() throws Malformed {
            for (int i = 0; i < s.length(); i++) {
                int c = s.codePointAt(i);
                if (!isXmlChar(c)) {
                    throw new Malformed(i, String.format(Locale.ROOT, "character U+%04X is not allowed in XML", c));
                }
                i += Character.charCount(c) - 1;
            }
        }

        private Malformed markupDeclaration() {
            if (s.regionMatches(true, pos, "<!DOCTYPE", 0, 9)) {
                return new Malformed(pos, "DOCTYPE not allowed in a pom (pinver reads no DTDs or external entities)");
            }
            return new Malformed(pos, "unexpected markup declaration; expected an element, a comment or CDATA");
        }

        /** One element with everything inside it. */
        private Element element() throws Malformed {
            Deque<Open> open = new ArrayDeque<>();
            Open root = startTag();
            if (root.empty) {
                return root.close(pos);
            }
            open.push(root);
            while (true) {
                Open top = open.peek();
                characterData(top);
                if (pos >= s.length()) {
                    throw new Malformed(top.start, "<" + top.name + "> is not closed before the end of the file");
                }
                if (s.charAt(pos) == '&') {
                    top.pieces.add(reference());
                } else if (s.startsWith("</", pos)) {
                    int endTag = pos;
                    String name = endTag();
                    if (!name.equals(top.name)) {
                        throw new Malformed(endTag, "end tag </" + name + "> does not match <" + top.name + "> at "
                                + lines.at(top.start));
                    }
                    open.pop();
                    Element done = top.close(endTag);
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().children.add(done);
                } else if (s.startsWith("<!--", pos)) {
                    comment();
                } else if (s.startsWith("<![CDATA[", pos)) {
                    top.pieces.add(cdata());
                } else if (s.startsWith("<?", pos)) {
                    processingInstruction();
                } else if (s.startsWith("<!", pos)) {
                    throw markupDeclaration();
                } else {
                    Open child = startTag();
                    if (child.empty) {
                        top.children.add(child.close(pos));
                    } else {
                        open.push(child);
                    }
                }
            }
        }

        /** A start tag, or an empty-element tag. */
        private Open startTag() throws Malformed {
            int start = pos++;
            String name = name("an element name after '<'");
            Set<String> attributes = new HashSet<>();
            while (true) {
                boolean spaced = skipSpace();
                if (pos >= s.length()) {
                    throw new Malformed(start, "start tag <" + name + " is not closed");
                }
                char c = s.charAt(pos);
                if (c == '>') {
                    pos++;
                    return new Open(name, start, pos, false);
                }
                if (c == '/') {
                    if (!s.startsWith("/>", pos)) {
                        throw new Malformed(pos, "expected '>' after '/' in <" + name + ">");
                    }
                    pos += 2;
                    return new Open(name, start, pos, true);
                }
                if (!spaced) {
                    throw new Malformed(pos, "expected whitespace, '>' or '/>' in the start tag of <" + name + ">");
                }
                int attributeStart = pos;
                String attribute = name("an attribute name");
                if (!attributes.add(attribute)) {
                    throw new Malformed(attributeStart, "duplicate attribute '" + attribute + "' in <" + name + ">");
                }
                attributeValue(attribute);
            }
        }

        /** {@code = "value"} after an attribute name: checked, its value not kept. */
        private String attributeValue(String attribute) throws Malformed {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '=') {
                throw new Malformed(pos, "expected '=' after '" + attribute + "'");
            }
            pos++;
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\'')) {
                throw new Malformed(pos, "expected a quoted value for '" + attribute + "'");
            }
            int open = pos;
            char quote = s.charAt(pos++);
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new Malformed(open, "value of '" + attribute + "' is not closed");
                }
                char c = s.charAt(pos);
                if (c == quote) {
                    pos++;
                    return value.toString();
                }
                if (c == '<') {
                    throw new Malformed(pos, "'<' is not allowed in an attribute value (write &lt;)");
                }
                if (c == '&') {
                    value.append(reference().value());
                } else {
                    value.append(c);
                    pos++;
                }
            }
        }

        /** {@code </name>}: its name. */
        private String endTag() throws Malformed {
            int start = pos;
            pos += 2;
            String name = name("an element name after '</'");
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '>') {
                throw new Malformed(pos >= s.length() ? start : pos, "expected '>' to close the end tag </" + name + ">");
            }
            pos++;
            return name;
        }

        /** Character data up to the next {@code <} or {@code &}, added to the content when there is some. */
        private void characterData(Open element) throws Malformed {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != '<' && s.charAt(pos) != '&') {
                if (s.charAt(pos) == ']' && s.startsWith("]]>", pos)) {
                    throw new Malformed(pos, "']]>' is not allowed in text (write ]]&gt;)");
                }
                pos++;
            }
            if (pos > start) {
                element.pieces.add(new Literal(start, pos));
            }
        }

        /** {@code &name;} or {@code &#...;}. */
        private Reference reference() throws Malformed {
            int start = pos++;
            if (pos < s.length() && s.charAt(pos) == '#') {
                return characterReference(start);
            }
            if (pos >= s.length() || !isNameStart(s.codePointAt(pos))) {
                throw new Malformed(start, "'&' must start an entity or character reference (write &amp;)");
            }
            String name = name("an entity name");
            if (pos >= s.length() || s.charAt(pos) != ';') {
                throw new Malformed(start, "entity reference '&" + name + "' has no closing ';'");
            }
            pos++;
            String value = PREDEFINED.get(name);
            if (value == null) {
                throw new Malformed(start, "undefined entity '&" + name + ";' (a pom may use only &lt; &gt; &amp; "
                        + "&apos; &quot; and character references)");
            }
            return new Reference(start, pos, value);
        }

        private Reference characterReference(int start) throws Malformed {
            pos++;
            boolean hex = pos < s.length() && s.charAt(pos) == 'x';
            pos += hex ? 1 : 0;
            int digitsStart = pos;
            long code = 0;
            while (pos < s.length() && Character.digit(s.charAt(pos), hex ? 16 : 10) >= 0 && s.charAt(pos) < 0x80) {
                code = Math.min(code * (hex ? 16 : 10) + Character.digit(s.charAt(pos), hex ? 16 : 10), 0x110000);
                pos++;
            }
            if (pos == digitsStart || pos >= s.length() || s.charAt(pos) != ';') {
                throw new Malformed(start, "malformed character reference; expected &#digits; or &#xhex;");
            }
            pos++;
            if (!isXmlChar((int) code)) {
                throw new Malformed(start, "character reference '" + s.substring(start, pos)
                        + "' is to a character not allowed in XML");
            }
            return new Reference(start, pos, new String(Character.toChars((int) code)));
        }

        private Literal cdata() throws Malformed {
            int start = pos;
            pos += "<![CDATA[".length();
            int end = s.indexOf("]]>", pos);
            if (end < 0) {
                throw new Malformed(start, "CDATA section is not closed");
            }
            Literal content = new Literal(pos, end);
            pos = end + 3;
            return content;
        }

        private void comment() throws Malformed {
            int start = pos;
            pos += 4;
            int dashes = s.indexOf("--", pos);
            if (dashes < 0) {
                throw new Malformed(start, "comment is not closed");
            }
            if (!s.startsWith("-->", dashes)) {
                throw new Malformed(dashes, "'--' is not allowed inside a comment");
            }
            pos = dashes + 3;
        }

        private void processingInstruction() throws Malformed {
            int start = pos;
            pos += 2;
            String target = name("a processing instruction target after '<?'");
            if (target.equalsIgnoreCase("xml")) {
                throw new Malformed(start, "the XML declaration is allowed only at the very start of the file");
            }
            if (pos < s.length() && !isSpace(s.charAt(pos)) && !s.startsWith("?>", pos)) {
                throw new Malformed(pos, "expected whitespace or '?>' after <?" + target);
            }
            int end = s.indexOf("?>", pos);
            if (end < 0) {
                throw new Malformed(start, "processing instruction <?" + target + " is not closed");
            }
            pos = end + 2;
        }

        /** {@code <?xml version="1.x" encoding="…" standalone="…"?>}, its pseudo-attributes in that order. */
        private void declaration() throws Malformed {
            int start = pos;
            pos += 5;
            int next = 0;
            while (true) {
                boolean spaced = skipSpace();
                if (s.startsWith("?>", pos)) {
                    if (next == 0) {
                        throw new Malformed(pos, "the XML declaration has no version");
                    }
                    pos += 2;
                    return;
                }
                if (pos >= s.length()) {
                    throw new Malformed(start, "the XML declaration is not closed");
                }
                if (!spaced) {
                    throw new Malformed(pos, "expected whitespace or '?>' in the XML declaration");
                }
                int at = pos;
                String name = name("version, encoding or standalone");
                int index = DECLARATION_ORDER.indexOf(name);
                if (index < next || (next == 0 && index != 0)) {
                    throw new Malformed(at, next == 0 ? "the XML declaration must start with version"
                            : "unexpected '" + name + "' in the XML declaration");
                }
                next = index + 1;
                String value = attributeValue(name);
                if (index == 0 && !value.matches("1\\.[0-9]+")) {
                    throw new Malformed(at, "unsupported XML version '" + value + "'");
                }
            }
        }

        /** A name at the current position, or an error saying {@code what} was expected. */
        private String name(String what) throws Malformed {
            int start = pos;
            if (pos >= s.length() || !isNameStart(s.codePointAt(pos))) {
                throw new Malformed(pos, "expected " + what);
            }
            while (pos < s.length() && isNameChar(s.codePointAt(pos))) {
                pos += Character.charCount(s.codePointAt(pos));
            }
            return s.substring(start, pos);
        }

        /** Skips XML whitespace; whether there was any. */
        private boolean skipSpace() {
            int start = pos;
            while (pos < s.length() && isSpace(s.charAt(pos))) {
                pos++;
            }
            return pos > start;
        }
    }
}
