package dev.pinver.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text being rewritten by the npm range parser, where every character remembers the offset in the
 * original spec it came from, so an error found after several rewrites still points at the spot
 * the user wrote. Inserted characters take the offset of the text they replace.
 */
final class NpmText implements CharSequence {

    private static final Pattern BARS = Pattern.compile(Pattern.quote("||"));
    private static final Pattern SPACE = Pattern.compile(" ");

    private final String text;
    private final int[] origins;
    /** Where an empty text sits in the original. */
    private final int anchor;

    private NpmText(String text, int[] origins, int anchor) {
        this.text = text;
        this.origins = origins;
        this.anchor = anchor;
    }

    static NpmText of(String original) {
        int[] origins = new int[original.length()];
        Arrays.setAll(origins, i -> i);
        return new NpmText(original, origins, 0);
    }

    /** Text written by the parser itself, attributed to one offset of the original. */
    static NpmText literal(String s, int origin) {
        int[] origins = new int[s.length()];
        Arrays.fill(origins, origin);
        return new NpmText(s, origins, origin);
    }

    /** The original offset of the first character (for empty text: where it stood). */
    int origin() {
        return origins.length > 0 ? origins[0] : anchor;
    }

    private int originAt(int index) {
        return index < origins.length ? origins[index] : origins.length > 0 ? origins[origins.length - 1] + 1 : anchor;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public NpmText subSequence(int start, int end) {
        return new NpmText(text.substring(start, end), Arrays.copyOfRange(origins, start, end), originAt(start));
    }

    @Override
    public String toString() {
        return text;
    }

    /** The text matched by a group, empty when the group did not take part. */
    NpmText group(Matcher m, int group) {
        return m.group(group) == null ? literal("", originAt(m.start())) : subSequence(m.start(group), m.end(group));
    }

    NpmText concat(NpmText other) {
        int[] both = Arrays.copyOf(origins, origins.length + other.origins.length);
        System.arraycopy(other.origins, 0, both, origins.length, other.origins.length);
        return new NpmText(text + other.text, both, origin());
    }

    /** JavaScript's {@code trim()}. */
    NpmText trim() {
        int from = 0;
        int to = text.length();
        while (from < to && NpmGrammar.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && NpmGrammar.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return subSequence(from, to);
    }

    /** Replaces every match of {@code pattern}, left to right, by what {@code replacement} builds from it. */
    NpmText replaceAll(Pattern pattern, Function<Matcher, NpmText> replacement) {
        Matcher m = pattern.matcher(this);
        NpmText out = literal("", origin());
        int done = 0;
        while (m.find()) {
            out = out.concat(subSequence(done, m.start())).concat(replacement.apply(m));
            done = m.end();
        }
        return out.concat(subSequence(done, text.length()));
    }

    /** Every run of white space becomes one space. */
    NpmText collapseWhitespace() {
        return replaceAll(NpmGrammar.WS_RUN, m -> literal(" ", originAt(m.start())));
    }

    /** JavaScript's {@code split('||')}: the sets of a range, empty pieces kept. */
    List<NpmText> splitBars() {
        return split(BARS);
    }

    /** JavaScript's {@code split(' ')}: the words of a set, empty pieces kept. */
    List<NpmText> splitSpaces() {
        return split(SPACE);
    }

    /** JavaScript's {@code split(/\s+/)}: empty pieces are kept. */
    List<NpmText> splitWhitespace() {
        return split(NpmGrammar.WS_RUN);
    }

    private List<NpmText> split(Pattern separator) {
        List<NpmText> pieces = new ArrayList<>();
        Matcher m = separator.matcher(this);
        int done = 0;
        while (m.find()) {
            pieces.add(subSequence(done, m.start()));
            done = m.end();
        }
        pieces.add(subSequence(done, text.length()));
        return pieces;
    }

    /** The pieces joined by a single space. */
    static NpmText joinWithSpaces(List<NpmText> pieces) {
        NpmText out = null;
        for (NpmText p : pieces) {
            out = out == null ? p : out.concat(literal(" ", p.origin())).concat(p);
        }
        return out == null ? literal("", 0) : out;
    }
}
