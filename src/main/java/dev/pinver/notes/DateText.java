package dev.pinver.notes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar date written in a release heading: {@code 2020-01-02} (also with {@code /},
 * {@code .} or {@code _}), {@code 6th December, 2024}, {@code December 6th, 2024},
 * {@code Aug 24, 2025}. Only dates that exist are taken; numeric day/month orders other than
 * year-first are ambiguous and left alone.
 */
final class DateText {

    /** A date and where it was written, {@code [start, end)} in the searched text. */
    record Found(LocalDate date, int start, int end) {
    }

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)(\\d{4})([-/._])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?<![\\p{L}\\d])" + DAY + "\\s+" + MONTH + "\\.?,?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?<!\\p{L})" + MONTH + "\\.?\\s+" + DAY + ",?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private DateText() {
    }

    /** The first valid date in {@code text}, by position. */
    static Optional<Found> find(String text) {
        Found best = null;
        Matcher m = YEAR_FIRST.matcher(text);
        while (m.find()) {
            Found f = valid(m.group(1), m.group(3), m.group(4), m);
            if (f != null) {
                best = f;
                break;
            }
        }
        m = DAY_FIRST.matcher(text);
        while (m.find() && (best == null || m.start() < best.start())) {
            Found f = valid(m.group(3), month(m.group(2)), m.group(1), m);
            if (f != null) {
                best = f;
                break;
            }
        }
        m = MONTH_FIRST.matcher(text);
        while (m.find() && (best == null || m.start() < best.start())) {
            Found f = valid(m.group(3), month(m.group(1)), m.group(2), m);
            if (f != null) {
                best = f;
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The date when {@code text} is nothing but one (surrounding spaces and punctuation allowed). */
    static Optional<LocalDate> whole(String text) {
        return find(text).filter(f -> isFiller(text.substring(0, f.start())) && isFiller(text.substring(f.end())))
                .map(Found::date);
    }

    private static boolean isFiller(String s) {
        return s.chars().allMatch(c -> Character.isWhitespace(c) || "()[]-–—:,.*_".indexOf(c) >= 0);
    }

    private static String month(String name) {
        return Integer.toString(MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1);
    }

    private static Found valid(String year, String month, String day, Matcher m) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return new Found(d, m.start(), m.end());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
