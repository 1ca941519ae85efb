package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlValue;

/**
 * The state of reading dependencies out of one parsed TOML file: the raw text (for exact spans), the
 * dependencies and problems found so far, and typed navigation of the tomlj tree that turns a value
 * of the wrong type into a {@link Problem} at that value.
 */
final class TomlReading {

    private final Path path;
    private final String text;
    private final TextLines lines;
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    TomlReading(Path path, String text, TextLines lines) {
        this.path = path;
        this.text = text;
        this.lines = lines;
    }

    String text() {
        return text;
    }

    /**
     * The offset of a tomlj position (whose column counts code points); the start of the file when there is
     * none, as for a table tomlj made implicitly ({@code [a.b.c]} makes {@code a.b}).
     */
    int offset(TomlPosition at) {
        return at == null ? 0 : lines.offsetOfCodePointColumn(at.line(), at.column());
    }

    /** Everything read, dependencies and problems each in file order. */
    Manifest manifest() {
        dependencies.sort(Comparator.comparingInt(d -> d.span().start()));
        problems.sort(Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return new Manifest(path, dependencies, List.of(), problems);
    }

    // ---- results ----------------------------------------------------------------------------

    /**
     * Adds a dependency whose spec is characters {@code [specStart, specEnd)} of {@code literal}'s
     * value, or a problem when escapes or newline translation make the spec differ from its raw text.
     */
    void addSpec(String name, TomlStringLiteral literal, int specStart, int specEnd, SpecSyntax syntax,
            Source source, String section) {
        if (!literal.verbatim(specStart, specEnd)) {
            problem(literal.rawOffset(specStart), "in " + section + ": the version spec of " + name
                    + " is written with TOML escapes; write it plainly so it can be located");
            return;
        }
        Span span = lines.span(literal.rawOffset(specStart), literal.rawOffset(specEnd));
        String spec = literal.value().substring(specStart, specEnd);
        dependencies.add(new Dependency(path, Ecosystem.PYPI, Pep508.normalise(name), spec, span, syntax, source,
                section, false));
    }

    /** Adds a dependency without a spec, its span empty at {@code nameOffset}, where its name is written. */
    void addUnversioned(String name, int nameOffset, SpecSyntax syntax, Source source, String section) {
        dependencies.add(new Dependency(path, Ecosystem.PYPI, Pep508.normalise(name), "",
                lines.span(nameOffset, nameOffset), syntax, source, section, false));
    }

    /**
     * Adds a PEP 508 registry dependency written without a spec: its span is empty where a spec would
     * go (after the name and extras), so {@code pin} can insert one; {@code declaredAt} is the name.
     */
    void addInsertable(String name, int nameOffset, int insertOffset, String section) {
        Span atName = lines.span(nameOffset, nameOffset);
        dependencies.add(new Dependency(path, Ecosystem.PYPI, Pep508.normalise(name), "",
                lines.span(insertOffset, insertOffset), SpecSyntax.PEP440, Source.REGISTRY, section, false,
                new Location(path, atName.line(), atName.column()), ""));
    }

    void problem(TomlPosition at, String message) {
        problem(offset(at), message);
    }

    void problem(int offset, String message) {
        problems.add(new Problem(lines.location(path, offset), message));
    }

    void wrongType(TomlValue value, String expected, String section) {
        problem(value.position(), "in " + section + ": expected " + expected + ", found " + typeName(value.get()));
    }

    // ---- navigation -------------------------------------------------------------------------

    /** The string literal tomlj parsed as {@code value}, found in the raw text at its position. */
    Optional<TomlStringLiteral> literal(TomlValue value, String section) {
        int offset = offset(value.position());
        Optional<TomlStringLiteral> literal = TomlStringLiteral.at(text, offset);
        if (literal.isEmpty() || !literal.get().value().equals(value.getString())) {
            problem(offset, "in " + section + ": cannot locate this string in the file's text");
            return Optional.empty();
        }
        return literal;
    }

    /** The value at the single key {@code key} (dots are part of the key) in {@code parent}, when present. */
    static Optional<TomlValue> child(TomlTable parent, String key) {
        List<String> path = List.of(key);
        return parent.contains(path) ? Optional.of(parent.entry(path).value()) : Optional.empty();
    }

    /**
     * The table reached from {@code parent} through the keys {@code path}: empty when a key is absent,
     * and a problem (naming {@code section}) when a value on the way is not a table.
     */
    Optional<TomlTable> table(TomlTable parent, List<String> path, String section) {
        TomlTable found = parent;
        for (String key : path) {
            Optional<TomlValue> value = child(found, key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            found = asTable(value.get(), section);
            if (found == null) {
                return Optional.empty();
            }
        }
        return Optional.of(found);
    }

    /** The value as a table, or null after a problem when it is something else. */
    TomlTable asTable(TomlValue value, String section) {
        if (value.isTable()) {
            return value.getTable();
        }
        wrongType(value, "a table", section);
        return null;
    }

    /** The value as an array, or null after a problem when it is something else. */
    TomlArray asArray(TomlValue value, String section) {
        if (value.isArray()) {
            return value.getArray();
        }
        wrongType(value, "an array", section);
        return null;
    }

    private static String typeName(Object value) {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a float";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof TomlArray) {
            return "an array";
        } else if (value instanceof TomlTable) {
            return "a table";
        }
        return "a date or time";
    }
}
