package dev.pinver.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clause of a PEP 440 specifier set, such as {@code >=1.2}, {@code ==1.4.*} or
 * {@code ===foo}: the operator, the version as written (surrounding whitespace removed) and what
 * it admits. Equality follows packaging: {@code ==1.2} equals {@code ==1.2.0}, {@code ~=1.2} does
 * not equal {@code ~=1.2.0}.
 */
public final class Pep440Specifier {

    /** The comparison operators of PEP 440. */
    public enum Operator {
        ARBITRARY("==="),
        COMPATIBLE("~="),
        EQUAL("=="),
        NOT_EQUAL("!="),
        LESS_EQUAL("<="),
        GREATER_EQUAL(">="),
        LESS("<"),
        GREATER(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The version part of {@code ==1.2.*}: epoch and release only. */
    private static final Pattern WILDCARD_BASE = Pattern.compile("[vV]?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*");
    private static final Pattern NUMBER_THEN_PRE = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");
    private static final Pattern SUFFIX = Pattern.compile("dev|a|b|rc|post");

    private final Operator operator;
    private final String version;
    /** The parsed version; the prefix for a wildcard; null for {@code ===} with a string that is no version. */
    private final Pep440Version parsed;
    private final boolean wildcard;
    private final VersionSet<Pep440Version> versions;
    /** For ~=: the prefix packaging matches against, split as {@link #splitForPrefix} does. */
    private final List<String> compatiblePrefix;

    private Pep440Specifier(Operator operator, String version, Pep440Version parsed, boolean wildcard) {
        this.operator = operator;
        this.version = version;
        this.parsed = parsed;
        this.wildcard = wildcard;
        this.versions = translate();
        this.compatiblePrefix = operator == Operator.COMPATIBLE ? compatiblePrefix() : null;
    }

    /** Parses one clause; a comma-separated set is {@link Pep440SpecifierSet#parse}. */
    public static Pep440Specifier parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[begin, end)}; offsets in errors are indices into {@code text}. */
    static Pep440Specifier parse(String text, int begin, int end) {
        int b = begin;
        int e = end;
        while (b < e && Pep440Version.isPythonSpace(text.charAt(b))) {
            b++;
        }
        while (e > b && Pep440Version.isPythonSpace(text.charAt(e - 1))) {
            e--;
        }
        Operator op = operatorAt(text, b, e);
        int v = b + op.symbol().length();
        while (v < e && Pep440Version.isPythonSpace(text.charAt(v))) {
            v++;
        }
        String written = text.substring(v, e);
        if (op == Operator.ARBITRARY) {
            for (int i = v; i < e; i++) {
                char c = text.charAt(i);
                if (c == ';' || c == ')' || Pep440Version.isPythonSpace(c)) {
                    throw error(text, "'" + c + "' in an arbitrary (===) version", i);
                }
            }
            return new Pep440Specifier(op, written, parseOrNull(written), false);
        }
        if (v == e) {
            throw error(text, "expected a version after " + op.symbol(), v);
        }
        if (written.endsWith(".*")) {
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                throw error(text, "a wildcard (.*) needs == or !=", e - 2);
            }
            Matcher base = WILDCARD_BASE.matcher(written.substring(0, written.length() - 2));
            if (!base.matches()) {
                throw error(text, "a wildcard (.*) may follow only epoch and release numbers",
                        v + (base.lookingAt() ? base.end() : 0));
            }
            return new Pep440Specifier(op, written, Pep440Version.parse(text, v, e - 2), true);
        }
        Pep440Version parsed = Pep440Version.parse(text, v, e);
        if (parsed.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            throw error(text, "a local version (+...) needs == or !=", text.indexOf('+', v));
        }
        if (op == Operator.COMPATIBLE && parsed.release().size() < 2) {
            throw error(text, "~= needs at least two release numbers", v);
        }
        return new Pep440Specifier(op, written, parsed, false);
    }

    private static Operator operatorAt(String text, int b, int e) {
        Operator found = null;
        for (Operator op : Operator.values()) {
            if (text.startsWith(op.symbol(), b) && b + op.symbol().length() <= e
                    && (found == null || op.symbol().length() > found.symbol().length())) {
                found = op;
            }
        }
        if (found == null) {
            throw error(text, b == e ? "expected a specifier" : "expected one of ~= == != <= >= < > ===", b);
        }
        return found;
    }

