package dev.pinver.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a Maven version as Maven Resolver's {@code GenericVersion} splits them: {@code .},
 * {@code -} and {@code _} are equivalent delimiters, a change from digits to other characters (or
 * back) delimits too, and an empty segment reads as {@code 0}. Only the splitting is done here; the
 * ordering itself always comes from Resolver.
 */
final class MavenSegments {

    /**
     * One segment. {@code followedByDigit} is true when a non-numeric segment ends because a digit
     * starts right after it, which is what makes {@code a1}, {@code b1}, {@code m1} mean alpha, beta,
     * milestone.
     */
    record Segment(String text, boolean numeric, boolean followedByDigit) {
    }

    private MavenSegments() {
    }

    static List<Segment> split(String version) {
        List<Segment> segments = new ArrayList<>();
        int n = version.length();
        int i = 0;
        while (i < n) {
            if (isDelimiter(version.charAt(i))) {
                segments.add(new Segment("0", true, false));
                i++;
                continue;
            }
            int start = i;
            boolean numeric = isDigit(version.charAt(i));
            while (i < n && !isDelimiter(version.charAt(i)) && isDigit(version.charAt(i)) == numeric) {
                i++;
            }
            boolean followedByDigit = !numeric && i < n && isDigit(version.charAt(i));
            segments.add(new Segment(version.substring(start, i), numeric, followedByDigit));
            if (i < n && isDelimiter(version.charAt(i))) {
                i++;
            }
        }
        return segments;
    }

    private static boolean isDelimiter(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    /** A decimal digit in any script, as Resolver reads digits. */
    private static boolean isDigit(char c) {
        return Character.digit(c, 10) >= 0;
    }
}
