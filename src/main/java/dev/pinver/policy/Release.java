package dev.pinver.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * One release as a registry lists it, in registry-neutral terms.
 *
 * @param version the version string as the registry spells it
 * @param published when it was published; empty when the registry does not say
 * @param yanked withdrawn by its publisher (PyPI's yank): never offered
 * @param deprecated marked deprecated (npm): never offered
 */
public record Release(String version, Optional<Instant> published, boolean yanked, boolean deprecated) {
}
