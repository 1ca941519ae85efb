/**
 * Policies: which constraint each dependency should have, and whether its spec meets it.
 * {@link dev.pinver.policy.PolicyLoader} reads a policy file, {@link dev.pinver.policy.Presets} the
 * shipped ones, {@link dev.pinver.policy.Policy#settingsFor} finds one package's effective
 * {@link dev.pinver.policy.Settings}, and {@link dev.pinver.policy.Judge} turns a spec and its settings
 * into a {@link dev.pinver.policy.Verdict}. Pure logic: the only input read is the bundled presets.
 */
package dev.pinver.policy;
