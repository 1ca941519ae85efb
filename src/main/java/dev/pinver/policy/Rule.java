package dev.pinver.policy;

import dev.pinver.Location;
import dev.pinver.manifest.Ecosystem;
import java.util.List;
import java.util.Set;

/**
 * One entry of a policy's {@code rules}: which dependencies it applies to and what it sets for them.
 *
 * @param location where the rule starts in its policy file, for {@code pinver explain}
 * @param ecosystems the ecosystems it applies to; empty means all
 * @param packages the names or globs it applies to (any one matching is enough); empty means all
 * @param overrides the settings it writes down
 */
public record Rule(Location location, Set<Ecosystem> ecosystems, List<PackagePattern> packages, Overrides overrides) {

    public Rule {
        ecosystems = Set.copyOf(ecosystems);
        packages = List.copyOf(packages);
    }

    /** True when the rule applies to this package; {@code name} is Maven's {@code group:artifact}. */
    public boolean matches(Ecosystem ecosystem, String name) {
        return (ecosystems.isEmpty() || ecosystems.contains(ecosystem))
                && (packages.isEmpty() || packages.stream().anyMatch(p -> p.matches(ecosystem, name)));
    }
}
