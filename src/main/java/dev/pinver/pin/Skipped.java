package dev.pinver.pin;

import dev.pinver.manifest.Dependency;

/** A dependency whose spec {@code pin} would change but cannot, and why. */
public record Skipped(Dependency dependency, String reason) implements Outcome {
}
