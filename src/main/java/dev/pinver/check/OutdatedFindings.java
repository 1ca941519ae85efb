package dev.pinver.check;

import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Outdated;
import dev.pinver.policy.Severity;
import java.util.ArrayList;
import java.util.List;

/** {@code check --outdated}: what the registries say, as findings beside the policy's. */
public final class OutdatedFindings {

    private OutdatedFindings() {
    }

    public static List<Finding> of(OutdatedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (OutdatedReport.Row row : report.rows()) {
            if (row.outdated().isEmpty()) {
                continue;
            }
            Outdated o = row.outdated().get();
            String name = row.dependency().name();
            String resolved = o.resolved().orElse("?");
            if (o.resolvedYanked()) {
                findings.add(new Finding(row.dependency(), "yanked", Severity.ERROR, name + " " + resolved
                        + " has been yanked from the registry; move to " + o.latestCompatible().orElse("another release"),
                        ""));
            }
            o.latestCompatible().filter(c -> !c.equals(resolved)).ifPresent(c -> findings.add(new Finding(
                    row.dependency(), "update-in-window", Severity.INFO,
                    name + " " + resolved + " can move to " + c + " inside its compatibility window", "")));
            if (o.breaking()) {
                findings.add(new Finding(row.dependency(), "breaking-update", Severity.INFO, name + " " + resolved
                        + " -> " + o.latest().orElseThrow() + " crosses the window's edge: move there on a branch "
                        + "whose tests pass", ""));
            }
        }
        return findings;
    }
}
