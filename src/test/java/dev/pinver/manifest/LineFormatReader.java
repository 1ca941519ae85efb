package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only stand-in reader, used to exercise the format-neutral {@link ManifestEditor} without any
 * real manifest format. One item per line ({@code \n} or {@code \r\n}; a leading BOM is skipped):
 * <pre>
 * # a comment; "  # ..." after an item is a comment too
 * [dev]            the section of the lines that follow (before any: "dependencies")
 * name==spec       a dependency; the spec is the rest of the line, trailing blanks and comment cut off
 * name==           a dependency with an empty spec (an empty span after "==")
 * name             a dependency with no spec (an empty span after the name)
 * $v=value         a variable; its last definition in the file counts, like a Maven property
 * name==$v         a dependency whose spec is the variable's value, with the span of that value
 * </pre>
 * Anything else is a {@link Problem}, as is a reference to an undefined variable.
 */
final class LineFormatReader implements ManifestReader {

    private static final Pattern SECTION = Pattern.compile("\\[([a-z-]+)]");
    private static final Pattern VARIABLE = Pattern.compile("\\$([a-z]+)=(.*)");
    private static final Pattern DEPENDENCY = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(?:==(.*))?");
    private static final Pattern REFERENCE = Pattern.compile("\\$([a-z]+)");

    @Override
    public Manifest read(Path path, String text) {
        List<Item> items = new ArrayList<>();
        Map<String, Span> variables = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        String section = "dependencies";
        for (int[] line : lines(text)) {
            int from = line[0];
            int to = line[1];
            String content = text.substring(from, to);
            if (content.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = SECTION.matcher(content)).matches()) {
                section = m.group(1);
            } else if ((m = VARIABLE.matcher(content)).matches()) {
                variables.put(m.group(1), Span.of(text, from + m.start(2), from + m.end(2)));
            } else if ((m = DEPENDENCY.matcher(content)).matches()) {
                int specStart = m.start(2) < 0 ? from + m.end(1) : from + m.start(2);
                items.add(new Item(m.group(1).toLowerCase(), section, Span.of(text, specStart, to)));
            } else {
                Span at = Span.of(text, from, from);
                problems.add(new Problem(new Location(path, at.line(), at.column()), "not a dependency: '" + content + "'"));
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Item item : items) {
            Span span = item.span;
            Matcher reference = REFERENCE.matcher(text.substring(span.start(), span.end()));
            if (reference.matches()) {
                span = variables.get(reference.group(1));
                if (span == null) {
                    problems.add(new Problem(new Location(path, item.span.line(), item.span.column()),
                            "undefined variable $" + reference.group(1)));
                    continue;
                }
            }
            dependencies.add(new Dependency(path, Ecosystem.PYPI, item.name, text.substring(span.start(), span.end()),
                    span, SpecSyntax.PEP440, Source.REGISTRY, item.section, false));
        }
        return new Manifest(path, dependencies, List.of(), problems);
    }

    /** Each line's content as {start, end} offsets: without its line ending, outer blanks and comment. */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            int from = start;
            while (from < end && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            int to = from;
            while (to < end && !(text.charAt(to) == '#' && (to == from || Character.isWhitespace(text.charAt(to - 1))))) {
                to++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            lines.add(new int[] {from, to});
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }

    private record Item(String name, String section, Span span) {
    }
}
