package dev.pinver.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import org.tomlj.TomlValue;

/**
 * Reads Poetry's dependency tables, {@code [tool.poetry.dependencies]}, {@code [tool.poetry.dev-dependencies]}
 * and {@code [tool.poetry.group.<g>.dependencies]}: a version string ({@code "^0.45"}), a table with
 * {@code version} and options, an array of such tables (one dependency each), or a git, URL or path
 * source (not pinnable, so no spec). {@code python} is the interpreter constraint, not a dependency.
 */
final class PoetryDependencies {

    private static final Set<String> STRING_KEYS = Set.of("version", "python", "markers", "platform", "git",
            "branch", "tag", "rev", "subdirectory", "url", "path", "source");
    private static final Set<String> BOOLEAN_KEYS = Set.of("optional", "allow-prereleases", "develop");

    private final TomlReading reading;

    PoetryDependencies(TomlReading reading) {
        this.reading = reading;
    }

    void read(TomlTable root) {
        reading.table(root, List.of("tool", "poetry"), "tool.poetry").ifPresent(poetry -> {
            for (String key : List.of("dependencies", "dev-dependencies")) {
                reading.table(poetry, List.of(key), "tool.poetry." + key)
                        .ifPresent(deps -> dependencies(deps, List.of("tool", "poetry", key)));
            }
            reading.table(poetry, List.of("group"), "tool.poetry.group").ifPresent(groups -> {
                for (String group : groups.keySet()) {
                    List<String> tablePath = List.of("tool", "poetry", "group", group, "dependencies");
                    reading.table(groups, List.of(group), "tool.poetry.group." + group)
                            .flatMap(g -> reading.table(g, List.of("dependencies"), String.join(".", tablePath)))
                            .ifPresent(deps -> dependencies(deps, tablePath));
                }
            });
        });
    }

    private void dependencies(TomlTable deps, List<String> tablePath) {
        String section = String.join(".", tablePath);
        for (String key : deps.keySet()) {
            if (Pep508.normalise(key).equals("python")) {
                continue;
            }
            Name name = new Name(deps, key, tablePath, section);
            TomlValue value = deps.entry(List.of(key)).value();
            if (value.isString()) {
                version(name, value);
            } else if (value.isTable()) {
                table(name, value.getTable());
            } else if (value.isArray()) {
                TomlArray constraints = value.getArray();
                for (int i = 0; i < constraints.size(); i++) {
                    TomlValue constraint = constraints.entry(i).value();
                    if (constraint.isTable()) {
                        table(name, constraint.getTable());
                    } else {
                        reading.wrongType(constraint, "a constraint table", name.where());
                    }
                }
            } else {
                reading.wrongType(value, "a version string, a table or an array of tables", name.where());
            }
        }
    }

    /** A dependency given as a table: a version with options, or a git, URL or path source. */
    private void table(Name name, TomlTable table) {
        boolean valid = true;
        for (String key : table.keySet()) {
            TomlValue value = table.entry(List.of(key)).value();
            String expected = expectedType(key, value);
            if (expected != null) {
                reading.wrongType(value, expected, name.where() + "." + key);
                valid = false;
            }
        }
        if (!valid) {
            return;
        }
        if (table.contains(List.of("git")) || table.contains(List.of("url"))) {
            name.addUnversioned(Source.URL);
        } else if (table.contains(List.of("path"))) {
            name.addUnversioned(Source.LOCAL);
        } else if (table.contains(List.of("version"))) {
            version(name, table.entry(List.of("version")).value());
        } else {
            name.addUnversioned(Source.REGISTRY);
        }
    }

    /** A version constraint string: the spec is its content without surrounding blanks. */
    private void version(Name name, TomlValue value) {
        reading.literal(value, name.section()).ifPresent(literal -> {
            String content = literal.value();
            String spec = content.strip();
            if (spec.isEmpty()) {
                name.addUnversioned(Source.REGISTRY);
                return;
            }
            int start = content.indexOf(spec);
            reading.addSpec(name.key(), literal, start, start + spec.length(), SpecSyntax.POETRY, Source.REGISTRY,
                    name.section());
        });
    }

    /** The type {@code key} should have in a dependency table when {@code value} does not have it, else null. */
    private static String expectedType(String key, TomlValue value) {
        if (STRING_KEYS.contains(key) && !value.isString()) {
            return "a string";
        }
        if (BOOLEAN_KEYS.contains(key) && !value.isBoolean()) {
            return "a boolean";
        }
        if (key.equals("extras") && !(value.isArray() && allStrings(value.getArray()))) {
            return "an array of strings";
        }
        return null;
    }

    private static boolean allStrings(TomlArray array) {
        for (int i = 0; i < array.size(); i++) {
            if (!array.isString(i)) {
                return false;
            }
        }
        return true;
    }

    /** A dependency's key in its table, and the section the table is. */
    private final class Name {
        private final TomlTable table;
        private final String key;
        private final List<String> tablePath;
        private final String section;

        Name(TomlTable table, String key, List<String> tablePath, String section) {
            this.table = table;
            this.key = key;
            this.tablePath = tablePath;
            this.section = section;
        }

        String key() {
            return key;
        }

        String section() {
            return section;
        }

        /** The dependency's own path, for problem messages. */
        String where() {
            return section + "." + key;
        }

        /** Adds the dependency without a spec, its span empty where the key's name is written. */
        void addUnversioned(Source source) {
            List<String> fullPath = new ArrayList<>(tablePath);
            fullPath.add(key);
            int defined = reading.offset(table.inputPositionOf(List.of(key)));
            reading.addUnversioned(key, TomlKeys.nameOffset(reading.text(), defined, fullPath), SpecSyntax.POETRY,
                    source, section);
        }
    }
}
