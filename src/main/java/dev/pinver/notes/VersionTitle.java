package dev.pinver.notes;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a changelog heading says about a release: its version, the date if the heading carries one,
 * and whether the heading is nothing but those ({@code bare}).
 *
 * <p>Recognised shapes (the version must come first, after at most one word):
 * {@code 0.46.0}, {@code [0.46.0] - 2020-01-02}, {@code Version 0.46.0 (…)}, {@code v0.46.0},
 * {@code 0.46.0 / 2020-01-02}, {@code fastapi 0.46.0}, {@code 0.46.0 (6th December, 2024)},
 * {@code 2.0.0-beta.1}, {@code 1.0.0rc1}, {@code 1.3 beta3} (read as {@code 1.3-beta3}). A version
 * without a dot needs {@code v} or {@code Version} before it and no package name ({@code v2}, but not
 * {@code Pydantic v1}, a sub-heading in fastapi's notes); a series ({@code 2.x}) is no version. After the
 * version only a separator ({@code ( [ - – — : / | ,}) or a date may follow, so
 * {@code Python 3.12 support} and {@code 2.0 Migration Guide} are not releases. Headings that say
 * a release has not happened ({@code Unreleased}, {@code Latest Changes}, {@code 1.1.0 (unreleased)})
 * are never versions; {@link #isUnreleased} tells them apart.
 *
 * @param version the version as written, without a leading {@code v}
 * @param date the date in the heading, if any
 * @param bare true when nothing but the version, brackets, separators and the date is written
 */
public record VersionTitle(String version, Optional<LocalDate> date, boolean bare) {

    private static final Pattern VERSION = Pattern.compile(
            "\\d+(?:\\.\\d+)*(?:(?:[-+]|\\.?(?=[A-Za-z]))[0-9A-Za-z]+(?:[-+.][0-9A-Za-z]+)*)?");
    private static final Pattern SPACED_PRE = Pattern.compile(
            "^\\s+((?:alpha|beta|preview|pre|rc|dev|a|b)\\d*)(?![\\w.])", Pattern.CASE_INSENSITIVE);
    /** A release series such as {@code 2.x}, not a version. */
    private static final Pattern SERIES = Pattern.compile("\\.[xX](?:\\.|$)");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}[-/._]\\d{1,2}[-/._]\\d{1,2}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z@][\\w.@/-]*");
    private static final Pattern UNRELEASED = Pattern.compile(
            "^\\W*(?:unreleased|upcoming(?:\\s+(?:changes|release))?|latest(?:\\s+changes)?"
                    + "|next(?:\\s+(?:release|version))?|(?:work\\s+)?in\\s+progress|wip|tbd|tba)\\W*$"
                    + "|\\bunreleased\\b|\\bnot\\s+(?:yet\\s+)?released\\b|\\bto\\s+be\\s+released\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that may stand before a version; another single word is a package name unless in NOT_A_NAME. */
    private static final Set<String> KEYWORDS = Set.of("version", "release", "rel");
    private static final Set<String> NOT_A_NAME = Set.of("to", "from", "since", "before", "after", "until", "upgrade",
            "upgrading", "migrate", "migrating", "migration", "python", "node", "nodejs", "java", "jdk", "support",
            "supports", "requires", "require", "for", "in", "on", "at", "see", "and", "or", "the", "a", "an", "with",
            "changes", "fixes", "features");
    private static final String SEPARATORS = "([-–—:/|,";

    /** The release a heading names, or empty when it names none. */
    public static Optional<VersionTitle> parse(String title) {
        String t = title.strip();
        if (isUnreleased(t)) {
            return Optional.empty();
        }
        int pos = skipOpening(t, 0);
        boolean keyword = false;
        boolean named = false;
        Matcher word = WORD.matcher(t).region(pos, t.length());
        if (!startsVersion(t, pos) && !vPrefixed(t, pos) && word.lookingAt()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            int after = word.end();
            if (after >= t.length() || !Character.isWhitespace(t.charAt(after)) || NOT_A_NAME.contains(w)) {
                return Optional.empty();
            }
            keyword = KEYWORDS.contains(w);
            named = !keyword;
            pos = skipOpening(t, after);
        }
        if (vPrefixed(t, pos)) {
            keyword = true;
            pos++;
        }
        Matcher v = VERSION.matcher(t).region(pos, t.length());
        if (!v.lookingAt() || (v.end() < t.length() && Character.isLetterOrDigit(t.charAt(v.end())))) {
            return Optional.empty();
        }
        String version = v.group();
        if (DATE_LIKE.matcher(version).lookingAt() || SERIES.matcher(version).find()
                || (!version.contains(".") && (!keyword || named))) {
            return Optional.empty();
        }
        String rest = t.substring(v.end());
        Matcher pre = SPACED_PRE.matcher(rest);
        if (pre.find()) {
            version = version + "-" + pre.group(1);
            rest = rest.substring(pre.end());
        }
        if (rest.startsWith("]")) {
            rest = rest.substring(1);
        }
        Optional<DateText.Found> date = DateText.find(rest);
        if (!followsVersion(rest, date)) {
            return Optional.empty();
        }
        String leftover = date.isEmpty() ? rest
                : rest.substring(0, date.get().start()) + rest.substring(date.get().end());
        boolean bare = leftover.chars().allMatch(c -> Character.isWhitespace(c) || "()[]-–—:/|,.".indexOf(c) >= 0);
        return Optional.of(new VersionTitle(version, date.map(DateText.Found::date), bare));
    }

    /** True for headings that stand for changes not yet released: {@code Unreleased}, {@code Latest Changes}, … */
    public static boolean isUnreleased(String title) {
        return UNRELEASED.matcher(title).find();
    }

    private static int skipOpening(String t, int pos) {
        while (pos < t.length() && (t.charAt(pos) == '[' || Character.isWhitespace(t.charAt(pos)))) {
            pos++;
        }
        return pos;
    }

    private static boolean vPrefixed(String t, int pos) {
        return pos < t.length() && (t.charAt(pos) == 'v' || t.charAt(pos) == 'V') && startsVersion(t, pos + 1);
    }

    private static boolean startsVersion(String t, int pos) {
        return pos < t.length() && t.charAt(pos) >= '0' && t.charAt(pos) <= '9';
    }

    /** After the version: nothing, a separator, a full stop before a space, or a date. */
    private static boolean followsVersion(String rest, Optional<DateText.Found> date) {
        String r = rest.stripLeading();
        if (r.isEmpty() || SEPARATORS.indexOf(r.charAt(0)) >= 0) {
            return true;
        }
        if (r.charAt(0) == '.' && (r.length() == 1 || Character.isWhitespace(r.charAt(1)))) {
            return true;
        }
        return date.isPresent() && rest.substring(0, date.get().start()).isBlank();
    }
}
