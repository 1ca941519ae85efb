package dev.pinver.manifest;

import dev.pinver.Location;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One planned change to a manifest: replace the text at {@code span} of {@code file}, which must still
 * read {@code expected} when the edit is applied, with {@code replacement}.
 *
 * @param file the manifest, as the {@link Dependency#manifest()} it came from names it
 * @param span where the text to replace sits in the file's text as it was read
 * @param expected the text at {@code span} when the file was read
 * @param replacement the new text
 */
public record Edit(Path file, Span span, String expected, String replacement) {

    public Edit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
    }

    /** Rewrites {@code dependency}'s version spec to {@code newSpec}. */
    public static Edit of(Dependency dependency, String newSpec) {
        return new Edit(dependency.manifest(), dependency.span(), dependency.spec(), newSpec);
    }

    /** Where the edit starts, for messages. */
    public Location location() {
        return new Location(file, span.line(), span.column());
    }
}
