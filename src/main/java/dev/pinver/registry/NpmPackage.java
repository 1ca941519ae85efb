package dev.pinver.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an npm registry knows about one package.
 *
 * @param name the package name ({@code @scope/name} for scoped packages)
 * @param releases its versions that are valid SemVer, lowest first
 * @param distTags the dist-tags, tag → version
 * @param modified when the packument last changed, when the registry says
 */
public record NpmPackage(String name, List<NpmRelease> releases, Map<String, String> distTags, Optional<Instant> modified) {

    public NpmPackage {
        releases = List.copyOf(releases);
        distTags = Map.copyOf(distTags);
    }

    /**
     * The {@code latest} dist-tag: what {@code npm install name} picks. It is not always the highest
     * version (a maintainer may publish a 2.x fix after 3.0.0 and keep {@code latest} on either).
     */
    public Optional<String> latest() {
        return Optional.ofNullable(distTags.get("latest"));
    }

    /** The release with exactly this version text. */
    public Optional<NpmRelease> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }
}
