package dev.pinver.notes;

import java.util.Optional;

/**
 * What release notes are wanted: one package's releases in ({@code from}, {@code to}].
 *
 * @param packageName the package, normalised as in the manifest ({@code group:artifact} for Maven)
 * @param ecosystem {@code pypi}, {@code maven} or {@code npm}
 * @param from the version upgraded from (exclusive); empty: from the oldest release
 * @param to the version upgraded to (inclusive); empty: up to the newest release
 * @param order how the ecosystem orders versions
 */
public record NotesQuery(String packageName, String ecosystem, Optional<String> from, Optional<String> to,
        ReleaseOrder<?> order) {
}
