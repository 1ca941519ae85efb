package dev.pinver.version;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The lexical rules of node-semver (the version and range grammar npm uses), as Java patterns.
 * The patterns accept exactly the strings node-semver's own expressions accept, including the
 * length caps node-semver puts on digit runs (256) and identifier runs (250), and they use
 * JavaScript's notion of white space. Every pattern here is meant for {@code matches()} on a whole
 * string or for {@code find()} scans; none relies on {@code ^}/{@code $}.
 */
final class NpmGrammar {

    private NpmGrammar() {
    }

    /** node-semver rejects longer version strings outright. */
    static final int MAX_VERSION_LENGTH = 256;

    /** The largest integer a JavaScript number holds exactly: the cap on major, minor and patch. */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    /** Characters JavaScript's {@code \s} and {@code String.trim} treat as white space. */
    private static final String WS_CHARS =
            "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    static final String WS = "[" + WS_CHARS + "]";
    private static final String OPT_WS = WS + "?";
    private static final String PREFIX = "[v=" + WS_CHARS + "]*";

    private static final String NUM = "0|[1-9]\\d{0,256}";
    private static final String NUM_LOOSE = "\\d{1,256}";
    private static final String NON_NUM = "\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}";
    private static final String BUILD_ID = "[a-zA-Z0-9-]{1,250}";

    private static String main(String num) {
        return "(" + num + ")\\.(" + num + ")\\.(" + num + ")";
    }

    private static String identifiers(String id) {
        return id + "(?:\\." + id + ")*";
    }

    private static final String PRE = "(?:-(" + identifiers("(?:" + NON_NUM + "|" + NUM + ")") + "))";
    private static final String PRE_LOOSE = "(?:-?(" + identifiers("(?:" + NON_NUM + "|" + NUM_LOOSE + ")") + "))";
    private static final String BUILD = "(?:\\+(" + identifiers(BUILD_ID) + "))";

    /** A strict version: groups 1-3 major, minor, patch; 4 pre-release; 5 build. */
    private static final String FULL_PLAIN = "v?" + main(NUM) + PRE + "?" + BUILD + "?";
    /** A loose version (leading v/=/space, leading zeros, pre-release without hyphen); same groups. */
    private static final String LOOSE_PLAIN = PREFIX + main(NUM_LOOSE) + PRE_LOOSE + "?" + BUILD + "?";

    /** A partial version with x-wildcards: groups 1-3 the parts, 4 pre-release, 5 build. */
    private static String xRangePlain(boolean loose) {
        String part = "(" + (loose ? NUM_LOOSE : NUM) + "|x|X|\\*)";
        return PREFIX + part + "(?:\\." + part + "(?:\\." + part
                + "(?:" + (loose ? PRE_LOOSE : PRE) + ")?" + BUILD + "?)?)?";
    }

    private static final String OPERATOR = "((?:<|>)?=?)";

    static final Pattern FULL = Pattern.compile(FULL_PLAIN);
    static final Pattern LOOSE = Pattern.compile(LOOSE_PLAIN);

    /** Build metadata anywhere in a range, with no length cap: it is cut out before anything else. */
    static final Pattern BUILD_ANYWHERE = Pattern.compile("\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)");

    /** {@code A - B}: groups 1 from (2-4 parts, 5 pre-release), 7 to (8-10 parts, 11 pre-release). */
    static Pattern hyphen(boolean loose) {
        return loose ? HYPHEN_LOOSE : HYPHEN;
    }

    private static final Pattern HYPHEN = Pattern.compile(
            OPT_WS + "(" + xRangePlain(false) + ")" + WS + "-" + WS + "(" + xRangePlain(false) + ")" + OPT_WS);
    private static final Pattern HYPHEN_LOOSE = Pattern.compile(
            OPT_WS + "(" + xRangePlain(true) + ")" + WS + "-" + WS + "(" + xRangePlain(true) + ")" + OPT_WS);

