package dev.pinver.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One version under PEP 440, as the {@code packaging} library reads and orders it: an epoch, the
 * release numbers, optional pre-release ({@code a}, {@code b}, {@code rc}), post-release and
 * development-release numbers, and an optional local label. Numbers are unbounded, as in Python.
 *
 * <p>{@link #toString()} gives the normalised form ({@code 1.0RC1} → {@code 1.0rc1}). Ordering is
 * packaging's total order: development releases before pre-releases before the final release
 * before post-releases, local versions just after their public version, and trailing zeros of the
 * release ignored, so {@code 1.0} equals {@code 1.0.0}; {@link #equals} agrees with
 * {@link #compareTo}.
 *
 * <p>Besides real versions there is one internal boundary kind, created only by specifier
 * translation: the point just above every post-release of a final release (the lower edge of
 * {@code >1.0}). It never comes out of {@link #parse}.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

    /** A pre-release tag: {@code label} is {@code a}, {@code b} or {@code rc}. */
    public record Pre(String label, BigInteger number) {

        int rank() {
            return switch (label) {
                case "a" -> 0;
                case "b" -> 1;
                default -> 2;
            };
        }

        @Override
        public String toString() {
            return label + number;
        }
    }

    /** The smallest version there is: {@code 0.dev0}. */
    static final Pep440Version MIN = new Pep440Version(BigInteger.ZERO, List.of(BigInteger.ZERO), null, null,
            BigInteger.ZERO, null, false);

    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final Pre pre;
    private final BigInteger post;
    private final BigInteger dev;
    /** Local segments, lower-case; numeric ones without leading zeros. Null when there is no local label. */
    private final List<String> local;
    /** True for the boundary just above every post-release of this (final) version. */
    private final boolean afterPosts;

    private Pep440Version(BigInteger epoch, List<BigInteger> release, Pre pre, BigInteger post, BigInteger dev,
            List<String> local, boolean afterPosts) {
        this.epoch = epoch;
        this.release = List.copyOf(release);
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local == null ? null : List.copyOf(local);
        this.afterPosts = afterPosts;
    }

    /** Parses a version, allowing what packaging allows (spellings, separators, leading {@code v}, whitespace). */
    public static Pep440Version parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[begin, end)}; offsets in errors are indices into {@code text}. */
    static Pep440Version parse(String text, int begin, int end) {
        return new Parser(text, begin, end).version();
    }

    /** The final release with these numbers and epoch 0: [0, 46, 0] → 0.46.0. */
    public static Pep440Version finalRelease(List<Integer> release) {
        return new Pep440Version(BigInteger.ZERO, toBig(release), null, null, null, null, false);
    }

    /** The smallest version of the release with these numbers (its first development release): 0.46.0.dev0. */
    public static Pep440Version lowestOf(List<Integer> release) {
        return new Pep440Version(BigInteger.ZERO, toBig(release), null, null, BigInteger.ZERO, null, false);
    }

    private static List<BigInteger> toBig(List<Integer> release) {
        if (release.isEmpty()) {
            throw new IllegalArgumentException("a release has at least one number");
        }
        List<BigInteger> out = new ArrayList<>();
        for (int n : release) {
            if (n < 0) {
                throw new IllegalArgumentException("release numbers are not negative: " + release);
            }
            out.add(BigInteger.valueOf(n));
        }
        return out;
    }

    public BigInteger epoch() {
        return epoch;
    }

    /** The release numbers as written, trailing zeros included: 1.2.0rc1 → [1, 2, 0]. */
    public List<BigInteger> release() {
        return release;
    }

    public Optional<Pre> pre() {
        return Optional.ofNullable(pre);
    }

    public Optional<BigInteger> post() {
        return Optional.ofNullable(post);
    }

    public Optional<BigInteger> dev() {
        return Optional.ofNullable(dev);
    }

    /** The normalised local label ({@code ubuntu.1}), if any. */
    public Optional<String> local() {
        return local == null ? Optional.empty() : Optional.of(String.join(".", local));
    }

    public boolean hasLocal() {
        return local != null;
    }

    /** True for pre-releases and development releases, as packaging's {@code is_prerelease}. */
    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isDevRelease() {
        return dev != null;
    }

    public boolean isPostRelease() {
        return post != null;
    }

    /** This version without its local label. */
    public Pep440Version publicVersion() {
        return local == null ? this : new Pep440Version(epoch, release, pre, post, dev, null, false);
    }

    /** Epoch and release only: 1!2.0rc1.post3+x → 1!2.0. */
    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, null, null, null, null, false);
    }

    /** The final release with this epoch and these numbers. */
    static Pep440Version finalRelease(BigInteger epoch, List<BigInteger> release) {
        return new Pep440Version(epoch, release, null, null, null, null, false);
    }

    /** The same version with trailing zeros of the release dropped, one number kept: 1.0.0 → 1. */
    Pep440Version withoutTrailingZeros() {
        return withReleaseLength(Math.max(1, significantLength()));
    }

    /** The same version with its release cut (or zero-padded) to {@code length} numbers. */
    Pep440Version withReleaseLength(int length) {
        List<BigInteger> r = new ArrayList<>(release.subList(0, Math.min(length, release.size())));
        while (r.size() < length) {
            r.add(BigInteger.ZERO);
        }
        return new Pep440Version(epoch, r, pre, post, dev, local, afterPosts);
    }

    /** The first development release of this version's release: 1.2rc1 → 1.2.dev0. */
    Pep440Version baseDev0() {
        return new Pep440Version(epoch, release, null, null, BigInteger.ZERO, null, false);
    }

    /** The first development release of this exact version: 1.0.post1 → 1.0.post1.dev0 (packaging's bound of {@code <V}). */
    Pep440Version withDev0() {
        return new Pep440Version(epoch, release, pre, post, BigInteger.ZERO, null, false);
    }

    /**
     * The first development release after the prefix {@code release[0, length)}: with 1.2.3 and
     * length 2 → 1.3.dev0. The epoch is kept.
     */
    Pep440Version nextPrefixDev0(int length) {
        List<BigInteger> r = new ArrayList<>(release.subList(0, length));
        r.set(length - 1, r.get(length - 1).add(BigInteger.ONE));
        return new Pep440Version(epoch, r, null, null, BigInteger.ZERO, null, false);
    }

    /**
     * The smallest public version above this one and all its local versions: 1.0 → 1.0.post0.dev0,
     * 1.0.post2 → 1.0.post3.dev0, 1.0a1.dev3 → 1.0a1.dev4. The exclusive upper edge of {@code <=V}.
     */
    Pep440Version afterLocals() {
        if (dev != null) {
            return new Pep440Version(epoch, release, pre, post, dev.add(BigInteger.ONE), null, false);
        }
        BigInteger nextPost = post == null ? BigInteger.ZERO : post.add(BigInteger.ONE);
        return new Pep440Version(epoch, release, pre, nextPost, BigInteger.ZERO, null, false);
    }

    /**
     * The versions {@code >V} admits: above V, its local versions and (unless V is itself a post or
     * development release) its post-releases. The edge is a real version ({@code >1.0a1} starts at
     * 1.0a2.dev0) except for a final V, where no smallest such version exists and the edge is the
     * boundary above V's post-releases.
     */
    Interval<Pep440Version> above() {
        if (dev != null || post != null) {
            return Interval.atLeast(afterLocals());
        }
        if (pre != null) {
            return Interval.atLeast(nextPreDev0());
        }
        return Interval.greaterThan(new Pep440Version(epoch, release, null, null, null, null, true));
    }

    /** The first development release of the next pre-release of the same kind: 1.0rc1 → 1.0rc2.dev0. */
    Pep440Version nextPreDev0() {
        Pre next = new Pre(pre.label(), pre.number().add(BigInteger.ONE));
        return new Pep440Version(epoch, release, next, null, BigInteger.ZERO, null, false);
    }

    boolean isBoundary() {
        return afterPosts;
    }

    /**
     * The smallest version at or above this one that is not a pre-release, when it exists; for a
     * final release or the post-release boundary, versions that are not pre-releases lie arbitrarily
     * close above, so this returns the version itself.
     */
    Pep440Version nearestNonPrerelease() {
        if (afterPosts || !isPrerelease()) {
            return this;
        }
        if (pre != null) {
            return baseVersion();
        }
        return new Pep440Version(epoch, release, null, post, null, null, false);
    }

    @Override
    public int compareTo(Pep440Version o) {
        if (afterPosts || o.afterPosts) {
            int c = compareRelease(o);
            if (c != 0) {
                return c;
            }
            return Boolean.compare(afterPosts, o.afterPosts);
        }
        int c = compareRelease(o);
        if (c != 0) {
            return c;
        }
        c = compareSuffix(o);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, o.local);
    }

    private int compareRelease(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c != 0) {
            return c;
        }
        int n = significantLength();
        int m = o.significantLength();
        for (int i = 0; i < Math.min(n, m); i++) {
            c = release.get(i).compareTo(o.release.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(n, m);
    }

    /** The number of release numbers left when trailing zeros are dropped (0 for a release of zeros). */
    int significantLength() {
        int n = release.size();
        while (n > 0 && release.get(n - 1).signum() == 0) {
            n--;
        }
        return n;
    }

    /** packaging's order of the pre/post/dev suffix: dev-only < a < b < rc < none; no post < post; dev < no dev. */
    private int compareSuffix(Pep440Version o) {
        int c = Integer.compare(preRank(), o.preRank());
        if (c != 0) {
            return c;
        }
        if (pre != null) {
            c = pre.number().compareTo(o.pre.number());
            if (c != 0) {
                return c;
            }
        }
        c = Boolean.compare(post != null, o.post != null);
        if (c != 0) {
            return c;
        }
        if (post != null) {
            c = post.compareTo(o.post);
            if (c != 0) {
                return c;
            }
        }
        c = Boolean.compare(dev == null, o.dev == null);
        if (c != 0 || dev == null) {
            return c;
        }
        return dev.compareTo(o.dev);
    }

    private int preRank() {
        if (pre != null) {
            return pre.rank();
        }
        return post == null && dev != null ? -1 : 3;
    }

    /** No label sorts first; segment by segment, strings before numbers; a shorter label before its extensions. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = isNumber(x);
            boolean yn = isNumber(y);
            int c;
            if (xn && yn) {
                c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            } else if (xn != yn) {
                c = xn ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumber(String segment) {
        return segment.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, release.subList(0, significantLength()), pre, post, dev, local, afterPosts);
    }

    /** The normalised form; the post-release boundary prints as {@code 1.0.post∞}, which no parser accepts. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (epoch.signum() != 0) {
            sb.append(epoch).append('!');
        }
        for (int i = 0; i < release.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(release.get(i));
        }
        if (afterPosts) {
            return sb.append(".post∞").toString();
        }
        if (pre != null) {
            sb.append(pre);
        }
        if (post != null) {
            sb.append(".post").append(post);
        }
        if (dev != null) {
            sb.append(".dev").append(dev);
        }
        if (local != null) {
            sb.append('+').append(String.join(".", local));
        }
        return sb.toString();
    }

    /** Whitespace as Python's {@code str.isspace} (and so {@code re}'s {@code \s}) sees it. */
    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A left-to-right reader of packaging's version grammar. Each optional part is taken greedily
     * and never given back, which is how packaging's pattern (possessive since 26.0) behaves.
     */
    private static final class Parser {
        private static final String[] PRE_LABELS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
        private static final String[] POST_LABELS = {"post", "rev", "r"};

        private final String text;
        private final int end;
        private int pos;

        Parser(String text, int begin, int end) {
            int b = begin;
            int e = end;
            while (b < e && isPythonSpace(text.charAt(b))) {
                b++;
            }
            while (e > b && isPythonSpace(text.charAt(e - 1))) {
                e--;
            }
            this.text = text;
            this.pos = b;
            this.end = e;
        }

        Pep440Version version() {
            if (pos == end) {
                throw error("expected a version");
            }
            if (peek() == 'v' || peek() == 'V') {
                pos++;
            }
            BigInteger epoch = BigInteger.ZERO;
            BigInteger first = number();
            if (peek() == '!') {
                pos++;
                epoch = first;
                first = number();
            }
            List<BigInteger> release = new ArrayList<>();
            release.add(first);
            while (peek() == '.' && isAsciiDigit(peekAt(pos + 1))) {
                pos++;
                release.add(number());
            }
            Pre pre = preRelease();
            BigInteger post = postRelease();
            BigInteger dev = devRelease();
            List<String> local = localLabel();
            if (pos != end) {
                throw error("unexpected '" + text.charAt(pos) + "'");
            }
            return new Pep440Version(epoch, release, pre, post, dev, local, false);
        }

        private Pre preRelease() {
            int at = skipSeparator(pos);
            String label = label(at, PRE_LABELS);
            if (label == null) {
                return null;
            }
            pos = skipSeparator(at + label.length());
            String normal = switch (label) {
                case "alpha" -> "a";
                case "beta" -> "b";
                case "c", "pre", "preview" -> "rc";
                default -> label;
            };
            return new Pre(normal, optionalNumber());
        }

        private BigInteger postRelease() {
            if (peek() == '-' && isAsciiDigit(peekAt(pos + 1))) {
                pos++;
                return number();
            }
            int at = skipSeparator(pos);
            String label = label(at, POST_LABELS);
            if (label == null) {
                return null;
            }
            pos = skipSeparator(at + label.length());
            return optionalNumber();
        }

        private BigInteger devRelease() {
            int at = skipSeparator(pos);
            if (label(at, new String[] {"dev"}) == null) {
                return null;
            }
            pos = skipSeparator(at + 3);
            return optionalNumber();
        }

        private List<String> localLabel() {
            if (peek() != '+') {
                return null;
            }
            pos++;
            List<String> segments = new ArrayList<>();
            segments.add(localSegment());
            while (isSeparator(peek()) && isAlnum(peekAt(pos + 1))) {
                pos++;
                segments.add(localSegment());
            }
            return segments;
        }

        private String localSegment() {
            int start = pos;
            while (isAlnum(peek())) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a local version label");
            }
            String s = text.substring(start, pos).toLowerCase(Locale.ROOT);
            return isNumber(s) ? new BigInteger(s).toString() : s;
        }

        private String label(int at, String[] choices) {
            for (String c : choices) {
                if (at + c.length() <= end && text.regionMatches(true, at, c, 0, c.length())
                        && isAsciiLetters(at, c.length())) {
                    return c;
                }
            }
            return null;
        }

        /** regionMatches ignores case beyond ASCII (ſ matches s); packaging's pattern does not. */
        private boolean isAsciiLetters(int at, int length) {
            for (int i = at; i < at + length; i++) {
                if (text.charAt(i) > 0x7f) {
                    return false;
                }
            }
            return true;
        }

        private BigInteger optionalNumber() {
            return isAsciiDigit(peek()) ? number() : BigInteger.ZERO;
        }

        private BigInteger number() {
            int start = pos;
            while (isAsciiDigit(peek())) {
                pos++;
            }
            if (start == pos) {
                throw error(pos == end ? "expected a number at the end" : "expected a number");
            }
            return new BigInteger(text.substring(start, pos));
        }

        private int skipSeparator(int at) {
            return isSeparator(peekAt(at)) ? at + 1 : at;
        }

        private static boolean isSeparator(char c) {
            return c == '.' || c == '_' || c == '-';
        }

        private static boolean isAlnum(char c) {
            return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private char peek() {
            return peekAt(pos);
        }

        private char peekAt(int i) {
            return i < end ? text.charAt(i) : '\0';
        }

        private InvalidSpecException error(String what) {
            return new InvalidSpecException("invalid PEP 440 version '" + text + "': " + what + " at offset " + pos,
                    pos);
        }
    }
}
