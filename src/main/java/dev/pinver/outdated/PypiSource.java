package dev.pinver.outdated;

import dev.pinver.policy.Release;
import dev.pinver.registry.PypiProject;
import dev.pinver.registry.PypiRegistry;
import dev.pinver.registry.RegistryException;
import java.util.Optional;

/** PyPI releases (JSON API or simple indexes, as configured) as release sources see them. */
final class PypiSource implements ReleaseSource {

    private final PypiRegistry registry;

    PypiSource(PypiRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Answer releases(String name) {
        try {
            PypiProject project = registry.project(name);
            return Answer.of(project.releases().stream()
                    .map(r -> new Release(r.version(), r.uploaded(), r.yanked(), false))
                    .toList(), Optional.empty());
        } catch (RegistryException e) {
            return Answer.failed(e.getMessage());
        }
    }
}
