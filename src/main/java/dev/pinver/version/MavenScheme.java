package dev.pinver.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.VersionRange;

/**
 * Maven's version rules, taken from Maven Resolver's {@code GenericVersionScheme}: the order Maven
 * uses to resolve dependency version ranges, and the range syntax of a {@code <version>} element.
 * Stateless and thread-safe.
 *
 * <p>What a {@code <version>} element may hold, and the set {@link #parseSpec} gives for it:
 * <ul>
 * <li>a plain version, {@code 1.0}: Maven's "soft requirement" (conflict resolution may still pick
 * another version), read here as the one-version set {1.0};</li>
 * <li>a range, {@code [1.0,2.0)}, {@code [1.0,)}, {@code (,1.0]}, {@code [1.5]}, {@code [1.2.*]}
 * (Resolver's {@code [1.2.min,1.2.max]}), or a union of ranges {@code (,1.0],[1.2,)};</li>
 * <li>the meta-versions {@code LATEST} and {@code RELEASE} (see {@link #isMovingTag});</li>
 * <li>nothing (blank): every version.</li>
 * </ul>
 *
 * <p>In Resolver's order a pre-release sorts below its release, so an exclusive upper bound
 * {@code [0.45.0,0.46.0)} still admits {@code 0.46.0-rc-1} and {@code 0.46.0-SNAPSHOT}, and Maven
 * picks them when a repository has them. {@link #lowestOf} gives the bound below all of them.
 */
public final class MavenScheme implements VersionScheme<MavenVersion> {

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public MavenVersion parseVersion(String text) {
        return MavenVersion.parse(text);
    }

    /**
     * True when the spec is {@code LATEST} or {@code RELEASE} (exactly, as Maven compares them):
     * words Maven resolves from repository metadata at build time, the newest version or the newest
     * non-snapshot. They pin nothing, so {@link #parseSpec} reads both as every version; callers
     * that want to name them in a message ask here.
     */
    @Override
    public boolean isMovingTag(String spec) {
        return MavenVersion.META_VERSIONS.contains(spec.strip());
    }

    /**
     * The versions a {@code <version>} text admits. Surrounding whitespace is ignored, as Maven's
     * POM reader trims element text; offsets in exceptions count from the start of {@code spec}.
     * Ranges are parsed one by one with Resolver's {@code parseVersionRange}, split the way
     * Resolver's {@code parseVersionConstraint} splits a union (a comma between ranges is optional).
     *
     * @throws InvalidSpecException for an unclosed or malformed range, text after a range, or a
     *     version Maven's tools refuse (see {@link MavenVersion#parse})
     */
    @Override
    public VersionSet<MavenVersion> parseSpec(String spec) {
        int start = skipWhitespace(spec, 0, spec.length());
        int end = spec.length();
        while (end > start && Character.isWhitespace(spec.charAt(end - 1))) {
            end--;
        }
        String text = spec.substring(start, end);
        if (text.isEmpty() || MavenVersion.META_VERSIONS.contains(text)) {
            return VersionSet.all();
        }
        if (text.charAt(0) != '[' && text.charAt(0) != '(') {
            MavenVersion.checkText(text, start);
            return VersionSet.of(Interval.exactly(MavenVersion.of(text)));
        }
        return parseRanges(spec, start, end);
    }

    private static VersionSet<MavenVersion> parseRanges(String spec, int start, int end) {
        List<Interval<MavenVersion>> intervals = new ArrayList<>();
        int i = start;
        while (i < end) {
            char open = spec.charAt(i);
            if (open != '[' && open != '(') {
                throw new InvalidSpecException("expected '[' or '(' to start a version range", i);
            }
            int close = firstClose(spec, i, end);
            if (close < 0) {
                throw new InvalidSpecException("version range is not closed with ']' or ')'", i);
            }
            intervals.add(parseRange(spec, i, close + 1));
            i = skipWhitespace(spec, close + 1, end);
            if (i < end && spec.charAt(i) == ',') {
                i = skipWhitespace(spec, i + 1, end);
            }
        }
        return VersionSet.of(intervals);
    }

