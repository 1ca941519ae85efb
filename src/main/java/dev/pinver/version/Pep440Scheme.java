package dev.pinver.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PEP 440 as pip and packaging read it: versions are {@link Pep440Version}, specs are
 * comma-separated specifier sets ({@code >=0.45.0,<0.46.0}, {@code ~=0.45.0}, {@code ==1.2.*}).
 * {@link #parseSpec} gives the exact set of versions the clauses admit, pre-releases included;
 * packaging's default pre-release exclusion is a matter of choosing among candidates, which
 * {@link Pep440SpecifierSet#filter} does.
 */
public final class Pep440Scheme implements VersionScheme<Pep440Version> {

    @Override
    public String name() {
        return "PEP 440";
    }

    @Override
    public Pep440Version parseVersion(String text) {
        return Pep440Version.parse(text);
    }

    @Override
    public VersionSet<Pep440Version> parseSpec(String spec) {
        return Pep440SpecifierSet.parse(spec).versions();
    }

    /**
     * The release numbers as ints. A number beyond {@code int} (a date-time such as
     * 20240101123456 used as a release number) cannot take part in window arithmetic:
     * {@link InvalidSpecException} at its offset in the normalised text.
     */
    @Override
    public List<Integer> release(Pep440Version version) {
        return toInts(version);
    }

    static List<Integer> toInts(Pep440Version version) {
        List<Integer> out = new ArrayList<>();
        String text = version.toString();
        int offset = text.indexOf('!') + 1;
        for (BigInteger n : version.release()) {
            if (n.bitLength() > 31) {
                throw new InvalidSpecException("release number " + n + " of " + text + " is too large", offset);
            }
            out.add(n.intValue());
            offset += n.toString().length() + 1;
        }
        return List.copyOf(out);
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

    /**
     * RANGE {@code >=0.45.0,<0.46.0} (no upper edge: {@code >=0.45.0}); COMPATIBLE {@code ~=0.45.3}
     * when {@code ~=} admits exactly the window; EXACT {@code ==0.45.0}. CARET and TILDE do not exist
     * in PEP 440. Local versions cannot be bounds: empty.
     */
    @Override
    public Optional<String> formatWindow(Pep440Version from, Pep440Version to, SpecStyle style) {
        if (from.hasLocal() && style != SpecStyle.EXACT) {
            return Optional.empty();
        }
        return switch (style) {
            case RANGE -> range(from, to, ",");
            case COMPATIBLE -> compatible(from, to);
            case EXACT -> Optional.of("==" + from);
            case CARET, TILDE -> Optional.empty();
        };
    }

    /** {@code >=from<sep><to}, or just {@code >=from}; empty when {@code to} has a local label. */
    static Optional<String> range(Pep440Version from, Pep440Version to, String separator) {
        if (to == null) {
            return Optional.of(">=" + from);
        }
        return to.hasLocal() ? Optional.empty() : Optional.of(">=" + from + separator + "<" + to);
    }

    /**
     * {@code ~=V} admits [V, next of V's release without its last number); V may be written with
     * trailing zeros dropped (1.2.0 as {@code ~=1.2}) or added (1 as {@code ~=1.0}): at least two numbers. Empty when no
     * such V ends exactly at the final release {@code to}.
     */
    static Optional<String> compatible(Pep440Version from, Pep440Version to) {
        if (to == null || !isPlainFinal(to)) {
            return Optional.empty();
        }
        int shortest = Math.max(2, from.significantLength());
        for (int length = Math.max(2, from.release().size()); length >= shortest; length--) {
            Pep440Version written = from.withReleaseLength(length);
            if (edge(written.nextPrefixDev0(length - 1)).equals(to)) {
                return Optional.of("~=" + written);
            }
        }
        return Optional.empty();
    }

    /** True for a release without pre, post, dev or local parts. */
    static boolean isPlainFinal(Pep440Version v) {
        return !v.isPrerelease() && !v.isPostRelease() && !v.hasLocal() && !v.isBoundary();
    }

    /** The final release whose first development release is {@code dev0}: 1.3.dev0 → 1.3. */
    static Pep440Version edge(Pep440Version dev0) {
        return Pep440Version.finalRelease(dev0.epoch(), dev0.release());
    }
}