    private static Pep440Version parseOrNull(String text) {
        try {
            return Pep440Version.parse(text);
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    private static InvalidSpecException error(String text, String what, int offset) {
        return new InvalidSpecException("invalid PEP 440 specifier '" + text + "': " + what + " at offset " + offset,
                offset);
    }

    public Operator operator() {
        return operator;
    }

    /** The version as written, without surrounding whitespace: {@code 1.2.*}, {@code 1.0RC1}. */
    public String version() {
        return version;
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether this clause alone admits pre-releases by default (packaging's {@code prereleases}
     * without an override): yes when it names a pre-release, never for {@code !=} or a wildcard,
     * unknown (null) for {@code ===} with a string that is no version.
     */
    Boolean impliesPrereleases() {
        if (operator == Operator.NOT_EQUAL || wildcard) {
            return false;
        }
        return parsed == null ? null : parsed.isPrerelease();
    }

    /**
     * The versions this clause admits under PEP 440, as intervals, pre-releases included. Two
     * places where packaging's matching (and so {@link Pep440SpecifierSet#contains}) says otherwise:
     * {@code ===V} compares strings, which intervals cannot say, so it maps to the versions equal to
     * V (none when V is no version); and {@code ~=V} with V written unnormalised ({@code ~=V1.0},
     * {@code ~=1.0.RC1}) takes its prefix from the text as written, while this uses V's release.
     */
    public VersionSet<Pep440Version> versions() {
        return versions;
    }

    private VersionSet<Pep440Version> translate() {
        if (operator == Operator.ARBITRARY) {
            return parsed == null ? VersionSet.none() : VersionSet.of(Interval.exactly(parsed));
        }
        if (wildcard) {
            VersionSet<Pep440Version> prefix = VersionSet.of(
                    Interval.halfOpen(parsed.baseDev0(), parsed.nextPrefixDev0(parsed.release().size())));
            return operator == Operator.EQUAL ? prefix : prefix.complement();
        }
        return admitted(operator, parsed);
    }

    /**
     * What {@code <op>V} admits for a version V (no wildcard, not {@code ===}), following the
     * exclusive-ordered rules: {@code <V} stops before V's pre-releases, {@code >V} skips V's
     * post-releases and local versions, {@code <=V} and {@code ==V} take V's local versions.
     */
    static VersionSet<Pep440Version> admitted(Operator operator, Pep440Version parsed) {
        return switch (operator) {
            case GREATER_EQUAL -> VersionSet.of(Interval.atLeast(parsed));
            case LESS_EQUAL -> VersionSet.of(Interval.lessThan(parsed.afterLocals()));
            case GREATER -> VersionSet.of(parsed.above());
            case LESS -> VersionSet.of(Interval.lessThan(parsed.isPrerelease() ? parsed : parsed.withDev0()));
            case COMPATIBLE -> VersionSet.of(
                    Interval.halfOpen(parsed, parsed.nextPrefixDev0(parsed.release().size() - 1)));
            case EQUAL -> equalSet(parsed);
            case NOT_EQUAL -> equalSet(parsed).complement();
            case ARBITRARY -> throw new IllegalArgumentException("=== compares strings");
        };
    }

    /** {@code ==V}: V and, when V has no local label, all of V's local versions. */
    private static VersionSet<Pep440Version> equalSet(Pep440Version parsed) {
        return VersionSet.of(parsed.hasLocal() ? Interval.exactly(parsed)
                : Interval.halfOpen(parsed, parsed.afterLocals()));
    }

    /**
     * Whether a candidate satisfies this clause, ignoring pre-release policy: {@code ===} compares
     * {@code text} case-insensitively, every other operator needs a parsed version.
     */
    boolean matches(String text, Pep440Version v) {
        if (operator == Operator.ARBITRARY) {
            return text.toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
        }
        if (v == null) {
            return false;
        }
        if (operator == Operator.COMPATIBLE) {
            return v.publicVersion().compareTo(parsed) >= 0 && prefixMatches(compatiblePrefix, v);
        }
        return versions.contains(v);
    }

    /**
     * The prefix packaging gives {@code ~=V}: it splits V <em>as written</em> at dots (and between
     * a number and a following a/b/c/rc tag), keeps the parts before the first one starting with
     * dev, a, b, rc or post, and drops the last. For a normalised V this is V's release without
     * its last number; for text such as {@code V1.0} or {@code 1.0.RC1} it is not, and pip
     * follows packaging.
     */
    private List<String> compatiblePrefix() {
        List<String> parts = new ArrayList<>();
        for (String part : splitForPrefix(version)) {
            if (SUFFIX.matcher(part).lookingAt()) {
                break;
            }
            parts.add(part);
        }
        List<String> prefix = parts.subList(0, parts.size() - 1);
        String joined = prefix.get(0) + "!" + String.join(".", prefix.subList(1, prefix.size()));
        Pep440Version canonical = parseOrNull(joined);
        return splitForPrefix(canonical != null ? canonical.toString() : joined);
    }

    /** packaging's prefix match of a wildcard: {@code v}'s public version, zero-padded, starts with the prefix. */
    private static boolean prefixMatches(List<String> prefix, Pep440Version v) {
        List<String> candidate = new ArrayList<>(splitForPrefix(v.publicVersion().toString()));
        int wanted = numericLength(prefix);
        int have = numericLength(candidate);
        for (int i = have; i < wanted; i++) {
            candidate.add(have, "0");
        }
        return candidate.size() >= prefix.size() && candidate.subList(0, prefix.size()).equals(prefix);
    }

    /** Epoch first (0 when absent), then the dot-separated parts, {@code 0rc1} split into {@code 0} and {@code rc1}. */
    private static List<String> splitForPrefix(String text) {
        int bang = text.lastIndexOf('!');
        List<String> out = new ArrayList<>();
        out.add(bang <= 0 ? "0" : text.substring(0, bang));
        for (String item : text.substring(bang + 1).split("\\.", -1)) {
            Matcher m = NUMBER_THEN_PRE.matcher(item);
            if (m.matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static int numericLength(List<String> parts) {
        int n = 0;
        while (n < parts.size() && !parts.get(n).isEmpty() && parts.get(n).chars().allMatch(Character::isDigit)) {
            n++;
        }
        return n;
    }

    /** packaging's canonical form for equality: the normalised version, trailing zeros dropped except for ~=. */
    private String canonical() {
        if (operator == Operator.ARBITRARY || wildcard) {
            return operator.symbol() + version;
        }
        return operator.symbol() + (operator == Operator.COMPATIBLE ? parsed : parsed.withoutTrailingZeros());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Specifier s && s.canonical().equals(canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** The operator and the version as written: {@code >=1.0RC1}. */
    @Override
    public String toString() {
        return operator.symbol() + version;
    }
}