    /** One bracketed range, {@code spec[from, to)}, checked bound by bound and read by Resolver. */
    private static Interval<MavenVersion> parseRange(String spec, int from, int to) {
        int comma = spec.indexOf(',', from);
        if (comma < 0 || comma >= to) {
            checkBound(spec.substring(from + 1, to - 1), from + 1, false);
        } else {
            checkBound(spec.substring(from + 1, comma), from + 1, true);
            int second = spec.indexOf(',', comma + 1);
            if (second < 0 || second >= to) {
                checkBound(spec.substring(comma + 1, to - 1), comma + 1, true);
            }
        }
        VersionRange range;
        try {
            range = MavenVersion.GENERIC.parseVersionRange(spec.substring(from, to));
        } catch (InvalidVersionSpecificationException e) {
            throw new InvalidSpecException(e.getMessage(), from);
        }
        VersionRange.Bound lower = range.getLowerBound();
        VersionRange.Bound upper = range.getUpperBound();
        return new Interval<>(
                lower == null ? null : MavenVersion.of(lower.getVersion()), lower != null && lower.isInclusive(),
                upper == null ? null : MavenVersion.of(upper.getVersion()), upper != null && upper.isInclusive());
    }

    /**
     * Checks one bound's text, ignoring the whitespace Resolver trims around it. A bound of a
     * two-sided range may be empty (unbounded); the single version of {@code [V]} may end in
     * Resolver's wildcard {@code .*}.
     */
    private static void checkBound(String raw, int base, boolean twoSided) {
        int lead = skipWhitespace(raw, 0, raw.length());
        String bound = raw.strip();
        if (twoSided && bound.isEmpty()) {
            return;
        }
        if (!twoSided && bound.endsWith(".*")) {
            bound = bound.substring(0, bound.length() - 2);
        }
        MavenVersion.checkText(bound, base + lead);
    }

    private static int firstClose(String spec, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = spec.charAt(i);
            if (c == ']' || c == ')') {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String spec, int i, int end) {
        while (i < end && Character.isWhitespace(spec.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public List<Integer> release(MavenVersion version) {
        return version.release();
    }

    @Override
    public boolean isPrerelease(MavenVersion version) {
        return version.isPrerelease();
    }

    /** The plain release with these numbers: [0, 46, 0] → {@code 0.46.0}. */
    @Override
    public MavenVersion finalRelease(List<Integer> release) {
        return MavenVersion.parse(join(release));
    }

    /**
     * The bound just below every version of this release: [0, 46, 0] → {@code 0.46.min}. Resolver
     * has no smallest real version in a release (below {@code 0.46.0-alpha} sorts
     * {@code 0.46.0-alpha-SNAPSHOT}, below that {@code 0.46.0-alpha-alpha}, and so on), so this uses
     * Resolver's {@code min} segment, which sorts below every version with that prefix and above
     * every version of an earlier release. Trailing zeros are dropped ({@code 0.46.0.min} would sort
     * above {@code 0.46.min}); the first number is kept. {@code min} means this only to Resolver:
     * Maven 3's {@code ComparableVersion} reads it as an unknown qualifier sorting after
     * {@code 0.46}.
     */
    @Override
    public MavenVersion lowestOf(List<Integer> release) {
        int length = release.size();
        while (length > 1 && release.get(length - 1) == 0) {
            length--;
        }
        return MavenVersion.parse(join(release.subList(0, length)) + ".min");
    }

    /**
     * Maven users write windows as {@code [0.45.0,0.46.0)} and read them as ending at 0.46.0, although
     * Resolver's order puts 0.46.0's pre-releases inside; pinver measures them the same way.
     */
    @Override
    public MavenVersion windowEdge(List<Integer> release) {
        return finalRelease(release);
    }

    /**
     * {@link SpecStyle#RANGE}: {@code [from,to)}, or {@code [from,)} when {@code to} is null;
     * {@link SpecStyle#EXACT}: {@code from} as a plain version. Both versions are written as given,
     * so {@code to} = {@link #finalRelease} 0.46.0 gives Maven's usual {@code [0.45.0,0.46.0)}, which
     * admits 0.46.0's pre-releases, and {@code to} = {@link #lowestOf} gives
     * {@code [0.45.0,0.46.min)}, which does not. Empty for the other styles, which Maven has no
     * syntax for, and when {@code to} is not above {@code from}.
     */
    @Override
    public Optional<String> formatWindow(MavenVersion from, MavenVersion to, SpecStyle style) {
        return switch (style) {
            case RANGE -> {
                if (to == null) {
                    yield Optional.of("[" + from + ",)");
                }
                yield to.compareTo(from) > 0 ? Optional.of("[" + from + "," + to + ")") : Optional.empty();
            }
            case EXACT -> Optional.of(from.toString());
            case COMPATIBLE, CARET, TILDE -> Optional.empty();
        };
    }

    private static String join(List<Integer> release) {
        if (release.isEmpty() || release.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("release numbers must be non-empty and non-negative: " + release);
        }
        return release.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
