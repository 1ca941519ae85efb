package dev.pinver.notes;

import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.VersionScheme;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the versions named in a changelog order: a parser from heading text to a comparable key and
 * the comparison of keys. {@link #lenient()} works for any ecosystem; {@link #of(VersionScheme)}
 * uses the ecosystem's own rules (PEP 440, npm, Maven).
 *
 * <p>A heading version the parser rejects is retried with its release padded to three numbers
 * ({@code 7.2 → 7.2.0}, {@code 1.3-beta3 → 1.3.0-beta3}), the way npm's {@code coerce} reads old
 * changelogs; if that fails too, the release has no place in this order ({@link #key} is empty).
 *
 * @param <K> the key type
 */
public final class ReleaseOrder<K> {

    private static final Pattern SHORT_RELEASE = Pattern.compile("(\\d+(?:\\.\\d+)?)(?!\\.?\\d)(.*)", Pattern.DOTALL);

    private final Function<String, K> parser;
    private final Comparator<? super K> comparator;

    private ReleaseOrder(Function<String, K> parser, Comparator<? super K> comparator) {
        this.parser = parser;
        this.comparator = comparator;
    }

    /** Numeric parts, then pre-release/post-release qualifiers: {@link LenientVersion}. */
    public static ReleaseOrder<LenientVersion> lenient() {
        return new ReleaseOrder<>(LenientVersion::parse, Comparator.naturalOrder());
    }

    /** The order of an ecosystem's version scheme. */
    public static <V extends Comparable<? super V>> ReleaseOrder<V> of(VersionScheme<V> scheme) {
        return parsing(scheme::parseVersion);
    }

    /**
     * Versions parsed by {@code parser}, which throws {@link IllegalArgumentException} (such as
     * {@link InvalidSpecException}) for text that is not a version, and ordered naturally.
     */
    public static <V extends Comparable<? super V>> ReleaseOrder<V> parsing(Function<String, V> parser) {
        return new ReleaseOrder<>(parser, Comparator.naturalOrder());
    }

    /** Version strings ordered by {@code comparator}, which must accept every version a heading can name. */
    public static ReleaseOrder<String> comparing(Comparator<String> comparator) {
        return new ReleaseOrder<>(Function.identity(), comparator);
    }

    /** The key of a version named in a changelog, or empty when this order cannot place it. */
    public Optional<K> key(String version) {
        try {
            return Optional.of(parser.apply(version));
        } catch (IllegalArgumentException first) {
            Matcher m = SHORT_RELEASE.matcher(version);
            if (!m.matches()) {
                return Optional.empty();
            }
            String release = m.group(1);
            String padded = release + ".0".repeat(2 - (int) release.chars().filter(c -> c == '.').count());
            String rest = m.group(2);
            boolean needsDash = !rest.isEmpty() && Character.isLetter(rest.charAt(0));
            try {
                return Optional.of(parser.apply(padded + (needsDash ? "-" : "") + rest));
            } catch (IllegalArgumentException second) {
                return Optional.empty();
            }
        }
    }

    /** The key of a version the user asked for; {@link InvalidSpecException} when it is not one. */
    public K require(String version) {
        return key(version).orElseThrow(() -> new InvalidSpecException("not a version: " + version, 0));
    }

    public int compare(K a, K b) {
        return comparator.compare(a, b);
    }
}
