package dev.pinver.notes;

import dev.pinver.version.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version ordered without knowing its ecosystem: numeric release parts first (missing parts are
 * zero, so {@code 2.8 == 2.8.0}), then the qualifier. Qualifiers order as
 * {@code dev < alpha/a < beta/b < milestone/m < other words (alphabetically) < rc/c/cr < final < post/number}
 * ({@code final}, {@code ga} and {@code release} are the final release; a qualifier that starts with a number
 * is read as a post-release, as Maven does, not as npm's pre-release);
 * numbers inside a qualifier compare numerically and a missing number is zero. Build metadata after
 * {@code +} is ignored. This is the default order for changelog headings; a caller that knows the
 * ecosystem passes its scheme to {@link ReleaseOrder#of} instead.
 *
 * @param release the release numbers, without leading zeros
 * @param qualifier the qualifier's parts: words in lower case and numbers, in order
 */
public record LenientVersion(List<String> release, List<String> qualifier) implements Comparable<LenientVersion> {

    private static final Pattern SHAPE = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)(.*)");
    private static final Pattern PART = Pattern.compile("\\d+|[A-Za-z]+");
    private static final int FINAL = 6;

    /** Parses {@code text}; it must start with a number (a {@code v} before it is allowed). */
    public static LenientVersion parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidSpecException("not a version: " + text, 0);
        }
        List<String> release = new ArrayList<>();
        for (String n : m.group(1).split("\\.")) {
            release.add(n.replaceFirst("^0+(?=\\d)", ""));
        }
        while (release.size() > 1 && release.get(release.size() - 1).equals("0")) {
            release.remove(release.size() - 1);
        }
        String rest = m.group(2);
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            rest = rest.substring(0, plus);
        }
        List<String> qualifier = new ArrayList<>();
        Matcher p = PART.matcher(rest);
        while (p.find()) {
            String part = p.group();
            qualifier.add(Character.isDigit(part.charAt(0)) ? part.replaceFirst("^0+(?=\\d)", "")
                    : canonical(part.toLowerCase(Locale.ROOT)));
        }
        if (!qualifier.isEmpty() && qualifier.get(0).equals("final")) {
            qualifier.remove(0);
        }
        return new LenientVersion(List.copyOf(release), List.copyOf(qualifier));
    }

    @Override
    public int compareTo(LenientVersion o) {
        int n = Math.max(release.size(), o.release.size());
        for (int i = 0; i < n; i++) {
            int c = compareNumbers(i < release.size() ? release.get(i) : "0", i < o.release.size() ? o.release.get(i) : "0");
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(rank(qualifier), rank(o.qualifier));
        if (c != 0) {
            return c;
        }
        int q = Math.max(qualifier.size(), o.qualifier.size());
        for (int i = 0; i < q; i++) {
            String a = i < qualifier.size() ? qualifier.get(i) : "0";
            String b = i < o.qualifier.size() ? o.qualifier.get(i) : "0";
            c = comparePart(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** One spelling per kind of qualifier word: {@code alpha → a}, {@code beta → b}, {@code c → rc}, … */
    private static String canonical(String word) {
        return switch (word) {
            case "alpha" -> "a";
            case "beta" -> "b";
            case "c", "cr" -> "rc";
            case "milestone" -> "m";
            case "p", "rev", "r" -> "post";
            case "ga", "release" -> "final";
            default -> word;
        };
    }

    /** Where a qualifier stands relative to the final release ({@value #FINAL}). */
    private static int rank(List<String> qualifier) {
        if (qualifier.isEmpty()) {
            return FINAL;
        }
        String first = qualifier.get(0);
        if (Character.isDigit(first.charAt(0))) {
            return FINAL + 1;
        }
        return switch (first) {
            case "dev" -> 0;
            case "a" -> 1;
            case "b" -> 2;
            case "m" -> 3;
            case "rc" -> 5;
            case "post" -> FINAL + 1;
            default -> 4;
        };
    }

    /** Numbers before words; numbers numerically, words alphabetically. */
    private static int comparePart(String a, String b) {
        boolean an = Character.isDigit(a.charAt(0));
        boolean bn = Character.isDigit(b.charAt(0));
        if (an && bn) {
            return compareNumbers(a, b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    @Override
    public String toString() {
        return String.join(".", release) + (qualifier.isEmpty() ? "" : "-" + String.join(".", qualifier));
    }
}
