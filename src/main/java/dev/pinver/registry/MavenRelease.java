package dev.pinver.registry;

import dev.pinver.version.MavenVersion;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of a Maven artifact, as repository metadata lists it.
 *
 * @param version the version exactly as listed
 * @param parsed the same version, in Maven's order
 * @param repository the id of the first repository (in {@link MavenRegistry#repositories()} order) that lists it
 * @param publishedNoLaterThan an upper bound of its publication time: the earliest {@code <lastUpdated>}
 *     among the metadata files that list it (a deploy rewrites the metadata, so every version listed was
 *     published by then); empty when none says. When this bound is already older than a policy's
 *     {@code min-age}, the version is old enough without asking {@link MavenRegistry#publishedAt}.
 */
public record MavenRelease(String version, MavenVersion parsed, String repository, Optional<Instant> publishedNoLaterThan) {
}
