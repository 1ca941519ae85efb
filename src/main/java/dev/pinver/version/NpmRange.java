package dev.pinver.version;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed node-semver range: a union ({@code ||}) of comparator sets, each the intersection of
 * its desugared comparators ({@code ^1.2.3} is {@code >=1.2.3 <2.0.0-0}). Build with
 * {@link NpmScheme#parseRange}. {@link #test} is node-semver's {@code satisfies}, pre-release rule
 * included; {@link #toVersionSet} is plain interval membership of the comparators.
 */
public final class NpmRange {

    private final List<List<NpmComparator>> sets;
    private final boolean includePrerelease;

    NpmRange(List<List<NpmComparator>> sets, boolean includePrerelease) {
        this.sets = sets.stream().map(List::copyOf).toList();
        this.includePrerelease = includePrerelease;
    }

    /** The comparator sets, in order; a version satisfies the range when it satisfies one set. */
    public List<List<NpmComparator>> sets() {
        return sets;
    }

    /** Whether the range was parsed, and is tested, with node-semver's {@code includePrerelease}. */
    public boolean includePrerelease() {
        return includePrerelease;
    }

    /**
     * node-semver's {@code satisfies}: some set admits the version by order, and, when the version
     * is a pre-release and pre-releases are not included, that set has a comparator whose version
     * is a pre-release of the same major.minor.patch ({@code 1.2.3-beta.2} satisfies
     * {@code ^1.2.3-beta.1} but {@code 1.2.4-beta} does not).
     */
    public boolean test(NpmVersion version) {
        for (List<NpmComparator> set : sets) {
            if (set.stream().allMatch(c -> c.test(version)) && prereleaseAllowed(set, version)) {
                return true;
            }
        }
        return false;
    }

    private boolean prereleaseAllowed(List<NpmComparator> set, NpmVersion version) {
        if (!version.isPrerelease() || includePrerelease) {
            return true;
        }
        return set.stream().anyMatch(c -> !c.isAny() && c.version().isPrerelease() && c.version().sameRelease(version));
    }

    /** The versions the comparators admit by order alone: a union of intersections of intervals. */
    public VersionSet<NpmVersion> toVersionSet() {
        VersionSet<NpmVersion> union = VersionSet.none();
        for (List<NpmComparator> set : sets) {
            VersionSet<NpmVersion> all = VersionSet.all();
            for (NpmComparator c : set) {
                all = all.intersect(c.toVersionSet());
            }
            union = union.union(all);
        }
        return union;
    }

    /**
     * node-semver's canonical form ({@code Range.range}): comparators joined by a space, sets by
     * {@code ||}; the empty string for a range that admits everything.
     */
    @Override
    public String toString() {
        return sets.stream()
                .map(set -> set.stream().map(NpmComparator::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("||"));
    }
}
