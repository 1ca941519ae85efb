package dev.pinver.version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one npm range into comparator sets with node-semver's exact semantics. node-semver has no
 * grammar beyond its implementation, which works by successive rewrites of the text, and several
 * observable quirks follow from that order ({@code 1.2.3 ||} admits everything, {@code ^00.1.0}
 * is treated as a major-version caret in loose mode, loose mode drops comparators it cannot read).
 * So this parser goes through the same stages, each on the whole comparator set:
 * <ol>
 * <li>cut out build metadata;</li>
 * <li>desugar a hyphen range {@code A - B};</li>
 * <li>close the gap after operators, {@code ~}, {@code ~>} and {@code ^};</li>
 * <li>split on spaces and desugar each word: carets, then tildes, then x-ranges, then stars;</li>
 * <li>read the results as comparators, drop {@code >=0.0.0}, and simplify the set.</li>
 * </ol>
 * One instance parses one spec; {@link NpmText} keeps original offsets for error messages.
 */
final class NpmRangeParser {

    /**
     * Longer specs are refused. node-semver has no limit, but nobody writes a range this long, and
     * Java's regular expressions need stack in proportion to the input (with the default 1 MiB
     * thread stack, this length is safe).
     */
    static final int MAX_RANGE_LENGTH = 1024;

    private static final String NULL_SET = "<0.0.0-0";

    private final String spec;
    private final boolean loose;
    private final boolean includePrerelease;
    /** In loose mode, where the first comparator that was silently dropped started. */
    private int firstDropped = -1;

    NpmRangeParser(String spec, boolean loose, boolean includePrerelease) {
        this.spec = spec;
        this.loose = loose;
        this.includePrerelease = includePrerelease;
    }

    NpmRange parse() {
        if (spec.length() > MAX_RANGE_LENGTH) {
            throw new InvalidSpecException("npm range longer than " + MAX_RANGE_LENGTH + " characters",
                    MAX_RANGE_LENGTH);
        }
        try {
            return parseSets();
        } catch (StackOverflowError e) {
            // Only possible on a thread with a much smaller stack than the JVM's default.
            throw new InvalidSpecException("npm range '" + spec + "' is too long for this thread's stack", 0);
        }
    }

    private NpmRange parseSets() {
        List<List<NpmComparator>> sets = new ArrayList<>();
        for (NpmText part : NpmText.of(spec).trim().collapseWhitespace().splitBars()) {
            List<NpmComparator> set = parseSet(part.trim());
            if (!set.isEmpty()) {
                sets.add(set);
            }
        }
        if (sets.isEmpty()) {
            int at = Math.max(firstDropped, 0);
            throw new InvalidSpecException("invalid npm range '" + spec + "' at offset " + at, at);
        }
        return new NpmRange(simplify(sets), includePrerelease);
    }

    /** Null sets go when something else is left; a set that admits everything absorbs the rest. */
    private static List<List<NpmComparator>> simplify(List<List<NpmComparator>> sets) {
        if (sets.size() == 1) {
            return sets;
        }
        List<List<NpmComparator>> kept = sets.stream().filter(s -> !isNullSet(s.get(0))).toList();
        if (kept.isEmpty()) {
            return List.of(sets.get(0));
        }
        for (List<NpmComparator> s : kept) {
            if (s.size() == 1 && s.get(0).isAny()) {
                return List.of(s);
            }
        }
        return kept;
    }

    private static boolean isNullSet(NpmComparator c) {
        return c.toString().equals(NULL_SET);
    }