    /** An operator, a space and a version: group 1 leading space, 2 operator, 3 version. */
    static final Pattern OPERATOR_GAP = Pattern.compile(
            "(" + OPT_WS + ")" + OPERATOR + OPT_WS + "(" + LOOSE_PLAIN + "|" + xRangePlain(false) + ")");
    /** {@code ~ } or {@code ~> } followed by a space: group 1 leading space. */
    static final Pattern TILDE_GAP = Pattern.compile("(" + OPT_WS + ")(?:~>?)" + WS);
    /** {@code ^ } followed by a space: group 1 leading space. */
    static final Pattern CARET_GAP = Pattern.compile("(" + OPT_WS + ")(?:\\^)" + WS);

    static Pattern tilde(boolean loose) {
        return loose ? TILDE_LOOSE : TILDE;
    }

    private static final Pattern TILDE = Pattern.compile("(?:~>?)" + xRangePlain(false));
    private static final Pattern TILDE_LOOSE = Pattern.compile("(?:~>?)" + xRangePlain(true));

    static Pattern caret(boolean loose) {
        return loose ? CARET_LOOSE : CARET;
    }

    private static final Pattern CARET = Pattern.compile("(?:\\^)" + xRangePlain(false));
    private static final Pattern CARET_LOOSE = Pattern.compile("(?:\\^)" + xRangePlain(true));

    /** An operator and a partial version: group 1 operator, 2-4 parts, 5 pre-release. */
    static Pattern xRange(boolean loose) {
        return loose ? X_RANGE_LOOSE : X_RANGE;
    }

    private static final Pattern X_RANGE = Pattern.compile(OPERATOR + OPT_WS + xRangePlain(false));
    private static final Pattern X_RANGE_LOOSE = Pattern.compile(OPERATOR + OPT_WS + xRangePlain(true));

    /** A star with an optional operator, found anywhere in a comparator. */
    static final Pattern STAR = Pattern.compile("(<|>)?=?" + OPT_WS + "\\*");

    /** {@code >=0.0.0}, which means any version. */
    static final Pattern GTE0 = Pattern.compile(OPT_WS + ">=" + OPT_WS + "0\\.0\\.0" + OPT_WS);
    /** {@code >=0.0.0-0}, which means any version when pre-releases are included. */
    static final Pattern GTE0_PRE = Pattern.compile(OPT_WS + ">=" + OPT_WS + "0\\.0\\.0-0" + OPT_WS);

    /** One final comparator: group 1 operator, 2 version. The empty string is also a comparator. */
    static Pattern comparator(boolean loose) {
        return loose ? COMPARATOR_LOOSE : COMPARATOR;
    }

    private static final Pattern COMPARATOR = Pattern.compile(OPERATOR + OPT_WS + "(" + FULL_PLAIN + ")");
    private static final Pattern COMPARATOR_LOOSE = Pattern.compile(OPERATOR + OPT_WS + "(" + LOOSE_PLAIN + ")");

    /** One or more white-space characters: JavaScript's {@code /\s+/}. */
    static final Pattern WS_RUN = Pattern.compile(WS + "+");

    /** JavaScript's {@code s.trim().split(/\s+/)}: the words of {@code s}, or one empty word. */
    static String[] words(String s) {
        return WS_RUN.split(trim(s), -1);
    }

    /** The characters of {@link #WS}. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** JavaScript's {@code String.trim}. */
    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** A digit string is numeric; non-numeric identifiers hold a letter or hyphen. */
    static boolean isNumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !id.isEmpty();
    }

    /** The digit string without leading zeros ("0" stays "0"). */
    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Compares two digit strings by value, exactly. */
    static int compareNumeric(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** True when the digit string is at most {@link #MAX_SAFE_INTEGER}. */
    static boolean isSafe(String digits) {
        return compareNumeric(digits, Long.toString(MAX_SAFE_INTEGER)) <= 0;
    }

    /**
     * The digit string plus one, written the way JavaScript writes {@code +digits + 1}. Below the
     * safe-integer cap that is the exact successor; above it, JavaScript's rounding applies, and
     * from 1e21 on the result is in exponent form, which no version pattern accepts. Only that
     * shape matters there, since any such number is rejected as a version part anyway.
     */
    static String increment(String digits) {
        if (isSafe(digits)) {
            return Long.toString(Long.parseLong(stripZeros(digits)) + 1);
        }
        double d = Double.parseDouble(digits) + 1;
        if (Double.isInfinite(d)) {
            return "Infinity";
        }
        if (d < 1e21) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        return Double.toString(d).replace(".0E", "E").replace("E", "e+");
    }
}
