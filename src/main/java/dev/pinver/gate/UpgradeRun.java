package dev.pinver.gate;

import java.util.List;

/** One {@code upgrade} run: the baseline, then every upgrade's outcome in the order they were asked for. */
public record UpgradeRun(Baseline baseline, List<UpgradeOutcome> upgrades) {

    public UpgradeRun {
        upgrades = List.copyOf(upgrades);
    }

    /** Whether the baseline or any upgrade failed or timed out (what makes {@code upgrade} exit 1). */
    public boolean failed() {
        return !baseline.passed() || upgrades.stream().anyMatch(u -> u.result() == Result.FAILED || u.result() == Result.TIMEOUT);
    }
}
