package dev.pinver.registry;

import dev.pinver.version.Pep440Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One release of a PyPI project, merged over all its files on all indexes.
 *
 * @param version the normalised version text ({@code 1.0RC1} → {@code 1.0rc1})
 * @param parsed the same version, for ordering
 * @param uploaded when its first file was uploaded; empty when no index says (HTML simple pages never do)
 * @param yanked true when every file of the release is yanked (PEP 592)
 * @param yankedReason the reason given for yanking, when there is one
 * @param requiresPython the {@code Requires-Python} specifier of its files (of a non-yanked one when
 *     there is such), exactly as published
 */
public record PypiRelease(
        String version,
        Pep440Version parsed,
        Optional<Instant> uploaded,
        boolean yanked,
        Optional<String> yankedReason,
        Optional<String> requiresPython) {
}
