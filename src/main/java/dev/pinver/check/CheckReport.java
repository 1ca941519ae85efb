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

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
