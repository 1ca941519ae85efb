package dev.pinver.pin;

import dev.pinver.manifest.Dependency;

/**
 * One spec that {@code pin} rewrites.
 *
 * @param dependency the dependency as read
 * @param newSpec the spec written in its place
 * @param basis where the version pinned from came from, e.g. {@code poetry.lock 0.45.3} or {@code ==0.23.0}
 */
public record Change(Dependency dependency, String newSpec, String basis) implements Outcome {
}
