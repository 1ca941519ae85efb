package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads npm's {@code package.json}, strictly: the file must be one JSON object (RFC 8259), and a trailing
 * comma, a comment, a duplicate key in one object or malformed JSON is a {@link Problem} at the character
 * at fault, with no dependencies read from the file. A byte order mark at the start is a problem too
 * (npm skips it; pinver asks for it to go), but the rest of the file is still read.
 *
 * <p>Dependencies are taken from {@value #DEPENDENCIES}, {@value #DEV_DEPENDENCIES},
 * {@value #OPTIONAL_DEPENDENCIES} and {@value #PEER_DEPENDENCIES} (the section is the key), from npm's
 * {@value #OVERRIDES} and from Yarn's {@value #RESOLUTIONS}, in file order; {@code bundleDependencies} names
 * no versions and is ignored. Each dependency's name is the package name as written, scope included
 * ({@code @types/node}), and it is declared at its key; its spec is cut from the value as
 * {@link PackageJsonSpec} reads it: the whole value, or for an {@code npm:} alias the range after the aliased
 * name (the dependency is then on the aliased package; without a range, its spec is empty at that name). An
 * empty value has an empty spec between its quotes. A registry spec written with JSON escapes is a problem,
 * since it cannot be rewritten in place; a URL or path value is kept as written, escapes and all.
 *
 * <ul>
 *   <li>{@value #OVERRIDES}: {@code "foo": "1.0.0"} and {@code "foo": {".": "1.0.0", "bar": "2.0.0"}}; a key may
 *       carry a range ({@code "foo@^1"}). The section of a nested override is the path of keys above it,
 *       joined with dots: {@code bar} above is in {@code overrides.foo}. A {@code "$foo"} value, npm's reference
 *       to the spec of the direct dependency {@code foo}, is {@link Source#MANAGED} with {@code $foo} as its
 *       spec: that dependency is where the version is pinned.
 *   <li>{@value #RESOLUTIONS}: keys such as {@code foo}, {@code **}{@code /foo}, {@code parent/foo},
 *       {@code @scope/parent/@scope/foo} or {@code foo@npm:^1}; the package is the last one named.
 *   <li>{@code workspaces} (an array of patterns, or an object with a {@code packages} array) becomes one
 *       {@link Manifest.Include} per member {@code package.json}, spanning the pattern that named it first; a
 *       pattern starting with an odd number of {@code !} removes the members named before it. Patterns are
 *       expanded on the file system by {@link PackageJsonWorkspaces}: the one thing this reader reads besides
 *       its text. A pattern
 *       naming no member with a {@code package.json}, or naming this file itself, adds nothing.
 * </ul>
 */
public final class PackageJsonReader implements ManifestReader {

    public static final String DEPENDENCIES = "dependencies";
    public static final String DEV_DEPENDENCIES = "devDependencies";
    public static final String OPTIONAL_DEPENDENCIES = "optionalDependencies";
    public static final String PEER_DEPENDENCIES = "peerDependencies";
    public static final String OVERRIDES = "overrides";
    public static final String RESOLUTIONS = "resolutions";
    private static final String WORKSPACES = "workspaces";
    private static final Set<String> DEPENDENCY_SECTIONS =
            Set.of(DEPENDENCIES, DEV_DEPENDENCIES, OPTIONAL_DEPENDENCIES, PEER_DEPENDENCIES);

    @Override
    public Manifest read(Path path, String text) {
        return new Reading(path, text).run();
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final Path path;
        private final String text;
        private final TextLines lines;
        private final List<Dependency> dependencies = new ArrayList<>();
        private final List<Manifest.Include> includes = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();

        Reading(Path path, String text) {
            this.path = path;
            this.text = text;
            this.lines = TextLines.anyBreak(text);
        }

        Manifest run() {
            int start = 0;
            if (text.startsWith("\uFEFF")) {
                problem(0, "byte order mark at start of package.json");
                start = 1;
            }
            try {
                JsonValue root = JsonParser.parse(text, start);
                if (root instanceof JsonValue.ObjectValue object) {
                    object.members().forEach(this::topLevel);
                } else {
                    problem(root.start(), "package.json must hold a JSON object, found " + root.kind());
                }
            } catch (JsonParser.SyntaxError e) {
                problem(e.offset(), e.getMessage());
            }
            return new Manifest(path, dependencies, includes, problems);
        }

        private void topLevel(JsonValue.Member member) {
            String key = member.key().value();
            if (DEPENDENCY_SECTIONS.contains(key)) {
                asObject(member.value(), key).ifPresent(section -> section.members().forEach(dependency -> {
                    String name = dependency.key().value();
                    if (!PackageJsonSpec.isValidName(name)) {
                        problem(dependency.key().contentStart(), "in " + key + ": invalid package name '" + name + "'");
                    } else {
                        stringSpec(dependency.value(), name, key)
                                .ifPresent(spec -> add(name, dependency.key(), spec, key, false));
                    }
                }));
            } else if (key.equals(OVERRIDES)) {
                asObject(member.value(), key)
                        .ifPresent(overrides -> overrides.members().forEach(o -> override(o, key)));
            } else if (key.equals(RESOLUTIONS)) {
                asObject(member.value(), key).ifPresent(resolutions -> resolutions.members().forEach(this::resolution));
            } else if (key.equals(WORKSPACES)) {
                workspaces(member.value());
            }
        }

        /** One override, {@code "name[@range]": "spec"} or an object of {@code "."} and nested overrides. */
        private void override(JsonValue.Member member, String section) {
            JsonValue.StringValue key = member.key();
            String name = withoutRange(key.value());
            if (!PackageJsonSpec.isValidName(name)) {
                problem(key.contentStart(),
                        "in " + section + ": invalid package name in override '" + key.value() + "'");
                return;
            }
            if (member.value() instanceof JsonValue.ObjectValue nested) {
                for (JsonValue.Member child : nested.members()) {
                    if (child.key().value().equals(".")) {
                        stringSpec(child.value(), name, section).ifPresent(spec -> add(name, key, spec, section, true));
                    } else {
                        override(child, section + "." + key.value());
                    }
                }
            } else {
                stringSpec(member.value(), name, section).ifPresent(spec -> add(name, key, spec, section, true));
            }
        }

        /** One Yarn resolution: its key names a package, possibly under others. */
        private void resolution(JsonValue.Member member) {
            JsonValue.StringValue key = member.key();
            Optional<String> name = resolvedPackage(key.value());
            if (name.isEmpty()) {
                problem(key.contentStart(), "in " + RESOLUTIONS + ": no package name in '" + key.value() + "'");
                return;
            }
            stringSpec(member.value(), name.get(), RESOLUTIONS)
                    .ifPresent(spec -> add(name.get(), key, spec, RESOLUTIONS, false));
        }

        /** Adds the dependency that {@code value} declares for the package {@code name}, declared at {@code key}. */
        private void add(String name, JsonValue.StringValue key, JsonValue.StringValue value, String section,
                boolean override) {
            PackageJsonSpec spec;
            if (override && value.value().startsWith("$")) {
                spec = new PackageJsonSpec(Source.MANAGED, "", 0, value.value().length());
            } else {
                try {
                    spec = PackageJsonSpec.of(value.value());
                } catch (PackageJsonSpec.Invalid e) {
                    int at = value.verbatim() ? value.contentStart() + e.at() : value.contentStart();
                    problem(at, "in " + section + ": " + name + ": " + e.getMessage());
                    return;
                }
            }
            boolean asWritten = spec.source() == Source.URL || spec.source() == Source.LOCAL;
            if (!asWritten && !value.verbatim()) {
                problem(value.contentStart(), "in " + section + ": the version spec of " + name
                        + " is written with JSON escapes; write it plainly so it can be located");
                return;
            }
            int from = asWritten ? value.contentStart() : value.contentStart() + spec.specStart();
            int to = asWritten ? value.contentEnd() : value.contentStart() + spec.specEnd();
            String dependencyName = spec.alias().isEmpty() ? name : spec.alias();
            dependencies.add(new Dependency(path, Ecosystem.NPM, dependencyName, text.substring(from, to),
                    span(from, to), SpecSyntax.NPM, spec.source(), section, false, location(key.contentStart()), ""));
        }

        /** {@code workspaces}: an array of patterns, or Yarn's object whose {@code packages} is that array. */
        private void workspaces(JsonValue value) {
            JsonValue patterns = value;
            if (value instanceof JsonValue.ObjectValue object) {
                Optional<JsonValue.Member> packages = object.member("packages");
                if (packages.isEmpty()) {
                    return;
                }
                patterns = packages.get().value();
            }
            if (!(patterns instanceof JsonValue.ArrayValue array)) {
                problem(patterns.start(), WORKSPACES + " must be an array of patterns, found " + patterns.kind());
                return;
            }
            Path root = path.getParent() != null ? path.getParent() : Path.of("");
            Map<Path, Span> members = new LinkedHashMap<>();
            for (JsonValue element : array.elements()) {
                if (!(element instanceof JsonValue.StringValue pattern)) {
                    problem(element.start(), WORKSPACES + " patterns must be strings, found " + element.kind());
                    continue;
                }
                String glob = pattern.value();
                int bangs = 0;
                while (bangs < glob.length() && glob.charAt(bangs) == '!') {
                    bangs++;
                }
                String positive = glob.substring(bangs).replaceFirst("^/+", "");
                if (positive.isEmpty()) {
                    problem(pattern.contentStart(), WORKSPACES + ": empty pattern");
                    continue;
                }
                for (Path member : PackageJsonWorkspaces.members(root, positive)) {
                    if (member.equals(path.normalize())) {
                        continue;
                    }
                    if (bangs % 2 == 1) {
                        members.remove(member);
                    } else {
                        members.putIfAbsent(member, span(pattern.contentStart(), pattern.contentEnd()));
                    }
                }
            }
            members.forEach((member, span) -> includes.add(new Manifest.Include(member, false, span)));
        }

        private Optional<JsonValue.ObjectValue> asObject(JsonValue value, String section) {
            if (value instanceof JsonValue.ObjectValue object) {
                return Optional.of(object);
            }
            problem(value.start(), section + " must be an object, found " + value.kind());
            return Optional.empty();
        }

        private Optional<JsonValue.StringValue> stringSpec(JsonValue value, String name, String section) {
            if (value instanceof JsonValue.StringValue string) {
                return Optional.of(string);
            }
            problem(value.start(),
                    "in " + section + ": the spec of " + name + " must be a string, found " + value.kind());
            return Optional.empty();
        }

        // ---- positions ---------------------------------------------------------------------------

        private Span span(int start, int end) {
            return lines.span(start, end);
        }

        private Location location(int offset) {
            return lines.location(path, offset);
        }

        private void problem(int offset, String message) {
            problems.add(new Problem(location(offset), message));
        }
    }

    // ---- package names in keys ---------------------------------------------------------------------

    /** The package of an override key or a resolution descriptor, {@code name[@range]} or {@code @scope/name[@range]}. */
    private static String withoutRange(String descriptor) {
        int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
        return at > 0 ? descriptor.substring(0, at) : descriptor;
    }

    /**
     * The package a Yarn resolution key is about: the last of its {@code /}-separated descriptors, a scoped
     * name spanning two parts, {@code **} and {@code *} parts skipped; empty when that is no valid name.
     */
    static Optional<String> resolvedPackage(String key) {
        String[] parts = key.split("/", -1);
        String last = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("**") || part.equals("*")) {
                continue;
            }
            if (part.startsWith("@") && part.indexOf('@', 1) < 0 && i + 1 < parts.length) {
                part = part + "/" + parts[++i];
            }
            last = withoutRange(part);
        }
        return Optional.ofNullable(last).filter(PackageJsonSpec::isValidName);
    }
}
