/**
 * The upgrade gate: an upgrade moves a dependency's spec only on a branch whose tests passed.
 *
 * <p>{@link dev.pinver.gate.Gate} runs the project's tests once on the unmodified base, then, for each
 * {@link dev.pinver.gate.UpgradeRequest} (or {@link dev.pinver.gate.Group}), applies the caller's
 * {@link dev.pinver.gate.Edits} through the manifest package's editor in an isolated clone of the user's
 * repository, runs the lock, install and test {@link dev.pinver.gate.Command}s of a
 * {@link dev.pinver.gate.Toolchain}, and commits a passing result on a deterministic branch that is pushed
 * back into the user's repository. The user's branch, index, stash and working tree are never touched
 * (an opt-in in-place mode uses the user's own environment and restores the branch afterwards).
 * Registry look-ups and release notes are not done here: candidate versions, specs and a notes summary
 * are inputs.
 */
package dev.pinver.gate;
