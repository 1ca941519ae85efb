package dev.pinver.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.pinver.version.Pep440Specifier.Operator;

/**
 * Poetry's version constraints as poetry-core reads them, over PEP 440 versions: {@code ^0.45}
 * (up to the next breaking release), {@code ~1.2} (next minor; {@code ~1}: next major),
 * {@code ~=}, {@code *}, a bare version or {@code =}/{@code ==} (exact), {@code 1.2.*},
 * {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}; clauses joined by {@code ,} or
 * whitespace mean AND, {@code ||} (or {@code |}) means OR. Upper edges follow PEP 440: {@code <2.0}
 * and {@code ^1.2} stop before 2.0's pre-releases. A quirk kept from poetry-core: {@code <>1.2}
 * means {@code ==1.2}.
 */
public final class PoetryScheme implements VersionScheme<Pep440Version> {

    private static final Pattern ANY = Pattern.compile("[vV]?[xX*](?:\\.[xX*])*");
    /** A release of one to three numbers followed by one or more {@code .*}. */
    private static final Pattern SHORT_WILDCARD = Pattern.compile("[vV]?[0-9]+(?:\\.[0-9]+){0,2}(?:\\.\\*)+");
    private static final String[] OPERATORS = {"<>", "!=", ">=", "<=", "==", ">", "<", "="};

    @Override
    public String name() {
        return "Poetry";
    }

    @Override
    public Pep440Version parseVersion(String text) {
        return Pep440Version.parse(text);
    }

    @Override
    public VersionSet<Pep440Version> parseSpec(String spec) {
        int begin = skipSpace(spec, 0, spec.length());
        int end = trimEnd(spec, begin, spec.length());
        if (begin == end) {
            return VersionSet.all();
        }
        VersionSet<Pep440Version> result = VersionSet.none();
        int start = begin;
        while (true) {
            int bar = spec.indexOf('|', start);
            int groupEnd = bar < 0 || bar >= end ? end : bar;
            result = result.union(group(spec, start, groupEnd));
            if (groupEnd == end) {
                return result;
            }
            start = groupEnd + 1;
            if (start < end && spec.charAt(start) == '|') {
                start++;
            }
        }
    }

    /** One OR-group: trailing commas dropped, then clauses split on commas and whitespace, intersected. */
    private static VersionSet<Pep440Version> group(String spec, int begin, int end) {
        int b = skipSpace(spec, begin, end);
        int e = trimEnd(spec, b, end);
        while (e > b && spec.charAt(e - 1) == ',') {
            e--;
        }
        e = trimEnd(spec, b, e);
        if (b == e) {
            throw error(spec, "expected a constraint", b);
        }
        VersionSet<Pep440Version> set = VersionSet.all();
        int tokenStart = b;
        int i = b;
        while (i < e) {
            if (!isSeparator(spec.charAt(i))) {
                i++;
                continue;
            }
            if (i == b) {
                throw error(spec, "expected a constraint before ','", b); // Poetry never splits at the start either
            }
            int runEnd = i;
            int commas = 0;
            while (runEnd < e && isSeparator(spec.charAt(runEnd))) {
                commas += spec.charAt(runEnd) == ',' ? 1 : 0;
                runEnd++;
            }
            if (splits(spec, i, runEnd, e, commas)) {
                set = set.intersect(single(spec, tokenStart, i));
                tokenStart = runEnd;
            }
            i = runEnd;
        }
        return set.intersect(single(spec, tokenStart, e));
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ';
    }

    /**
     * Whether the run of spaces and commas {@code [from, to)} separates two clauses: not when it
     * follows an operator ({@code >= 1.2}), touches a hyphen, ends the group, or holds two commas.
     */
    private static boolean splits(String spec, int from, int to, int end, int commas) {
        char before = spec.charAt(from - 1);
        return "^~=<>-".indexOf(before) < 0 && to < end && spec.charAt(to) != '-' && commas <= 1;
    }

