package dev.pinver.manifest;

import dev.pinver.version.InvalidSpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlValue;

/**
 * Reads the dependencies a {@code pyproject.toml} declares, each with the exact span of its version
 * spec in the raw text:
 * <ul>
 *   <li>PEP 621 {@code [project] dependencies} and every {@code [project.optional-dependencies]} group;</li>
 *   <li>PEP 735 {@code [dependency-groups]} ({@code {include-group = "…"}} entries are checked, not read);</li>
 *   <li>PDM {@code [tool.pdm.dev-dependencies]} groups and uv {@code [tool.uv] dev-dependencies};</li>
 *   <li>Poetry's tables, through {@link PoetryDependencies} (specs in {@link SpecSyntax#POETRY}).</li>
 * </ul>
 * Requirement strings are PEP 508 ({@link Pep508}), their specs {@link SpecSyntax#PEP440}; a spec's
 * span lies inside its string literal, whatever the quoting. {@code section} names the table and
 * group, e.g. {@code project.optional-dependencies.dev} or {@code dependency-groups.test}. A TOML
 * syntax error yields only {@link Problem}s; any other bad entry is a problem of its own and reading
 * goes on.
 */
public final class PyprojectReader implements ManifestReader {

    @Override
    public Manifest read(Path path, String text) {
        TextLines lines = TextLines.toml(text);
        Optional<TomlParseResult> parsed = TomlParsing.parse(text);
        if (parsed.isEmpty()) {
            return new Manifest(path, List.of(), List.of(), List.of(new Problem(lines.location(path, 0), TomlParsing.GAVE_UP)));
        }
        TomlParseResult toml = parsed.get();
        if (toml.hasErrors()) {
            List<Problem> problems = new ArrayList<>();
            for (TomlParseError error : toml.errors()) {
                TomlPosition at = error.position();
                int offset = lines.offsetOfCodePointColumn(at.line(), at.column());
                problems.add(new Problem(lines.location(path, offset), "invalid TOML: " + error.getMessage()));
            }
            return new Manifest(path, List.of(), List.of(), problems);
        }
        TomlReading reading = new TomlReading(path, text, lines);
        Requirements requirements = new Requirements(reading);
        requirements.project(toml);
        requirements.dependencyGroups(toml);
        requirements.pdm(toml);
        requirements.uv(toml);
        new PoetryDependencies(reading).read(toml);
        return reading.manifest();
    }

    /** The tables whose entries are PEP 508 requirement strings. */
    private static final class Requirements {
        private final TomlReading reading;

        Requirements(TomlReading reading) {
            this.reading = reading;
        }

        void project(TomlTable root) {
            TomlReading.child(root, "project").ifPresent(value -> {
                TomlTable project = reading.asTable(value, "project");
                if (project != null) {
                    TomlReading.child(project, "dependencies").ifPresent(v -> list(v, "project.dependencies"));
                    groups(project, "optional-dependencies", "project.optional-dependencies");
                }
            });
        }

        void pdm(TomlTable root) {
            reading.table(root, List.of("tool", "pdm"), "tool.pdm")
                    .ifPresent(pdm -> groups(pdm, "dev-dependencies", "tool.pdm.dev-dependencies"));
        }

        void uv(TomlTable root) {
            reading.table(root, List.of("tool", "uv"), "tool.uv")
                    .flatMap(uv -> TomlReading.child(uv, "dev-dependencies"))
                    .ifPresent(v -> list(v, "tool.uv.dev-dependencies"));
        }

        /** PEP 735 groups: requirement strings and {@code {include-group = "…"}} tables, checked once all are known. */
        void dependencyGroups(TomlTable root) {
            Optional<TomlValue> value = TomlReading.child(root, "dependency-groups");
            TomlTable groups = value.isEmpty() ? null : reading.asTable(value.get(), "dependency-groups");
            if (groups == null) {
                return;
            }
            Map<String, List<Include>> includes = new LinkedHashMap<>();
            for (String group : groups.keySet()) {
                List<Include> included = new ArrayList<>();
                includes.put(Pep508.normalise(group), included);
                String section = "dependency-groups." + group;
                TomlArray entries = reading.asArray(groups.entry(List.of(group)).value(), section);
                for (int i = 0; entries != null && i < entries.size(); i++) {
                    TomlValue entry = entries.entry(i).value();
                    if (entry.isTable()) {
                        include(entry, section).ifPresent(included::add);
                    } else if (entry.isString()) {
                        requirement(entry, section);
                    } else {
                        reading.wrongType(entry, "a requirement string or {include-group = \"…\"}", section);
                    }
                }
            }
            checkIncludes(includes);
        }

        /** A table of named groups, each a list of requirement strings, as in {@code [project.optional-dependencies]}. */
        private void groups(TomlTable parent, String key, String section) {
            TomlReading.child(parent, key).ifPresent(value -> {
                TomlTable groups = reading.asTable(value, section);
                if (groups != null) {
                    for (String group : groups.keySet()) {
                        list(groups.entry(List.of(group)).value(), section + "." + group);
                    }
                }
            });
        }

