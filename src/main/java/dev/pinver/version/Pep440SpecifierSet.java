package dev.pinver.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A comma-separated PEP 440 specifier set ({@code >=1.0,!=1.3.*,<2}) with packaging's exact
 * matching rules, including its pre-release policy, which a {@link VersionSet} cannot express:
 * by default a pre-release is admitted when the set names one, when it is the only candidate, or
 * when no final release among the candidates matches. An optional override ({@link #withPrereleases})
 * plays the role of packaging's {@code prereleases=} constructor argument.
 */
public final class Pep440SpecifierSet {

    /**
     * A version offered to {@link #contains} or {@link #filter}: the text is what {@code ===}
     * compares; the parsed version is null when the text is no PEP 440 version.
     */
    public record Candidate(String text, Pep440Version version) {

        /** A version string as a registry lists it; {@code ===} compares it as written. */
        public static Candidate of(String text) {
            Pep440Version v;
            try {
                v = Pep440Version.parse(text);
            } catch (InvalidSpecException e) {
                v = null;
            }
            return new Candidate(text, v);
        }

        /** A parsed version; {@code ===} compares its normalised form. */
        public static Candidate of(Pep440Version version) {
            return new Candidate(version.toString(), version);
        }

        boolean isPrerelease() {
            return version != null && version.isPrerelease();
        }
    }

    private final List<Pep440Specifier> specifiers;
    private final Boolean prereleases;

    private Pep440SpecifierSet(List<Pep440Specifier> specifiers, Boolean prereleases) {
        this.specifiers = List.copyOf(specifiers);
        this.prereleases = prereleases;
    }

    /** Parses a set; blank text and empty items between commas are allowed, as in packaging. */
    public static Pep440SpecifierSet parse(String text) {
        List<Pep440Specifier> specs = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            if (!isPythonBlank(text, start, end)) {
                specs.add(Pep440Specifier.parse(text, start, end));
            }
            start = end + 1;
        }
        return new Pep440SpecifierSet(specs, null);
    }

    private static boolean isPythonBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Pep440Version.isPythonSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The same set with packaging's {@code prereleases} override: true admits, false rejects, null decides by default. */
    public Pep440SpecifierSet withPrereleases(Boolean prereleases) {
        return new Pep440SpecifierSet(specifiers, prereleases);
    }

    public List<Pep440Specifier> specifiers() {
        return specifiers;
    }

    /**
     * packaging's {@code SpecifierSet.prereleases}: the override if set; otherwise true when some
     * clause names a pre-release, else null (decide per call).
     */
    public Boolean prereleases() {
        if (prereleases != null) {
            return prereleases;
        }
        for (Pep440Specifier s : specifiers) {
            if (Boolean.TRUE.equals(s.impliesPrereleases())) {
                return true;
            }
        }
        return null;
    }

    /** packaging's {@code contains(Version(...), prereleases)}: {@code ===} compares the normalised form. */
    public boolean contains(Pep440Version version, Boolean prereleases) {
        return contains(Candidate.of(version), prereleases, false);
    }

    /** packaging's {@code contains("...", prereleases)}: {@code ===} compares the text as written. */
    public boolean contains(String version, Boolean prereleases) {
        return contains(Candidate.of(version), prereleases, false);
    }

    /**
     * packaging's {@code contains(item, prereleases, installed)}: an installed pre-release is
     * admitted as if {@code prereleases} were true.
     */
    public boolean contains(Candidate candidate, Boolean prereleases, boolean installed) {
        Boolean allow = installed && candidate.isPrerelease() ? Boolean.TRUE : prereleases;
        return !filter(List.of(candidate), allow).isEmpty();
    }

    /**
     * packaging's {@code filter}: the candidates that match, in order. With {@code prereleases}
     * (or the set's own {@link #prereleases()}) null, pre-releases survive only when no final
     * release matched; strings that are no version match only {@code ===} and are always kept.
     */
    public List<Candidate> filter(List<Candidate> candidates, Boolean prereleases) {
        Boolean allow = prereleases != null ? prereleases : prereleases();
        List<Candidate> matched = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!(Boolean.FALSE.equals(allow) && c.isPrerelease()) && matchesAll(c)) {
                matched.add(c);
            }
        }
        if (allow != null) {
            return matched;
        }
        boolean anyFinal = matched.stream().anyMatch(c -> c.version() != null && !c.isPrerelease());
        return anyFinal ? matched.stream().filter(c -> !c.isPrerelease()).toList() : matched;
    }

    private boolean matchesAll(Candidate c) {
        for (Pep440Specifier s : specifiers) {
            if (!s.matches(c.text(), c.version())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The versions the set admits, as intervals, pre-releases included (see
     * {@link Pep440Specifier#versions()} for {@code ===}). Empty text admits everything.
     */
    public VersionSet<Pep440Version> versions() {
        return intersection(specifiers);
    }

    private static VersionSet<Pep440Version> intersection(List<Pep440Specifier> specs) {
        VersionSet<Pep440Version> set = VersionSet.all();
        for (Pep440Specifier s : specs) {
            set = set.intersect(s.versions());
        }
        return dropBelowMinimum(set);
    }

    /** An interval that ends at or below 0.dev0, the smallest version, holds nothing: remove it. */
    private static VersionSet<Pep440Version> dropBelowMinimum(VersionSet<Pep440Version> set) {
        if (set.isEmpty() || set.first().hasLowerBound() || !set.first().hasUpperBound()) {
            return set;
        }
        Interval<Pep440Version> first = set.first();
        int c = first.upper().compareTo(Pep440Version.MIN);
        if (c > 0 || (c == 0 && first.upperClosed())) {
            return set;
        }
        return VersionSet.of(set.intervals().subList(1, set.intervals().size()));
    }

    /**
     * packaging's {@code is_unsatisfiable}: no version can match every clause (with the override
     * false: no version that is not a pre-release). {@code ===} is judged by its one candidate string.
     */
    public boolean isUnsatisfiable() {
        if (specifiers.isEmpty()) {
            return false;
        }
        List<Pep440Specifier> standard = specifiers.stream()
                .filter(s -> s.operator() != Pep440Specifier.Operator.ARBITRARY).toList();
        VersionSet<Pep440Version> ranges = intersection(standard);
        if (ranges.isEmpty() || arbitraryUnsatisfiable(standard)) {
            return true;
        }
        return Boolean.FALSE.equals(prereleases()) && ranges.intervals().stream().noneMatch(this::holdsFinal);
    }

    private boolean arbitraryUnsatisfiable(List<Pep440Specifier> standard) {
        List<Pep440Specifier> arbitrary = specifiers.stream()
                .filter(s -> s.operator() == Pep440Specifier.Operator.ARBITRARY).toList();
        if (arbitrary.isEmpty()) {
            return false;
        }
        Candidate only = Candidate.of(arbitrary.get(0).version());
        for (Pep440Specifier s : arbitrary) {
            if (!s.matches(only.text(), only.version())) {
                return true;
            }
        }
        if (Boolean.FALSE.equals(prereleases()) && only.isPrerelease()) {
            return true;
        }
        if (standard.isEmpty()) {
            return false;
        }
        return only.version() == null || standard.stream().anyMatch(s -> !s.matches(only.text(), only.version()));
    }

    /** Whether a non-empty interval holds a version that is not a pre-release. */
    private boolean holdsFinal(Interval<Pep440Version> interval) {
        if (!interval.hasLowerBound()) {
            return interval.contains(Pep440Version.finalRelease(List.of(0)));
        }
        Pep440Version lower = interval.lower();
        Pep440Version nearest = lower.nearestNonPrerelease();
        if (nearest == lower) {
            // finals come arbitrarily close above a final (its local versions) and above the post boundary
            return true;
        }
        return interval.contains(nearest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440SpecifierSet s && s.canonical().equals(canonical());
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical());
    }

    /** packaging's {@code str}: the clauses sorted by text, duplicates (by packaging's equality) removed, comma-joined. */
    @Override
    public String toString() {
        return String.join(",", canonical().stream().map(Pep440Specifier::toString).toList());
    }

    private List<Pep440Specifier> canonical() {
        List<Pep440Specifier> sorted = new ArrayList<>(specifiers);
        sorted.sort(Comparator.comparing(Pep440Specifier::toString));
        return List.copyOf(new LinkedHashSet<>(sorted));
    }
}