    /** One clause such as {@code ^1.2}, {@code >=1.0}, {@code 1.2.*} or {@code *}. */
    private static VersionSet<Pep440Version> single(String spec, int begin, int end) {
        String text = spec.substring(begin, end);
        if (ANY.matcher(text).matches()) {
            return VersionSet.all();
        }
        if (text.startsWith("~=")) {
            Pep440Version v = version(spec, begin + 2, end);
            List<BigInteger> r = new ArrayList<>(v.release());
            if (r.size() < 2) {
                return upTo(v, List.of(r.get(0).add(BigInteger.ONE)));
            }
            r.set(r.size() - 2, r.get(r.size() - 2).add(BigInteger.ONE));
            r.set(r.size() - 1, BigInteger.ZERO);
            return upTo(v, r);
        }
        if (text.startsWith("~")) {
            Pep440Version v = version(spec, begin + 1, end);
            return upTo(v, tildeNext(v.release()));
        }
        if (text.startsWith("^")) {
            Pep440Version v = version(spec, begin + 1, end);
            return upTo(v, caretNext(v.release()));
        }
        return comparison(spec, begin, end);
    }

    /** {@code [v, lowestOf(next))}, next taking v's epoch. */
    private static VersionSet<Pep440Version> upTo(Pep440Version v, List<BigInteger> next) {
        return VersionSet.of(Interval.halfOpen(v, Pep440Version.finalRelease(v.epoch(), next).withDev0()));
    }

    /** poetry-core's next breaking release: the first non-zero of major, minor, patch goes up (as far as written). */
    static List<BigInteger> caretNext(List<BigInteger> r) {
        if (r.get(0).signum() > 0 || r.size() == 1) {
            return List.of(r.get(0).add(BigInteger.ONE));
        }
        if (r.get(1).signum() > 0 || r.size() == 2) {
            return List.of(BigInteger.ZERO, r.get(1).add(BigInteger.ONE));
        }
        return List.of(BigInteger.ZERO, BigInteger.ZERO, r.get(2).add(BigInteger.ONE));
    }

    /** {@code ~1} → 2, {@code ~1.2} and {@code ~1.2.3} → 1.3. */
    static List<BigInteger> tildeNext(List<BigInteger> r) {
        if (r.size() == 1) {
            return List.of(r.get(0).add(BigInteger.ONE));
        }
        return List.of(r.get(0), r.get(1).add(BigInteger.ONE));
    }

    /** An optional operator, then a version, {@code dev}, or a version followed by {@code .*}. */
    private static VersionSet<Pep440Version> comparison(String spec, int begin, int end) {
        String op = "";
        for (String o : OPERATORS) {
            if (spec.startsWith(o, begin)) {
                op = o;
                break;
            }
        }
        int v = skipSpace(spec, begin + op.length(), end);
        boolean wildcard = spec.startsWith(".*", end - 2) && end - 2 >= v;
        boolean ordered = op.startsWith("<") && !op.equals("<>") || op.startsWith(">");
        if (wildcard && !ordered) {
            boolean shortForm = (op.isEmpty() || op.equals("==") || op.equals("!="))
                    && SHORT_WILDCARD.matcher(spec.substring(v, end)).matches();
            int versionEnd = end - 2;
            while (shortForm && spec.startsWith(".*", versionEnd - 2)) {
                versionEnd -= 2;
            }
            VersionSet<Pep440Version> prefix = prefixRange(version(spec, v, versionEnd));
            return op.equals("!=") ? prefix.complement() : prefix;
        }
        Pep440Version version = spec.substring(v, wildcard ? end - 2 : end).equals("dev")
                ? Pep440Version.parse("0.0.dev0")
                : version(spec, v, wildcard ? end - 2 : end);
        if (version.hasLocal() && ordered) {
            return VersionSet.of(switch (op) {
                case "<" -> Interval.lessThan(version);
                case "<=" -> Interval.atMost(version);
                case ">" -> Interval.greaterThan(version);
                default -> Interval.atLeast(version);
            });
        }
        return Pep440Specifier.admitted(switch (op) {
            case "<" -> Operator.LESS;
            case "<=" -> Operator.LESS_EQUAL;
            case ">" -> Operator.GREATER;
            case ">=" -> Operator.GREATER_EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            default -> Operator.EQUAL;
        }, version);
    }

