package dev.pinver.policy;

import java.util.Optional;

/**
 * What the policy says about one dependency's spec.
 *
 * @param status the outcome; its {@link Status#id()} is the finding's {@code rule} in reports
 * @param severity how much it matters; {@link Severity#INFO} for {@link Status#OK}
 * @param message one line for humans, naming the package and spec
 * @param suggested the spec {@code pinver pin} would write instead; an empty string means "remove
 *     the constraint"; absent when the spec is fine or nothing can be suggested
 */
public record Verdict(Status status, Severity severity, String message, Optional<String> suggested) {

    /** The outcomes, named as the findings' rules. */
    public enum Status {
        /** The spec is what the policy wants. */
        OK("ok", Severity.INFO),
        /** No upper bound (an empty spec included), or, under {@code pin: exact|floor}, nothing to pin to. */
        UNPINNED("unpinned", Severity.ERROR),
        /** Admits a version at or past the window's edge, the next breaking release. */
        TOO_WIDE("too-wide", Severity.ERROR),
        /** A single version where a window is wanted; its severity is the policy's {@code exact-pin}. */
        EXACT_PIN("exact-pin", Severity.WARNING),
        /** A range where the policy wants one exact version. */
        NOT_EXACT("not-exact", Severity.WARNING),
        /** Any constraint on a package whose policy is {@code pin: none}. */
        SHOULD_NOT_PIN("should-not-pin", Severity.WARNING),
        /** The spec does not parse, or admits no version at all. */
        INVALID_SPEC("invalid-spec", Severity.ERROR),
        /** A Maven {@code -SNAPSHOT} dependency in a build that is itself a release: not reproducible. */
        SNAPSHOT_DEPENDENCY("snapshot-dependency", Severity.ERROR),
        /** No version here: a BOM, parent or workspace manages it. Not a finding. */
        MANAGED("managed", Severity.INFO),
        /** A URL, VCS or local path dependency: there is no version to check. */
        URL_REQUIREMENT("url-requirement", Severity.INFO);

        private final String id;
        private final Severity severity;

        Status(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        /** The name used in reports and JSON. */
        public String id() {
            return id;
        }

        /** The severity a verdict with this status has, unless the policy decides it ({@code exact-pin}). */
        public Severity defaultSeverity() {
            return severity;
        }
    }

    /** True unless the status is {@link Status#OK} or {@link Status#MANAGED}. */
    public boolean isFinding() {
        return status != Status.OK && status != Status.MANAGED;
    }
}
