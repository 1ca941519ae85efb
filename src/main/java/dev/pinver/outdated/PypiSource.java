package dev.pinver.outdated;

import dev.pinver.manifest.IndexOption;
import dev.pinver.manifest.Manifest;
import dev.pinver.policy.Release;
import dev.pinver.registry.PypiProject;
import dev.pinver.registry.PypiRegistry;
import dev.pinver.registry.RegistryException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PyPI releases (JSON API or simple indexes, as configured) as release sources see them. */
final class PypiSource implements ReleaseSource {

    private final PypiRegistry registry;
    private final Map<String, String> env;

    /** @param env the environment, for {@code ${NAME}} in requirements files' index options */
    PypiSource(PypiRegistry registry, Map<String, String> env) {
        this.registry = registry;
        this.env = env;
    }

    /**
     * With the index options of the run's requirements files applied in manifest order, as pip applies
     * those of every requirements file it is given ({@code -r a.txt -r b.txt}): a later {@code --index-url}
     * replaces the list, {@code --extra-index-url} adds to it, {@code --no-index} ends it.
     */
    @Override
    public ReleaseSource configuredBy(List<Manifest> manifests) {
        List<IndexOption> options = manifests.stream().flatMap(m -> m.indexOptions().stream()).toList();
        return options.isEmpty() ? this : new PypiSource(registry.withRequirementsOptions(options, env), env);
    }

    @Override
    public Answer releases(String name) {
        try {
            PypiProject project = registry.project(name);
            return Answer.of(project.releases().stream()
                    .map(r -> new Release(r.version(), r.uploaded(), r.yanked(), false))
                    .toList(), Optional.empty())
                    .incomplete(project.failures().stream().map(RegistryException::getMessage).toList());
        } catch (RegistryException e) {
            return Answer.failed(e.getMessage());
        }
    }
}