    /**
     * poetry-core's {@code V.*}: from V's first development release up to the next release at V's
     * own level (1.2 → 1.3, 1.2rc1 → 1.2rc2, 1.2.post1 → 1.2.post2, 1.2.dev3 → 1.2.dev4).
     */
    private static VersionSet<Pep440Version> prefixRange(Pep440Version v) {
        Pep440Version next;
        if (v.isPostRelease() || (v.isDevRelease() && v.pre().isEmpty())) {
            next = v.afterLocals();
        } else if (v.pre().isPresent()) {
            next = v.nextPreDev0();
        } else {
            next = v.nextPrefixDev0(v.release().size());
        }
        return VersionSet.of(Interval.halfOpen(v.withDev0(), next));
    }

    private static Pep440Version version(String spec, int begin, int end) {
        int b = skipSpace(spec, begin, end);
        if (b == end) {
            throw error(spec, "expected a version", b);
        }
        try {
            return Pep440Version.parse(spec, b, end);
        } catch (InvalidSpecException e) {
            throw error(spec, "not a version: '" + spec.substring(b, end) + "'", e.offset());
        }
    }

    private static int skipSpace(String s, int from, int end) {
        int i = from;
        while (i < end && Pep440Version.isPythonSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int begin, int end) {
        int e = end;
        while (e > begin && Pep440Version.isPythonSpace(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static InvalidSpecException error(String spec, String what, int offset) {
        return new InvalidSpecException("invalid Poetry constraint '" + spec + "': " + what + " at offset " + offset,
                offset);
    }

    @Override
    public List<Integer> release(Pep440Version version) {
        return Pep440Scheme.toInts(version);
    }

    @Override
    public boolean isPrerelease(Pep440Version version) {
        return version.isPrerelease();
    }

    @Override
    public Pep440Version finalRelease(List<Integer> release) {
        return Pep440Version.finalRelease(release);
    }

    @Override
    public Pep440Version lowestOf(List<Integer> release) {
        return Pep440Version.lowestOf(release);
    }

    /** Poetry writes "any version" as {@code *}; an empty string is not a constraint there. */
    @Override
    public String anyVersion() {
        return "*";
    }

    /**
     * CARET {@code ^0.45.0} and TILDE {@code ~0.45.0} when they admit exactly the window (trailing
     * zeros of {@code from} may be dropped: 1.0.0 → 2.0.0 is {@code ~1}); COMPATIBLE as in PEP 440;
     * RANGE {@code >=0.45.0,<0.46.0}; EXACT the bare version {@code 0.45.0}.
     */
    @Override
    public Optional<String> formatWindow(Pep440Version from, Pep440Version to, SpecStyle style) {
        if (from.hasLocal() && style != SpecStyle.EXACT) {
            return Optional.empty();
        }
        return switch (style) {
            case RANGE -> Pep440Scheme.range(from, to, ",");
            case COMPATIBLE -> Pep440Scheme.compatible(from, to);
            case EXACT -> Optional.of(from.toString());
            case CARET -> shortest(from, to, "^");
            case TILDE -> shortest(from, to, "~");
        };
    }

    /** {@code ^V} or {@code ~V} with V = {@code from} as written, else with trailing zeros dropped, that ends at {@code to}. */
    private static Optional<String> shortest(Pep440Version from, Pep440Version to, String operator) {
        if (to == null || !Pep440Scheme.isPlainFinal(to)) {
            return Optional.empty();
        }
        for (int length = from.release().size(); length >= Math.max(1, from.significantLength()); length--) {
            Pep440Version written = from.withReleaseLength(length);
            List<BigInteger> next = operator.equals("^") ? caretNext(written.release()) : tildeNext(written.release());
            if (Pep440Version.finalRelease(from.epoch(), next).equals(to)) {
                return Optional.of(operator + written);
            }
        }
        return Optional.empty();
    }
}
