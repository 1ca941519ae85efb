package dev.pinver.check;

import dev.pinver.manifest.Dependency;
import dev.pinver.policy.Severity;

/**
 * One thing wrong with one dependency's pin.
 *
 * @param rule the rule id, e.g. {@code too-wide}
 * @param suggested the spec {@code pin} would write; empty when it cannot suggest one
 */
public record Finding(Dependency dependency, String rule, Severity severity, String message, String suggested) {
}
