package dev.pinver.manifest;

/** Where a dependency comes from: only registry dependencies carry a version spec pinver can pin. */
public enum Source {
    /** A package from a registry, selected by a version spec (possibly empty). */
    REGISTRY,
    /** A direct URL or VCS reference ({@code name @ https://…}, {@code git+…}): not version-pinnable. */
    URL,
    /** An editable or local path install ({@code -e .}, {@code ./pkg}, {@code path = "…"}): not version-pinnable. */
    LOCAL,
    /** A version left out because a BOM, parent or workspace manages it elsewhere: nothing to pin here. */
    MANAGED
}
