package dev.pinver.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One npm (node-semver) version: major, minor and patch numbers up to 2^53-1, the dot-separated
 * pre-release identifiers and the build metadata. Ordering follows SemVer 2.0 as node-semver
 * implements it: numbers compare numerically, a version with a pre-release sorts before the same
 * version without one, numeric identifiers sort before alphanumeric ones (which compare as
 * strings), a longer identifier list wins when one is a prefix of the other, and build metadata
 * is ignored ({@link #equals} agrees: {@code 1.2.3+a} equals {@code 1.2.3+b}).
 *
 * <p>{@link #toString()} is node-semver's normalised form: {@code M.m.p[-pre]}, build dropped.
 */
public final class NpmVersion implements Comparable<NpmVersion> {

    private final long major;
    private final long minor;
    private final long patch;
    private final List<String> prerelease;
    private final List<String> build;

    private NpmVersion(long major, long minor, long patch, List<String> prerelease, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.build = List.copyOf(build);
    }

    /** Parses a strict SemVer 2.0 version (a leading {@code v} and surrounding space allowed, as in node-semver). */
    public static NpmVersion parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses a version; {@code loose} also accepts what node-semver's loose mode accepts (and npm
     * uses for package.json): any run of {@code v}, {@code =} and spaces in front, leading zeros
     * ({@code 01.02.03}) and a pre-release without its hyphen ({@code 1.2.3beta}).
     */
    public static NpmVersion parse(String text, boolean loose) {
        if (text.length() > NpmGrammar.MAX_VERSION_LENGTH) {
            throw new InvalidSpecException("npm version longer than " + NpmGrammar.MAX_VERSION_LENGTH
                    + " characters", NpmGrammar.MAX_VERSION_LENGTH);
        }
        NpmVersion plain = plainForm(text);
        if (plain != null) {
            return plain;
        }
        String trimmed = NpmGrammar.trim(text);
        int lead = text.indexOf(trimmed);
        Matcher m = (loose ? NpmGrammar.LOOSE : NpmGrammar.FULL).matcher(trimmed);
        if (!m.matches()) {
            int at = lead + firstBadChar(m, trimmed.length());
            throw new InvalidSpecException("invalid npm version '" + text + "' at offset " + at, at);
        }
        long[] parts = new long[3];
        for (int i = 0; i < 3; i++) {
            String digits = m.group(i + 1);
            if (!NpmGrammar.isSafe(digits)) {
                throw new InvalidSpecException("npm version part " + digits + " is larger than "
                        + NpmGrammar.MAX_SAFE_INTEGER, lead + m.start(i + 1));
            }
            parts[i] = Long.parseLong(NpmGrammar.stripZeros(digits));
        }
        List<String> pre = new ArrayList<>();
        if (m.group(4) != null) {
            for (String id : m.group(4).split("\\.")) {
                pre.add(normaliseIdentifier(id));
            }
        }
        List<String> build = m.group(5) == null ? List.of() : Arrays.asList(m.group(5).split("\\."));
        return new NpmVersion(parts[0], parts[1], parts[2], pre, build);
    }

    /**
     * {@code text} as a version when it is a strict SemVer version written plainly: {@code M.m.p} with
     * numbers of at most 15 digits (so below 2^53-1) and no leading zeros, then an optional pre-release and
     * build, with nothing around it. That is what registries list, and the grammar's regex, in strict and
     * loose mode alike, reads such text the same way; this reads it without the regex. Null for anything
     * else, which the regex then judges.
     */
    private static NpmVersion plainForm(String text) {
        int length = text.length();
        long[] parts = new long[3];
        int at = 0;
        for (int part = 0; part < 3; part++) {
            int from = at;
            while (at < length && isDigit(text.charAt(at))) {
                parts[part] = parts[part] * 10 + (text.charAt(at++) - '0');
            }
            int digits = at - from;
            if (digits == 0 || digits > 15 || (digits > 1 && text.charAt(from) == '0')) {
                return null;
            }
            if (part < 2 && (at == length || text.charAt(at++) != '.')) {
                return null;
            }
        }
        List<String> pre = List.of();
        if (at < length && text.charAt(at) == '-') {
            int end = text.indexOf('+', at);
            pre = identifiers(text, at + 1, end < 0 ? length : end, true);
            at = end < 0 ? length : end;
        }
        List<String> build = List.of();
        if (at < length && text.charAt(at) == '+') {
            build = identifiers(text, at + 1, length, false);
            at = length;
        }
        return pre == null || build == null || at != length ? null
                : new NpmVersion(parts[0], parts[1], parts[2], pre, build);
    }

    /**
     * The dot-separated identifiers of {@code text[from, to)}, each non-empty and of letters, digits and
     * hyphens; in a pre-release, a numeric one without leading zeros, and normalised. Null otherwise.
     */
    private static List<String> identifiers(String text, int from, int to, boolean prerelease) {
        List<String> ids = new ArrayList<>();
        int start = from;
        for (int at = from; at <= to; at++) {
            char c = at == to ? '.' : text.charAt(at);
            if (c == '.') {
                String id = text.substring(start, at);
                if (id.isEmpty() || (prerelease && id.length() > 1 && id.charAt(0) == '0' && NpmGrammar.isNumeric(id))) {
                    return null;
                }
                ids.add(prerelease ? normaliseIdentifier(id) : id);
                start = at + 1;
            } else if (!isDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                return null;
            }
        }
        return ids;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * node-semver keeps numeric identifiers below 2^53-1 as numbers, so {@code 007} prints as
     * {@code 7}; larger ones stay as written.
     */
    private static String normaliseIdentifier(String id) {
        if (NpmGrammar.isNumeric(id)
                && NpmGrammar.compareNumeric(id, Long.toString(NpmGrammar.MAX_SAFE_INTEGER)) < 0) {
            return NpmGrammar.stripZeros(id);
        }
        return id;
    }

    /** The length of the longest prefix that some valid version starts with: where the text goes wrong. */
    private static int firstBadChar(Matcher m, int length) {
        for (int end = 1; end <= length; end++) {
            m.region(0, end);
            if (!m.matches() && !m.hitEnd()) {
                return end - 1;
            }
        }
        return length;
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    /** The pre-release identifiers, numeric ones normalised as node-semver does; empty for a release. */
    public List<String> prerelease() {
        return prerelease;
    }

    /** The build metadata identifiers; never part of ordering or equality. */
    public List<String> build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /**
     * {@code [major, minor, patch]}. Throws {@link InvalidSpecException} when a number does not fit
     * an {@code int} (npm allows up to 2^53-1; release lists in pinver are {@code int}s).
     */
    public List<Integer> release() {
        long[] parts = {major, minor, patch};
        List<Integer> out = new ArrayList<>(3);
        for (long p : parts) {
            if (p > Integer.MAX_VALUE) {
                throw new InvalidSpecException("npm version " + this + " has a release number too large: " + p, 0);
            }
            out.add((int) p);
        }
        return List.copyOf(out);
    }

    /** True when major, minor and patch are those of {@code other}, whatever the pre-releases. */
    public boolean sameRelease(NpmVersion other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    @Override
    public int compareTo(NpmVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifiers(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean an = NpmGrammar.isNumeric(a);
        boolean bn = NpmGrammar.isNumeric(b);
        if (an && bn) {
            return NpmGrammar.compareNumeric(a, b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpmVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(major) * 961 + Long.hashCode(minor) * 31 + Long.hashCode(patch);
        for (String id : prerelease) {
            h = h * 31 + (NpmGrammar.isNumeric(id) ? NpmGrammar.stripZeros(id) : id).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        String release = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? release : release + "-" + String.join(".", prerelease);
    }
}
