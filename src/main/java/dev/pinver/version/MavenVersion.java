package dev.pinver.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;

/**
 * One Maven version, ordered exactly as Maven Resolver's {@code GenericVersionScheme} orders it (the
 * order Maven uses to resolve version ranges). Holds Resolver's parsed version and the text it was
 * read from, which {@link #toString()} returns unchanged. Like Resolver's versions, two versions are
 * {@link #equals equal} when they order the same: {@code 1.0}, {@code 1} and {@code 1-ga} are one
 * version.
 */
public final class MavenVersion implements Comparable<MavenVersion> {

    /** Resolver's scheme; thread-safe, shared by everything in this package that reads Maven versions. */
    static final GenericVersionScheme GENERIC = new GenericVersionScheme();

    /** Characters Maven's own tools refuse in a plain version (file-system characters and range syntax). */
    private static final String ILLEGAL = "\\/:\"<>|?*[](){},";

    /** {@code LATEST} and {@code RELEASE}: words Maven resolves from repository metadata, not versions. */
    static final Set<String> META_VERSIONS = Set.of("LATEST", "RELEASE");

    /** Qualifiers Resolver orders below the plain release. */
    private static final Set<String> PRE_RELEASE_QUALIFIERS = Set.of("alpha", "beta", "milestone", "rc", "cr", "snapshot");

    /** The shorthands {@code a1}, {@code b1}, {@code m1}: one letter directly followed by a number. */
    private static final Set<String> PRE_RELEASE_SHORTHANDS = Set.of("a", "b", "m");

    private final Version version;
    private final List<Integer> release;
    private final boolean snapshot;
    private final boolean prerelease;

    private MavenVersion(Version version) {
        this.version = version;
        String text = version.toString();
        List<MavenSegments.Segment> segments = MavenSegments.split(text);
        this.release = leadingNumbers(segments);
        this.snapshot = text.endsWith("SNAPSHOT") || endsWithSnapshotTimestamp(text);
        this.prerelease = snapshot || segments.stream().anyMatch(MavenVersion::isPreReleaseQualifier);
    }

    /**
     * Whether {@code text} ends with a deployed snapshot's timestamp and build number as Resolver recognises
     * one, {@code yyyyMMdd.HHmmss-N} at the start or after a {@code -}: {@code 1.0-20240131.235959-7}.
     */
    private static boolean endsWithSnapshotTimestamp(String text) {
        int build = text.length();
        while (build > 0 && isDigit(text.charAt(build - 1))) {
            build--;
        }
        int dash = build - 1; // before the build number
        int dot = dash - 7; // between the date and the time
        int date = dot - 8;
        if (build == text.length() || date < 0 || text.charAt(dash) != '-' || text.charAt(dot) != '.'
                || (date > 0 && text.charAt(date - 1) != '-')) {
            return false;
        }
        for (int i = date; i < dash; i++) {
            if (i != dot && !isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads one version. Resolver itself accepts any text; this refuses what cannot be a published
     * version: empty text, whitespace, an unresolved {@code ${property}}, the characters Maven's
     * tools ban in versions ({@code \ / : " < > | ? * [ ] ( ) { } ,}) and the meta-versions
     * {@code LATEST}/{@code RELEASE}.
     *
     * @throws InvalidSpecException with the offset of the offending character
     */
    public static MavenVersion parse(String text) {
        checkText(text, 0);
        return of(text);
    }

    /** Wraps text already checked by {@link #checkText}, or a bound Resolver produced itself. */
    static MavenVersion of(String text) {
        try {
            return new MavenVersion(GENERIC.parseVersion(text));
        } catch (InvalidVersionSpecificationException e) {
            throw new InvalidSpecException(e.getMessage(), 0);
        }
    }

    static MavenVersion of(Version version) {
        return new MavenVersion(version);
    }

    /**
     * Throws {@link InvalidSpecException} unless {@code text} can be a plain Maven version; offsets
     * in the exception are {@code base} plus the index in {@code text}.
     */
    static void checkText(String text, int base) {
        if (text.isEmpty()) {
            throw new InvalidSpecException("empty version", base);
        }
        if (META_VERSIONS.contains(text)) {
            throw new InvalidSpecException(text + " is a meta-version resolved from repository metadata, not a version", base);
        }
        int property = text.indexOf("${");
        if (property >= 0) {
            throw new InvalidSpecException("unresolved property reference in version '" + text + "'", base + property);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                throw new InvalidSpecException("whitespace in version '" + text + "'", base + i);
            }
            if (ILLEGAL.indexOf(c) >= 0) {
                throw new InvalidSpecException("character '" + c + "' is not allowed in a Maven version", base + i);
            }
        }
    }

    /** Resolver's own version object, for code that talks to Resolver directly. */
    public Version resolverVersion() {
        return version;
    }

    /**
     * The numbers at the start of the version, as Resolver splits it: {@code 1.2.3-beta-1} → [1, 2, 3],
     * {@code 2.0.0.M1} → [2, 0, 0], {@code 1.0-1} → [1, 0, 1] (Resolver reads {@code -} like {@code .},
     * so {@code 1.0-1} is {@code 1.0.1}), {@code ..1} → [0, 0, 1]. Trailing zeros are kept as written.
     * Empty when the version starts with a letter; a number too large for an {@code int} ends the list.
     */
    public List<Integer> release() {
        return release;
    }

    /**
     * True when a segment is one of Resolver's pre-release qualifiers ({@code alpha}, {@code beta},
     * {@code milestone}, {@code rc}, {@code cr}, {@code snapshot}, any case), a shorthand {@code a1},
     * {@code b1}, {@code m1} (the letter directly followed by a number: {@code 1.0-a.1} is not one), or
     * when the version {@link #isSnapshot() is a snapshot}. {@code 1.0-sp-1-SNAPSHOT} is one;
     * {@code 1.0-jre} and {@code 1.0.RELEASE} are not.
     */
    public boolean isPrerelease() {
        return prerelease;
    }

    /**
     * True for a snapshot in Resolver's sense: the text ends with {@code SNAPSHOT} (upper case only)
     * or with a deployed snapshot's timestamp and build number ({@code 1.0-20240131.235959-7}).
     */
    public boolean isSnapshot() {
        return snapshot;
    }

    @Override
    public int compareTo(MavenVersion other) {
        return version.compareTo(other.version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenVersion v && version.equals(v.version);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }

    /** The text the version was read from. */
    @Override
    public String toString() {
        return version.toString();
    }

    private static List<Integer> leadingNumbers(List<MavenSegments.Segment> segments) {
        List<Integer> numbers = new ArrayList<>();
        for (MavenSegments.Segment s : segments) {
            if (!s.numeric()) {
                break;
            }
            BigInteger n = new BigInteger(s.text());
            if (n.bitLength() >= Integer.SIZE) {
                break;
            }
            numbers.add(n.intValue());
        }
        return List.copyOf(numbers);
    }

    private static boolean isPreReleaseQualifier(MavenSegments.Segment s) {
        if (s.numeric()) {
            return false;
        }
        String q = s.text().toLowerCase(Locale.ROOT);
        return PRE_RELEASE_QUALIFIERS.contains(q) || (s.followedByDigit() && PRE_RELEASE_SHORTHANDS.contains(q));
    }
}
