package dev.pinver.outdated;

import dev.pinver.policy.Release;
import dev.pinver.registry.NpmPackage;
import dev.pinver.registry.NpmRegistry;
import dev.pinver.registry.RegistryException;

/** npm packuments as release sources see them: publish dates, deprecations and the latest tag. */
final class NpmSource implements ReleaseSource {

    private final NpmRegistry registry;

    NpmSource(NpmRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Answer releases(String name) {
        try {
            NpmPackage p = registry.packument(name, false);
            return Answer.of(p.releases().stream()
                    .map(r -> new Release(r.version(), r.published(), false, r.deprecated().isPresent()))
                    .toList(), p.latest());
        } catch (RegistryException e) {
            return Answer.failed(e.getMessage());
        }
    }
}
