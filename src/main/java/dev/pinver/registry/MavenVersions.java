package dev.pinver.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one artifact, merged from all repositories that have its metadata.
 *
 * @param coordinates the artifact
 * @param releases its versions in Maven's order, oldest first; snapshots only when the registry was
 *     opened to include them
 * @param lastUpdated the newest {@code <lastUpdated>} of its metadata files; empty when none says
 * @param incomplete repositories that could not be read for this artifact although others could (their
 *     versions may be missing here), or whose cached copy was used after a failed refresh; empty when the
 *     answer is complete
 */
public record MavenVersions(
        MavenCoordinates coordinates,
        List<MavenRelease> releases,
        Optional<Instant> lastUpdated,
        List<MavenFailure.RepositoryFailure> incomplete) implements MavenOutcome {

    public MavenVersions {
        releases = List.copyOf(releases);
        incomplete = List.copyOf(incomplete);
    }

    /** The version texts, oldest first. */
    public List<String> versions() {
        return releases.stream().map(MavenRelease::version).toList();
    }

    @Override
    public MavenVersions orThrow() {
        return this;
    }
}
