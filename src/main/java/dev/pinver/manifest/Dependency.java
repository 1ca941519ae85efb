package dev.pinver.manifest;

import java.nio.file.Path;

/**
 * One declared dependency with the exact place of its version spec.
 *
 * @param manifest the file that declares it
 * @param ecosystem its ecosystem
 * @param name the normalised package name (PEP 503 for PyPI, {@code group:artifact} for Maven)
 * @param spec the version constraint exactly as written, without name, extras or markers; empty when there is none
 * @param span where {@code spec} sits in the manifest; for an empty spec, an empty span at the name
 * @param syntax the grammar {@code spec} is written in
 * @param source registry, URL or local
 * @param section where in the manifest it is declared, e.g. {@code project.dependencies}, {@code -r base.txt}
 * @param hashed true when the line carries {@code --hash} options that a changed pin invalidates
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
        boolean hashed) {
}
