package dev.pinver.upgrade;

import dev.pinver.gate.Group;
import dev.pinver.gate.UpgradeRequest;
import dev.pinver.manifest.Problem;
import java.util.List;

/**
 * What {@code pinver upgrade} will try: one request per package (grouped when asked), and the
 * packages it cannot try with the reason.
 */
public record UpgradePlan(List<UpgradeRequest> upgrades, List<Group> groups, List<String> notTried,
        List<Problem> problems, long registryErrors) {

    public UpgradePlan {
        upgrades = List.copyOf(upgrades);
        groups = List.copyOf(groups);
        notTried = List.copyOf(notTried);
        problems = List.copyOf(problems);
    }
}
