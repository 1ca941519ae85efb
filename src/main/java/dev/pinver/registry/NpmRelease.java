package dev.pinver.registry;

import dev.pinver.version.NpmVersion;
import java.time.Instant;
import java.util.Optional;

/**
 * One published version of an npm package.
 *
 * @param version the version as the registry lists it
 * @param parsed the same version, for ordering
 * @param published when it was published; empty when the packument has no {@code time} (the abbreviated form)
 * @param deprecated the deprecation message, when the version is deprecated
 */
public record NpmRelease(String version, NpmVersion parsed, Optional<Instant> published, Optional<String> deprecated) {
}