    private List<NpmComparator> parseSet(NpmText set) {
        NpmText text = set.replaceAll(NpmGrammar.BUILD_ANYWHERE, m -> set.group(m, 0).subSequence(0, 0));
        Matcher hyphen = NpmGrammar.hyphen(loose).matcher(text);
        if (hyphen.matches()) {
            text = desugarHyphen(text, hyphen);
        }
        NpmText closed = closeGaps(text);
        List<NpmText> words = new ArrayList<>();
        for (NpmText word : closed.splitSpaces()) {
            words.add(NpmText.literal(desugarWord(word.toString()), word.origin()));
        }
        List<NpmComparator> comparators = new ArrayList<>();
        for (NpmText piece : NpmText.joinWithSpaces(words).splitWhitespace()) {
            NpmText trimmed = piece.trim();
            Pattern anyVersion = includePrerelease ? NpmGrammar.GTE0_PRE : NpmGrammar.GTE0;
            String comparator = anyVersion.matcher(trimmed).matches() ? "" : trimmed.toString();
            if (loose && !comparator.isEmpty() && !NpmGrammar.comparator(true).matcher(comparator).matches()) {
                if (firstDropped < 0) {
                    firstDropped = trimmed.origin();
                }
                continue;
            }
            comparators.add(toComparator(comparator, trimmed.origin()));
        }
        Map<String, NpmComparator> unique = new LinkedHashMap<>();
        for (NpmComparator c : comparators) {
            if (isNullSet(c)) {
                return List.of(c);
            }
            unique.put(c.toString(), c);
        }
        if (unique.size() > 1) {
            unique.remove("");
        }
        return List.copyOf(unique.values());
    }

    /** Removes the space in {@code > 1.2.3}, {@code ~ 1.2} and {@code ^ 1}. */
    private static NpmText closeGaps(NpmText text) {
        NpmText afterOperators = text.replaceAll(NpmGrammar.OPERATOR_GAP,
                m -> text.group(m, 1).concat(text.group(m, 2)).concat(text.group(m, 3)));
        NpmText afterTildes = afterOperators.replaceAll(NpmGrammar.TILDE_GAP,
                m -> afterOperators.group(m, 1).concat(NpmText.literal("~", afterOperators.group(m, 1).origin())));
        return afterTildes.replaceAll(NpmGrammar.CARET_GAP,
                m -> afterTildes.group(m, 1).concat(NpmText.literal("^", afterTildes.group(m, 1).origin())));
    }

    private NpmComparator toComparator(String text, int origin) {
        if (text.isEmpty()) {
            return NpmComparator.ANY;
        }
        Matcher m = NpmGrammar.comparator(loose).matcher(text);
        if (!m.matches()) {
            throw new InvalidSpecException("invalid comparator '" + text + "' in npm range '" + spec + "' at offset "
                    + origin, origin);
        }
        try {
            return new NpmComparator(NpmComparator.Operator.of(m.group(1)), NpmVersion.parse(m.group(2), loose));
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(e.getMessage() + " in npm range '" + spec + "'", origin);
        }
    }

    private NpmText desugarHyphen(NpmText text, Matcher m) {
        String z = includePrerelease ? "-0" : "";
        String fromMajor = m.group(2);
        String fromMinor = m.group(3);
        String fromPatch = m.group(4);
        String from;
        if (isX(fromMajor)) {
            from = "";
        } else if (isX(fromMinor)) {
            from = ">=" + fromMajor + ".0.0" + z;
        } else if (isX(fromPatch)) {
            from = ">=" + fromMajor + "." + fromMinor + ".0" + z;
        } else {
            from = ">=" + m.group(1) + (m.group(5) != null ? "" : z);
        }
        String toMajor = m.group(8);
        String toMinor = m.group(9);
        String toPatch = m.group(10);
        String to;
        if (isX(toMajor)) {
            to = "";
        } else if (isX(toMinor)) {
            to = "<" + NpmGrammar.increment(toMajor) + ".0.0-0";
        } else if (isX(toPatch)) {
            to = "<" + toMajor + "." + NpmGrammar.increment(toMinor) + ".0-0";
        } else if (m.group(11) != null) {
            to = "<=" + toMajor + "." + toMinor + "." + toPatch + "-" + m.group(11);
        } else if (includePrerelease) {
            to = "<" + toMajor + "." + toMinor + "." + NpmGrammar.increment(toPatch) + "-0";
        } else {
            to = "<=" + m.group(7);
        }
        return NpmText.literal(from, text.group(m, 1).origin())
                .concat(NpmText.literal(" ", text.group(m, 7).origin()))
                .concat(NpmText.literal(to, text.group(m, 7).origin()))
                .trim();
    }

    /** One space-free word of a set, desugared; the result may be several comparators or none. */
    private String desugarWord(String word) {
        String s = eachWord(word, this::desugarCaret);
        s = eachWord(s, this::desugarTilde);
        s = eachWord(s, this::desugarXRange);
        s = NpmGrammar.trim(s);
        Matcher star = NpmGrammar.STAR.matcher(s);
        return star.find() ? s.substring(0, star.start()) + s.substring(star.end()) : s;
    }

