package dev.pinver.outdated;

import dev.pinver.policy.Release;
import dev.pinver.registry.MavenFailure;
import dev.pinver.registry.MavenOptions;
import dev.pinver.registry.MavenOutcome;
import dev.pinver.registry.MavenRegistry;
import dev.pinver.registry.MavenVersions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maven releases through Maven Resolver. A release's date is the newest metadata update that lists
 * it, an upper bound on when it was published: {@code min-age} may hold a release back longer than
 * needed, never shorter.
 */
final class MavenSource implements ReleaseSource {

    private final Supplier<MavenRegistry> open;
    private MavenRegistry registry;

    /** @param open opens the registry; called once, on the first question, so runs without Maven never pay for it */
    MavenSource(Supplier<MavenRegistry> open) {
        this.open = open;
    }

    private synchronized MavenRegistry registry() {
        if (registry == null) {
            registry = open.get();
        }
        return registry;
    }

    /** Maven lookups fetch small metadata files and mostly wait on the repository. */
    @Override
    public int concurrency() {
        return MavenOptions.DEFAULT_PARALLELISM;
    }

    @Override
    public Answer releases(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return Answer.failed("not a Maven group:artifact: " + name);
        }
        MavenOutcome outcome = registry().versions(name.substring(0, colon), name.substring(colon + 1));
        if (outcome instanceof MavenFailure failure) {
            return Answer.failed(failure.message());
        }
        MavenVersions versions = (MavenVersions) outcome;
        return Answer.of(versions.releases().stream()
                .map(r -> new Release(r.version(), r.publishedNoLaterThan(), false, false))
                .toList(), Optional.empty())
                .incomplete(versions.incomplete().stream().map(MavenFailure.RepositoryFailure::message).toList());
    }
}
