package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;

/**
 * One declared dependency with the exact place of its version spec.
 *
 * @param manifest the file that holds {@code spec}; for a Maven version taken from a property, the
 *     pom that defines the property (possibly a parent)
 * @param ecosystem its ecosystem
 * @param name the normalised package name (PEP 503 for PyPI, {@code group:artifact} for Maven)
 * @param spec the version constraint exactly as written, without name, extras or markers; empty when there is none
 * @param span where {@code spec} sits in {@code manifest}; for an empty spec, an empty span where a spec
 *     would be inserted (after a PEP 508 name and its extras), or at the name where none can be
 * @param syntax the grammar {@code spec} is written in
 * @param source registry, URL, local or managed elsewhere
 * @param section where in the manifest it is declared, e.g. {@code project.dependencies}, {@code requirements}
 * @param hashed true when the line carries {@code --hash} options that a changed pin invalidates
 * @param declaredAt where the dependency itself is declared (its name, or its Maven {@code <version>} element)
 * @param property the property whose value is {@code spec} (Maven's {@code jackson.version}); empty when written in place
 */
public record Dependency(
        Path manifest,
        Ecosystem ecosystem,
        String name,
        String spec,
        Span span,
        SpecSyntax syntax,
        Source source,
        String section,
        boolean hashed,
        Location declaredAt,
        String property) {

    /** A dependency whose spec is written where it is declared. */
    public Dependency(Path manifest, Ecosystem ecosystem, String name, String spec, Span span, SpecSyntax syntax,
            Source source, String section, boolean hashed) {
        this(manifest, ecosystem, name, spec, span, syntax, source, section, hashed,
                new Location(manifest, span.line(), span.column()), "");
    }

    /** Where {@code spec} is, as a location. */
    public Location location() {
        return new Location(manifest, span.line(), span.column());
    }

    /** Whether a package name as a user writes it names this dependency (PyPI names compare PEP 503-normalised). */
    public boolean isNamed(String userName) {
        return name.equals(ecosystem == Ecosystem.PYPI ? Pep508.normalise(userName) : userName);
    }

    /** Where reports point: at the spec, or, when there is none, at the dependency's name. */
    public Location reportedAt() {
        return spec.isEmpty() ? declaredAt : location();
    }
}
