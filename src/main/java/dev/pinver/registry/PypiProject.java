package dev.pinver.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the configured indexes know about one PyPI project.
 *
 * @param name the PEP 503 normalised name
 * @param releases its releases with a valid PEP 440 version, oldest first
 * @param projectUrls the project's links by label ({@code Homepage}, {@code Changelog}, …), in the
 *     index's order; only the JSON API has them, so this is empty for simple indexes
 * @param failures the indexes that could not answer (not those that do not have the project); when
 *     this is not empty the releases may be incomplete
 */
public record PypiProject(String name, List<PypiRelease> releases, Map<String, String> projectUrls,
        List<RegistryException> failures) {

    public PypiProject {
        releases = List.copyOf(releases);
        projectUrls = Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
        failures = List.copyOf(failures);
    }

    /** True when every index answered. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
