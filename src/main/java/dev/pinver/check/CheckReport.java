package dev.pinver.check;

import dev.pinver.manifest.Dependency;
import dev.pinver.policy.Severity;
import dev.pinver.manifest.Problem;
import java.util.List;

/**
 * The outcome of {@code pinver check}: every dependency with its status, the findings, and what
 * could not be read.
 *
 * @param manifests how many manifest files were read
 */
public record CheckReport(int manifests, List<Checked> dependencies, List<Finding> findings, List<Problem> problems) {

    /** A dependency and its status: {@code ok} or the id of the rule it breaks. */
    public record Checked(Dependency dependency, String status) {
    }

    /** This report with more findings, e.g. from the registries. */
    public CheckReport withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new CheckReport(manifests, dependencies, all, problems);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
