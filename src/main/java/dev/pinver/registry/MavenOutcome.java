package dev.pinver.registry;

/**
 * What the registry answered for one artifact: its {@link MavenVersions versions}, or a
 * {@link MavenFailure failure} that concerns this artifact only.
 */
public sealed interface MavenOutcome permits MavenVersions, MavenFailure {

    /** The artifact asked about. */
    MavenCoordinates coordinates();

    /**
     * The versions, or the failure as a {@link dev.pinver.PinverException} carrying its one-line message:
     * of kind {@code BAD_INPUT} for invalid coordinates, else {@code NETWORK} (the answer is incomplete).
     */
    MavenVersions orThrow();
}
