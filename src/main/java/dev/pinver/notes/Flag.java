package dev.pinver.notes;

import java.util.Locale;

/**
 * One line of release notes that a user upgrading should read first.
 *
 * @param kind what it announces
 * @param line the paragraph or list item's text without markup, on one line
 */
public record Flag(Kind kind, String line) {

    /** What a flagged line announces, most urgent first. */
    public enum Kind {
        /** A change that can break callers: "BREAKING CHANGE", "backwards incompatible", "no longer", ⚠️. */
        BREAKING,
        /** Something taken away: "removed", "remove support", "drop support", "dropped". */
        REMOVAL,
        /** A security fix: "security fix", "vulnerability", CVE and GHSA identifiers. */
        SECURITY,
        /** Something that will go away: "deprecated", "deprecate", "deprecation". */
        DEPRECATION;

        /** The lower-case name used in output: {@code breaking}, {@code removal}, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The more urgent of two kinds. */
        Kind max(Kind other) {
            return other == null || ordinal() <= other.ordinal() ? this : other;
        }
    }
}
