package dev.pinver.version;

import java.util.List;
import java.util.Optional;

/**
 * npm's versions and ranges, as node-semver defines them. A scheme is either loose, as npm itself
 * reads package.json and registry data (the default), or strict; the two differ only for inputs
 * strict SemVer rejects ({@code =1.2.3}, {@code 01.2.3}, {@code 1.2.3beta}, unreadable comparators
 * that loose mode drops).
 *
 * <p>{@link #parseSpec} gives the desugared comparators as intervals, without node-semver's rule
 * that a pre-release only satisfies a range naming a pre-release of the same major.minor.patch;
 * {@link #satisfies} applies that rule.
 */
public final class NpmScheme implements VersionScheme<NpmVersion> {

    /** What npm accepts as a dist-tag name: it must not itself be a valid range. */
    private static final java.util.regex.Pattern DIST_TAG = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /** {@code 0.0.0-0}: nothing sorts below it. */
    static final NpmVersion MINIMUM = NpmVersion.parse("0.0.0-0");

    private final boolean loose;

    /** The scheme npm uses: loose. */
    public NpmScheme() {
        this(true);
    }

    public NpmScheme(boolean loose) {
        this.loose = loose;
    }

    public boolean loose() {
        return loose;
    }

    @Override
    public String name() {
        return "npm semver";
    }

    @Override
    public NpmVersion parseVersion(String text) {
        return NpmVersion.parse(text, loose);
    }

    /**
     * node-semver's {@code new Range(range, {loose, includePrerelease})}. {@code includePrerelease}
     * lowers x-range, tilde, caret and hyphen bounds to {@code -0} and lifts the pre-release rule
     * in {@link NpmRange#test}. Throws {@link InvalidSpecException} where node-semver throws
     * (there {@code validRange} gives null), with the offset of the offending comparator.
     */
    public NpmRange parseRange(String range, boolean includePrerelease) {
        return new NpmRangeParser(range, loose, includePrerelease).parse();
    }

    /** A dist-tag ({@code latest}, {@code next}, {@code beta}): a name npm resolves to whatever it points at today. */
    @Override
    public boolean isMovingTag(String spec) {
        String s = spec.strip();
        if (!DIST_TAG.matcher(s).matches()) {
            return false;
        }
        try {
            parseRange(s, false);
            return false;
        } catch (InvalidSpecException e) {
            return true;
        }
    }

    @Override
    public VersionSet<NpmVersion> parseSpec(String spec) {
        return parseRange(spec, false).toVersionSet();
    }

    /**
     * node-semver's {@code satisfies(version, range, {loose, includePrerelease})}, except that an
     * invalid range throws {@link InvalidSpecException} instead of answering false.
     */
    public boolean satisfies(NpmVersion version, String range, boolean includePrerelease) {
        return parseRange(range, includePrerelease).test(version);
    }

    @Override
    public List<Integer> release(NpmVersion version) {
        return version.release();
    }

    @Override
    public boolean isPrerelease(NpmVersion version) {
        return version.isPrerelease();
    }

    @Override
    public NpmVersion finalRelease(List<Integer> release) {
        return NpmVersion.parse(releaseText(release));
    }

    @Override
    public NpmVersion lowestOf(List<Integer> release) {
        return NpmVersion.parse(releaseText(release) + "-0");
    }

    private static String releaseText(List<Integer> release) {
        if (release.isEmpty() || release.size() > 3) {
            throw new IllegalArgumentException("an npm release has one to three numbers: " + release);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(i > 0 ? "." : "").append(i < release.size() ? release.get(i) : 0);
        }
        return sb.toString();
    }

    /**
     * {@code <0.46.0} admits no 0.46.0 pre-release unless a comparator names one (node-semver's
     * pre-release rule), so npm windows end at the release itself.
     */
    @Override
    public NpmVersion windowEdge(List<Integer> release) {
        return finalRelease(release);
    }

    /**
     * {@code CARET} {@code ^0.45.3} and {@code TILDE} {@code ~0.45.3} only where their upper edge
     * is exactly {@code to}'s release; {@code RANGE} {@code >=0.45.3 <0.46.0} (npm's space is AND;
     * just {@code >=0.45.3} when {@code to} is null); {@code EXACT} {@code 0.45.3}; never
     * {@code COMPATIBLE}, which npm lacks.
     */
    @Override
    public Optional<String> formatWindow(NpmVersion from, NpmVersion to, SpecStyle style) {
        String lower = from.toString();
        return switch (style) {
            case EXACT -> Optional.of(lower);
            case RANGE -> Optional.of(to == null ? ">=" + lower : ">=" + lower + " <" + releaseOf(to));
            case CARET -> to != null && caretEdge(from).equals(releaseOf(to)) ? Optional.of("^" + lower) : Optional.empty();
            case TILDE -> to != null && tildeEdge(from).equals(releaseOf(to)) ? Optional.of("~" + lower) : Optional.empty();
            case COMPATIBLE -> Optional.empty();
        };
    }

    private static String releaseOf(NpmVersion v) {
        return v.major() + "." + v.minor() + "." + v.patch();
    }

    /** The release a caret on {@code v} stops before: the first non-zero part goes up by one. */
    private static String caretEdge(NpmVersion v) {
        if (v.major() > 0) {
            return (v.major() + 1) + ".0.0";
        }
        if (v.minor() > 0) {
            return "0." + (v.minor() + 1) + ".0";
        }
        return "0.0." + (v.patch() + 1);
    }

    /** The release a tilde on {@code v} stops before: the minor part goes up by one. */
    private static String tildeEdge(NpmVersion v) {
        return v.major() + "." + (v.minor() + 1) + ".0";
    }
}