        /** An array of requirement strings. */
        private void list(TomlValue value, String section) {
            TomlArray array = reading.asArray(value, section);
            for (int i = 0; array != null && i < array.size(); i++) {
                TomlValue entry = array.entry(i).value();
                if (entry.isString()) {
                    requirement(entry, section);
                } else {
                    reading.wrongType(entry, "a requirement string", section);
                }
            }
        }

        /** One PEP 508 requirement string (or, in PDM, an {@code -e} editable entry). */
        private void requirement(TomlValue value, String section) {
            reading.literal(value, section).ifPresent(literal -> {
                String requirement = literal.value();
                if (section.startsWith("tool.pdm.") && requirement.startsWith("-e")) {
                    editable(literal, section);
                    return;
                }
                Pep508.Requirement parsed;
                try {
                    parsed = Pep508.parse(requirement);
                } catch (InvalidSpecException e) {
                    reading.problem(literal.rawOffset(Math.min(e.offset(), requirement.length())),
                            "in " + section + ": invalid requirement: " + e.getMessage());
                    return;
                }
                Source source = parsed.isDirectReference() ? sourceOf(parsed.url()) : Source.REGISTRY;
                if (parsed.spec().isEmpty() && source == Source.REGISTRY) {
                    reading.addInsertable(parsed.name(), literal.rawOffset(parsed.nameStart()),
                            literal.rawOffset(parsed.specStart()), section);
                } else if (parsed.spec().isEmpty()) {
                    reading.addUnversioned(parsed.name(), literal.rawOffset(parsed.nameStart()), SpecSyntax.PEP440,
                            source, section);
                } else {
                    reading.addSpec(parsed.name(), literal, parsed.specStart(), parsed.specEnd(), SpecSyntax.PEP440,
                            source, section);
                }
            });
        }

        /**
         * PDM's editable entry, {@code -e <path or VCS URL>#egg=<name>} or {@code -e <name> @ <URL>}: not
         * pinnable, read only when it names its package (an unnamed local project has nothing to pin).
         */
        private void editable(TomlStringLiteral literal, String section) {
            String entry = literal.value();
            int target = 2;
            while (target < entry.length() && Character.isWhitespace(entry.charAt(target))) {
                target++;
            }
            int at = entry.indexOf(" @ ", target);
            int egg = entry.indexOf("#egg=", target);
            int nameStart;
            int nameEnd;
            if (at >= 0) {
                nameStart = target;
                nameEnd = at;
            } else if (egg >= 0) {
                nameStart = egg + "#egg=".length();
                nameEnd = entry.indexOf('&', nameStart) < 0 ? entry.length() : entry.indexOf('&', nameStart);
            } else {
                return;
            }
            String name = entry.substring(nameStart, nameEnd);
            if (!Pep508.isValidName(name)) {
                reading.problem(literal.rawOffset(nameStart),
                        "in " + section + ": invalid package name in editable entry: '" + name + "'");
                return;
            }
            Source source = sourceOf(at >= 0 ? entry.substring(at + 3).strip() : entry.substring(target));
            reading.addUnversioned(name, literal.rawOffset(nameStart), SpecSyntax.PEP440, source, section);
        }

        /** One {@code {include-group = "…"}} entry, or a problem when the table is not exactly that. */
        private Optional<Include> include(TomlValue entry, String section) {
            TomlTable table = entry.getTable();
            if (table.size() != 1 || !table.contains(List.of("include-group"))) {
                reading.problem(entry.position(),
                        "in " + section + ": a table entry must be exactly {include-group = \"<group>\"}");
                return Optional.empty();
            }
            TomlValue name = table.entry(List.of("include-group")).value();
            if (!name.isString()) {
                reading.wrongType(name, "a group name string", section + " include-group");
                return Optional.empty();
            }
            return Optional.of(new Include(name.getString(), name.position()));
        }

        /** Every included group must exist (names compared normalised), and no group may include itself through others. */
        private void checkIncludes(Map<String, List<Include>> includes) {
            for (List<Include> included : includes.values()) {
                for (Include include : included) {
                    if (!includes.containsKey(Pep508.normalise(include.group()))) {
                        reading.problem(include.at(),
                                "include-group \"" + include.group() + "\" names no group in [dependency-groups]");
                    }
                }
            }
            Set<String> done = new HashSet<>();
            for (String group : includes.keySet()) {
                findCycles(group, includes, new HashSet<>(), done);
            }
        }

        private void findCycles(String group, Map<String, List<Include>> includes, Set<String> onPath, Set<String> done) {
            if (!done.add(group)) {
                return;
            }
            onPath.add(group);
            for (Include include : includes.getOrDefault(group, List.of())) {
                String target = Pep508.normalise(include.group());
                if (onPath.contains(target)) {
                    reading.problem(include.at(),
                            "include-group \"" + include.group() + "\" makes a cycle of included groups");
                } else {
                    findCycles(target, includes, onPath, done);
                }
            }
            onPath.remove(group);
        }
    }

    /** One {@code {include-group = "…"}} entry of a dependency group, with where the group's name is written. */
    private record Include(String group, TomlPosition at) {
    }

    /** Where a direct reference installs from: a remote URL, or a local path or {@code file:} URL. */
    private static Source sourceOf(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        boolean remote = lower.matches("[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("file:");
        return remote ? Source.URL : Source.LOCAL;
    }
}
