package dev.pinver.gate;

import dev.pinver.manifest.Ecosystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One dependency to move forward, with the versions it may move to.
 *
 * @param packageName the normalised package name (also what a lock command is told to upgrade)
 * @param ecosystem its ecosystem
 * @param manifest the manifest holding its spec, relative to the repository root
 * @param fromVersion the version in use now (the lock's, or what the spec resolves to)
 * @param fromSpec the spec as written now
 * @param candidates the versions to try, oldest first (e.g. the newest patch of each window up to the
 *     target); the newest is tried first, older ones only when bisecting
 * @param notes a one-paragraph summary of the release notes for the commit message; empty for none
 */
public record UpgradeRequest(String packageName, Ecosystem ecosystem, Path manifest, String fromVersion,
        String fromSpec, List<Candidate> candidates, String notes) {

    public UpgradeRequest {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(fromSpec, "fromSpec");
        candidates = List.copyOf(candidates);
        notes = notes == null ? "" : notes;
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate version to upgrade " + packageName + " to");
        }
    }

    /** The version the upgrade aims at. */
    public Candidate newest() {
        return candidates.get(candidates.size() - 1);
    }
}
