package dev.pinver.pin;

import dev.pinver.manifest.ManifestEditor;
import dev.pinver.manifest.Problem;
import java.util.List;

/**
 * What {@code pin} would do: the changes, verified per file and ready to write, what it cannot pin,
 * warnings (hashes to regenerate), and what could not be read.
 */
public record PinResult(List<Change> changes, List<ManifestEditor.Plan> plans, List<Skipped> skipped,
        List<String> warnings, List<Problem> problems) {

    public PinResult {
        changes = List.copyOf(changes);
        plans = List.copyOf(plans);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    public boolean changesAnything() {
        return !changes.isEmpty();
    }
}
