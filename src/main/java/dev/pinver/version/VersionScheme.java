package dev.pinver.version;

import java.util.List;
import java.util.Optional;

/**
 * One ecosystem's version rules: how versions parse and order, how its range syntax maps to a
 * {@link VersionSet}, and how a window is written back. Implementations are immutable and
 * thread-safe.
 *
 * @param <V> the scheme's version type, totally ordered
 */
public interface VersionScheme<V extends Comparable<? super V>> {

    /** A short name for messages: "PEP 440", "Poetry", "npm semver", "Maven". */
    String name();

    /** Parses one version; throws {@link InvalidSpecException} when it is not one. */
    V parseVersion(String text);

    /**
     * The set of versions a spec admits, as written in a manifest (without the package name).
     * An empty or blank spec admits everything. Throws {@link InvalidSpecException} on bad syntax.
     */
    VersionSet<V> parseSpec(String spec);

    /** The numeric release part: 0.45.3rc1 → [0, 45, 3]. */
    List<Integer> release(V version);

    boolean isPrerelease(V version);

    /** The plain final release with these numbers: [0, 46, 0] → 0.46.0. */
    V finalRelease(List<Integer> release);

    /**
     * The smallest version that belongs to the release with these numbers, pre-releases and
     * development releases included ([0, 46, 0] → 0.46.0.dev0 in PEP 440, 0.46.0-0 in npm). A window
     * that excludes a release excludes everything from this version up.
     */
    V lowestOf(List<Integer> release);

    /**
     * True when the spec is a name for "whatever is newest" rather than a range: Maven's
     * {@code LATEST}/{@code RELEASE}, an npm dist-tag such as {@code latest} or {@code next}.
     */
    default boolean isMovingTag(String spec) {
        return false;
    }

    /** The spec that admits every version: empty in most schemes, {@code *} where empty is not a spec. */
    default String anyVersion() {
        return "";
    }

    /**
     * The first version that a window ending before {@code release} must exclude, as this ecosystem
     * reads the upper bound {@code pin} writes: by default {@link #lowestOf}. npm's pre-release rule
     * keeps {@code <0.46.0} from admitting {@code 0.46.0-beta}, and Maven's conventional
     * {@code [0.45.0,0.46.0)} is read as ending at 0.46.0, so there it is {@link #finalRelease}.
     */
    default V windowEdge(List<Integer> release) {
        return lowestOf(release);
    }

    /**
     * The spec that admits the window from {@code from} (inclusive) up to the release {@code to}
     * (exclusive, with its pre-releases), written in {@code style}; {@code to} null means no upper
     * edge. Empty when the style cannot express that window in this scheme.
     */
    Optional<String> formatWindow(V from, V to, SpecStyle style);
}
