package dev.pinver.gate;

import java.util.List;
import java.util.Objects;

/**
 * Packages upgraded together on one branch, {@code <prefix><name>}, each to its newest candidate. When
 * they fail together, the members that break the tests are found and left out, and the rest still
 * upgrade together.
 */
public record Group(String name, List<UpgradeRequest> members) {

    public Group {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group " + name + " has no members");
        }
    }
}