    private static String eachWord(String s, UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        for (String w : NpmGrammar.words(s)) {
            out.add(f.apply(w));
        }
        return String.join(" ", out);
    }

    private static boolean isX(String part) {
        return part == null || part.isEmpty() || part.equalsIgnoreCase("x") || part.equals("*");
    }

    /** {@code ^1.2.3} → {@code >=1.2.3 <2.0.0-0}; the first non-zero part is the one that may not grow. */
    private String desugarCaret(String word) {
        Matcher m = NpmGrammar.caret(loose).matcher(word);
        if (!m.matches()) {
            return word;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        String z = includePrerelease ? "-0" : "";
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + NpmGrammar.increment(major) + ".0.0-0";
        }
        if (isX(patch)) {
            String upper = major.equals("0")
                    ? major + "." + NpmGrammar.increment(minor) + ".0-0"
                    : NpmGrammar.increment(major) + ".0.0-0";
            return ">=" + major + "." + minor + ".0" + z + " <" + upper;
        }
        String lower = ">=" + major + "." + minor + "." + patch + (pre != null ? "-" + pre : "");
        String upper;
        if (!major.equals("0")) {
            upper = NpmGrammar.increment(major) + ".0.0-0";
        } else if (!minor.equals("0")) {
            upper = major + "." + NpmGrammar.increment(minor) + ".0-0";
        } else {
            upper = major + "." + minor + "." + NpmGrammar.increment(patch) + "-0";
        }
        return lower + " <" + upper;
    }

    /** {@code ~1.2.3} → {@code >=1.2.3 <1.3.0-0}; {@code ~1} → {@code >=1.0.0 <2.0.0-0}. */
    private String desugarTilde(String word) {
        Matcher m = NpmGrammar.tilde(loose).matcher(word);
        if (!m.matches()) {
            return word;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        String z = includePrerelease ? "-0" : "";
        if (isX(major)) {
            return "";
        }
        if (isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + NpmGrammar.increment(major) + ".0.0-0";
        }
        String upper = " <" + major + "." + NpmGrammar.increment(minor) + ".0-0";
        if (isX(patch)) {
            return ">=" + major + "." + minor + ".0" + z + upper;
        }
        return ">=" + major + "." + minor + "." + patch + (pre != null ? "-" + pre : "") + upper;
    }

    /** {@code 1.2.x} → {@code >=1.2.0 <1.3.0-0}, {@code >1} → {@code >=2.0.0}, {@code <=1.2} → {@code <1.3.0-0}. */
    private String desugarXRange(String raw) {
        String word = NpmGrammar.trim(raw);
        Matcher m = NpmGrammar.xRange(loose).matcher(word);
        if (!m.matches()) {
            return word;
        }
        String op = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !isX(patch))) {
            return word;
        }
        boolean xMajor = isX(major);
        boolean xMinor = xMajor || isX(minor);
        boolean anyX = xMinor || isX(patch);
        if (!anyX) {
            return word;
        }
        if (op.equals("=")) {
            op = "";
        }
        if (xMajor) {
            return op.equals(">") || op.equals("<") ? NULL_SET : "*";
        }
        String z = includePrerelease ? "-0" : "";
        if (op.isEmpty()) {
            return xMinor
                    ? ">=" + major + ".0.0" + z + " <" + NpmGrammar.increment(major) + ".0.0-0"
                    : ">=" + major + "." + minor + ".0" + z + " <" + major + "." + NpmGrammar.increment(minor) + ".0-0";
        }
        String newMajor = major;
        String newMinor = xMinor ? "0" : minor;
        if (op.equals(">")) {
            op = ">=";
            if (xMinor) {
                newMajor = NpmGrammar.increment(major);
            } else {
                newMinor = NpmGrammar.increment(minor);
            }
        } else if (op.equals("<=")) {
            op = "<";
            if (xMinor) {
                newMajor = NpmGrammar.increment(major);
            } else {
                newMinor = NpmGrammar.increment(minor);
            }
        }
        return op + newMajor + "." + newMinor + ".0" + (op.equals("<") ? "-0" : z);
    }
}
