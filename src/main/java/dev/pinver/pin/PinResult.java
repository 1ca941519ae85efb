package dev.pinver.pin;

import dev.pinver.manifest.ManifestEditor;
import dev.pinver.manifest.Problem;
import java.util.List;

/**
 * What {@code pin} would do: the changes, verified per file and ready to write, what it cannot pin,
 * warnings (hashes to regenerate), and what could not be read.
 */
public record PinResult(List<Change> changes, ManifestEditor.Batch batch, List<Skipped> skipped,
        List<String> warnings, List<Problem> problems) {

    public PinResult {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    public boolean changesAnything() {
        return !changes.isEmpty();
    }

    /** The verified new text of each file that changes. */
    public List<ManifestEditor.Plan> plans() {
        return batch.plans().stream().filter(ManifestEditor.Plan::changes).toList();
    }
}
