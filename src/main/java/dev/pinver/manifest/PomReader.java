package dev.pinver.manifest;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.PomXml.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the dependencies a Maven {@code pom.xml} declares, each named {@code groupId:artifactId} with the
 * exact span of its version in the raw text ({@link SpecSyntax#MAVEN}):
 * <ul>
 *   <li>{@code dependencies}, {@code dependencyManagement} (BOM imports included), {@code build.plugins},
 *       {@code build.pluginManagement}, each plugin's dependencies
 *       ({@code build.plugins.<artifactId>.dependencies}), {@code build.extensions}, {@code reporting.plugins},
 *       the same inside each profile ({@code profiles.<id>.dependencies}, …) and the {@code parent} itself.
 *       A plugin without groupId is in {@value PomModel#DEFAULT_PLUGIN_GROUP}; references in a groupId or
 *       artifactId ({@code ${project.groupId}}) are resolved as versions are. Any other declaration without
 *       groupId or artifactId is a {@link Problem} and is skipped.</li>
 *   <li>The span covers the text inside {@code <version>…</version>} without surrounding whitespace. When that
 *       text differs from the value it stands for (references such as {@code &#46;}, markup or a line end
 *       inside), the spec is the value, the span the text, and a {@link Problem} says it will not be edited.</li>
 *   <li>A version that is exactly {@code ${name}} is resolved through {@link PomProperties}, also from the
 *       local parent chain (a profile's properties count only for references inside that profile, since
 *       which profiles are active is not known here): the dependency's {@code manifest}, {@code span} and
 *       {@code spec} are then the property's value where it is defined (possibly in a parent pom),
 *       {@code property} the name of the property holding that value (the last one of a {@code ${a}} →
 *       {@code ${b}} chain), and {@code declaredAt} the version text in this pom. A version that refers to
 *       the project's own version ({@code ${project.version}}, {@code ${pom.version}}, {@code ${version}},
 *       directly or through other properties) belongs to the same build and is {@link Source#LOCAL},
 *       resolved or not.</li>
 *   <li>A property defined nowhere here (it may come from {@code settings.xml} or {@code -D}), and a version
 *       mixing references with text ({@code ${a}.${b}}), are kept as written, {@link Source#REGISTRY}, with an
 *       empty {@code property} and no problem. A reference cycle is a {@link Problem} at the version naming the
 *       cycle, and the version is kept as written.</li>
 *   <li>Without a {@code <version>}, or with an empty one (managed by dependencyManagement, a BOM, the parent, or Maven's defaults
 *       for plugins) a dependency is {@link Source#MANAGED} with an empty spec and an empty span at its
 *       artifactId.</li>
 * </ul>
 * The local parent is the file at {@code <relativePath>} (default {@code ../pom.xml}; a directory means its
 * {@code pom.xml}; {@code <relativePath/>} means none) when it exists and its groupId, artifactId and
 * (when both are plain, not a range) version match the declared parent, as Maven checks it. Files are
 * loaded through the function given to the constructor: unlike other readers, this one reads files besides
 * the one it is given. XML is read by {@link PomXml}: a DOCTYPE or any well-formedness error (also an entity
 * other than XML's five, although Maven 3 tolerates XHTML ones such as {@code &nbsp;}) is a single problem at
 * its exact place and no dependency is returned.
 */
public final class PomReader implements ManifestReader {

    private static final String DEFAULT_RELATIVE_PATH = "../pom.xml";

    /**
     * The plugin entry in which Eclipse's m2e keeps its settings: no such artifact is published and Maven
     * never loads it, so it is not a dependency (pinning it or asking a registry for it means nothing).
     */
    private static final String ECLIPSE_LIFECYCLE_MAPPING = "org.eclipse.m2e:lifecycle-mapping";

    private final Function<Path, Optional<String>> loader;

    /** A reader that loads parent poms from disk with {@link SourceText#read}. */
    public PomReader() {
        this(file -> Files.isRegularFile(file) ? Optional.of(SourceText.read(file)) : Optional.empty());
    }

    /**
     * A reader that loads parent poms through {@code loader}: the text of a file, or empty when there is no
     * such file. It may throw {@link PinverException} for a file that exists but cannot be read.
     */
    public PomReader(Function<Path, Optional<String>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public Manifest read(Path path, String text) {
        List<Problem> problems = new ArrayList<>();
        Optional<PomModel> pom = model(path, text, problems);
        if (pom.isEmpty()) {
            return new Manifest(path, List.of(), List.of(), problems);
        }
        PomModel model = pom.get();
        PomProperties properties = new PomProperties(chain(model, problems));
        List<Dependency> dependencies = new ArrayList<>();
        for (PomModel.Declared declared : model.declared()) {
            dependency(model, properties, declared, problems).ifPresent(dependencies::add);
        }
        return new Manifest(path, dependencies, List.of(), problems);
    }

    /**
     * The project a pom describes, with what it inherits from its local parents.
     *
     * @throws PinverException ({@code BAD_INPUT}, at the exact place) when {@code text} is not a well-formed pom
     */
    public PomProject project(Path path, String text) {
        List<Problem> problems = new ArrayList<>();
        Optional<PomModel> pom = model(path, text, problems);
        if (pom.isEmpty()) {
            Problem first = problems.get(0);
            throw PinverException.badInput(first.location(), first.message());
        }
        PomModel model = pom.get();
        List<PomModel> chain = chain(model, new ArrayList<>());
        PomProperties properties = new PomProperties(chain);
        String version = properties.interpolate(value(model.effectiveVersion()), "");
        return new PomProject(
                properties.interpolate(value(model.effectiveGroupId()), ""),
                properties.interpolate(value(model.artifactId()), ""),
                version,
                isSnapshot(version),
                repositories(chain, PomModel::repositories, properties),
                repositories(chain, PomModel::pluginRepositories, properties),
                properties.interpolate(model.url(), ""),
                new PomProject.Scm(properties.interpolate(model.scm().connection(), ""),
                        properties.interpolate(model.scm().developerConnection(), ""),
                        properties.interpolate(model.scm().url(), ""),
                        properties.interpolate(model.scm().tag(), "")));
    }

    /** The model of a pom's text, or empty after adding the problem that prevents it. */
    private static Optional<PomModel> model(Path path, String text, List<Problem> problems) {
        PomXml.Document document;
        try {
            document = PomXml.parse(text);
        } catch (PomXml.Malformed e) {
            Span at = PomXml.Lines.of(text).span(e.offset(), e.offset());
            problems.add(new Problem(new Location(path, at.line(), at.column()), e.getMessage()));
            return Optional.empty();
        }
        if (!document.root().name().equals("project")) {
            problems.add(new Problem(location(path, document, document.root().start()),
                    "not a pom: the root element is <" + document.root().name() + ">, not <project>"));
            return Optional.empty();
        }
        return Optional.of(PomModel.of(path, document));
    }

    /** The pom and its local parents, nearest first; a parent that exists but cannot be used is a problem. */
    private List<PomModel> chain(PomModel pom, List<Problem> problems) {
        List<PomModel> chain = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        PomModel current = pom;
        while (true) {
            chain.add(current);
            seen.add(current.path().toAbsolutePath().normalize());
            Optional<PomModel> parent = localParent(current, seen, problems);
            if (parent.isEmpty()) {
                return chain;
            }
            current = parent.get();
        }
    }

    private Optional<PomModel> localParent(PomModel child, Set<Path> seen, List<Problem> problems) {
        if (child.parent().isEmpty()) {
            return Optional.empty();
        }
        PomModel.Parent declared = child.parent().get();
        String relative = declared.relativePath().map(Text::value).orElse(DEFAULT_RELATIVE_PATH);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        Location at = location(child.path(), child.document(), declared.element().start());
        Path dir = Optional.ofNullable(child.path().getParent()).orElse(Path.of(""));
        Path file = dir.resolve(relative).normalize();
        Optional<String> text;
        try {
            text = loader.apply(file);
            if (text.isEmpty()) {
                file = file.resolve("pom.xml");
                text = loader.apply(file);
            }
        } catch (PinverException e) {
            problems.add(new Problem(at, "cannot read the parent pom " + file + ": " + e.oneLine()));
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> parentProblems = new ArrayList<>();
        Optional<PomModel> parent = model(file, text.get(), parentProblems);
        if (parent.isEmpty()) {
            problems.add(new Problem(at, "cannot use the parent pom: " + parentProblems.get(0).oneLine()));
            return Optional.empty();
        }
        if (!matches(declared, parent.get())) {
            return Optional.empty();
        }
        if (seen.contains(file.toAbsolutePath().normalize())) {
            String cycle = seen.stream().map(Path::toString).collect(Collectors.joining(" -> "));
            problems.add(new Problem(at, "parent poms form a cycle: " + cycle + " -> " + file));
            return Optional.empty();
        }
        return parent;
    }

    /** Whether {@code candidate} is the parent {@code declared} names, as Maven checks a local parent. */
    private static boolean matches(PomModel.Parent declared, PomModel candidate) {
        String version = value(declared.version());
        String found = value(candidate.effectiveVersion());
        boolean plainVersions = !version.isEmpty() && !found.isEmpty() && !version.contains("${")
                && !found.contains("${") && !version.startsWith("[") && !version.startsWith("(");
        return value(declared.groupId()).equals(value(candidate.effectiveGroupId()))
                && value(declared.artifactId()).equals(value(candidate.artifactId()))
                && (!plainVersions || version.equals(found));
    }

    /** The dependency {@code declared} describes, or empty after adding a problem when it names no artifact. */
    private static Optional<Dependency> dependency(PomModel pom, PomProperties properties, PomModel.Declared declared,
            List<Problem> problems) {
        Optional<Text> groupId = declared.groupId().filter(t -> !t.value().isEmpty());
        Optional<Text> artifactId = declared.artifactId().filter(t -> !t.value().isEmpty());
        String element = "<" + declared.element().name() + "> in " + declared.section();
        if (artifactId.isEmpty() || (groupId.isEmpty() && !declared.plugin())) {
            String missing = artifactId.isPresent() ? "<groupId>" : groupId.isPresent() || declared.plugin()
                    ? "<artifactId>" : "<groupId> and <artifactId>";
            problems.add(new Problem(location(pom.path(), pom.document(), declared.element().start()),
                    element + " has no " + missing));
            return Optional.empty();
        }
        String profile = declared.profile();
        String name = properties.interpolate(groupId.map(Text::value).orElse(PomModel.DEFAULT_PLUGIN_GROUP), profile)
                + ":" + properties.interpolate(artifactId.get().value(), profile);
        if (declared.plugin() && name.equals(ECLIPSE_LIFECYCLE_MAPPING)) {
            return Optional.empty();
        }
        Optional<Text> version = declared.version().filter(t -> !t.value().isEmpty());
        if (version.isEmpty()) {
            int at = artifactId.get().start();
            return Optional.of(new Dependency(pom.path(), Ecosystem.MAVEN, name, "", pom.document().span(at, at),
                    SpecSyntax.MAVEN, Source.MANAGED, declared.section(), false));
        }
        Text written = version.get();
        Span writtenSpan = pom.document().span(written.start(), written.end());
        Optional<String> property = PomProperties.reference(written.value());
        Source source = Source.REGISTRY;
        if (property.isPresent()) {
            PomProperties.Resolution resolution = properties.resolve(property.get(), profile);
            if (resolution instanceof PomProperties.Resolved resolved) {
                PomProperties.Definition definition = resolved.definition();
                PomModel holder = definition.pom();
                Text value = definition.text();
                checkVerbatim(holder, value, problems);
                return Optional.of(new Dependency(holder.path(), Ecosystem.MAVEN, name, value.value(),
                        holder.document().span(value.start(), value.end()), SpecSyntax.MAVEN,
                        resolved.projectVersion() ? Source.LOCAL : Source.REGISTRY,
                        declared.section(), false,
                        new Location(pom.path(), writtenSpan.line(), writtenSpan.column()), definition.property()));
            }
            if (resolution instanceof PomProperties.Unresolved unresolved && unresolved.projectVersion()) {
                source = Source.LOCAL;
            }
            if (resolution instanceof PomProperties.Cycle cycle) {
                problems.add(new Problem(location(pom.path(), pom.document(), written.start()),
                        "property cycle: " + String.join(" -> ", cycle.names())));
            }
        }
        checkVerbatim(pom, written, problems);
        return Optional.of(new Dependency(pom.path(), Ecosystem.MAVEN, name, written.value(), writtenSpan,
                SpecSyntax.MAVEN, source, declared.section(), false));
    }

    /** A version whose text is not exactly its value cannot be edited in place: say so. */
    private static void checkVerbatim(PomModel pom, Text version, List<Problem> problems) {
        if (!version.verbatim()) {
            String written = pom.document().source().substring(version.start(), version.end());
            problems.add(new Problem(location(pom.path(), pom.document(), version.start()),
                    "version '" + written + "' reads as '" + version.value()
                            + "' (references, markup or a line break inside); pinver will not edit it"));
        }
    }

    private static List<PomProject.Repository> repositories(List<PomModel> chain,
            Function<PomModel, List<PomProject.Repository>> list, PomProperties properties) {
        List<PomProject.Repository> found = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (PomModel pom : chain) {
            for (PomProject.Repository r : list.apply(pom)) {
                if (r.id().isEmpty() || ids.add(r.id())) {
                    found.add(new PomProject.Repository(r.id(), properties.interpolate(r.url(), "")));
                }
            }
        }
        return found;
    }

    /** Maven's test: the version ends with {@code SNAPSHOT}, in any case. */
    private static boolean isSnapshot(String version) {
        String suffix = "SNAPSHOT";
        return version.regionMatches(true, version.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static String value(Optional<Text> text) {
        return text.map(Text::value).orElse("");
    }

    private static Location location(Path path, PomXml.Document document, int offset) {
        Span at = document.span(offset, offset);
        return new Location(path, at.line(), at.column());
    }
}
