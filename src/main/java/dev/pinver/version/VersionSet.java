package dev.pinver.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions as a sorted union of disjoint, non-touching intervals. Every ecosystem's range
 * syntax parses into one of these, so questions such as "does this spec admit anything past the
 * window's edge" are set operations rather than string matching.
 */
public final class VersionSet<V extends Comparable<? super V>> {

    private final List<Interval<V>> intervals;

    private VersionSet(List<Interval<V>> normalised) {
        this.intervals = List.copyOf(normalised);
    }

    public static <V extends Comparable<? super V>> VersionSet<V> all() {
        return new VersionSet<V>(List.of(Interval.<V>all()));
    }

    public static <V extends Comparable<? super V>> VersionSet<V> none() {
        return new VersionSet<>(List.of());
    }

    public static <V extends Comparable<? super V>> VersionSet<V> of(Interval<V> interval) {
        return of(List.of(interval));
    }

    public static <V extends Comparable<? super V>> VersionSet<V> of(List<Interval<V>> intervals) {
        List<Interval<V>> sorted = new ArrayList<>();
        for (Interval<V> i : intervals) {
            if (!i.isEmpty()) {
                sorted.add(i);
            }
        }
        sorted.sort(VersionSet::compareLower);
        List<Interval<V>> merged = new ArrayList<>();
        for (Interval<V> next : sorted) {
            if (!merged.isEmpty() && overlapsOrTouches(merged.get(merged.size() - 1), next)) {
                Interval<V> last = merged.remove(merged.size() - 1);
                merged.add(new Interval<>(last.lower(), last.lowerClosed(),
                        maxUpper(last, next).upper(), maxUpper(last, next).upperClosed()));
            } else {
                merged.add(next);
            }
        }
        return new VersionSet<>(merged);
    }

    public List<Interval<V>> intervals() {
        return intervals;
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    public boolean isAll() {
        return intervals.size() == 1 && !intervals.get(0).hasLowerBound() && !intervals.get(0).hasUpperBound();
    }

    public boolean contains(V v) {
        for (Interval<V> i : intervals) {
            if (i.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** True when the set is bounded above: some version is larger than everything in it. */
    public boolean hasUpperBound() {
        return !intervals.isEmpty() && intervals.get(intervals.size() - 1).hasUpperBound();
    }

    /** The lowest interval, whose lower bound is the set's minimum; empty sets have none. */
    public Interval<V> first() {
        if (intervals.isEmpty()) {
            throw new IllegalStateException("empty version set");
        }
        return intervals.get(0);
    }

    /** The highest interval, whose upper bound is the set's supremum; empty sets have none. */
    public Interval<V> last() {
        if (intervals.isEmpty()) {
            throw new IllegalStateException("empty version set");
        }
        return intervals.get(intervals.size() - 1);
    }

    public VersionSet<V> union(VersionSet<V> other) {
        List<Interval<V>> all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return of(all);
    }

    public VersionSet<V> intersect(VersionSet<V> other) {
        List<Interval<V>> out = new ArrayList<>();
        for (Interval<V> a : intervals) {
            for (Interval<V> b : other.intervals) {
                Interval<V> lo = compareLower(a, b) >= 0 ? a : b;
                Interval<V> hi = compareUpper(a, b) <= 0 ? a : b;
                out.add(new Interval<>(lo.lower(), lo.lowerClosed(), hi.upper(), hi.upperClosed()));
            }
        }
        return of(out);
    }

    public VersionSet<V> complement() {
        List<Interval<V>> out = new ArrayList<>();
        V lower = null;
        boolean lowerClosed = false;
        boolean unboundedBelow = true;
        for (Interval<V> i : intervals) {
            if (i.hasLowerBound()) {
                out.add(new Interval<>(unboundedBelow ? null : lower, lowerClosed, i.lower(), !i.lowerClosed()));
            }
            if (!i.hasUpperBound()) {
                return of(out);
            }
            lower = i.upper();
            lowerClosed = !i.upperClosed();
            unboundedBelow = false;
        }
        out.add(new Interval<>(unboundedBelow ? null : lower, lowerClosed, null, false));
        return of(out);
    }

    public VersionSet<V> minus(VersionSet<V> other) {
        return intersect(other.complement());
    }

    public boolean isSubsetOf(VersionSet<V> other) {
        return minus(other).isEmpty();
    }

    public boolean intersects(VersionSet<V> other) {
        return !intersect(other).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionSet<?> s && s.intervals.equals(intervals);
    }

    @Override
    public int hashCode() {
        return intervals.hashCode();
    }

    @Override
    public String toString() {
        if (intervals.isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder();
        for (Interval<V> i : intervals) {
            if (sb.length() > 0) {
                sb.append(" ∪ ");
            }
            sb.append(i);
        }
        return sb.toString();
    }

    /** Orders intervals by where they start; an unbounded lower bound comes first. */
    private static <V extends Comparable<? super V>> int compareLower(Interval<V> a, Interval<V> b) {
        if (a.lower() == null || b.lower() == null) {
            return Boolean.compare(a.lower() != null, b.lower() != null);
        }
        int c = a.lower().compareTo(b.lower());
        return c != 0 ? c : Boolean.compare(!a.lowerClosed(), !b.lowerClosed());
    }

    /** Orders intervals by where they end; an unbounded upper bound comes last. */
    private static <V extends Comparable<? super V>> int compareUpper(Interval<V> a, Interval<V> b) {
        if (a.upper() == null || b.upper() == null) {
            return Boolean.compare(a.upper() == null, b.upper() == null);
        }
        int c = a.upper().compareTo(b.upper());
        return c != 0 ? c : Boolean.compare(a.upperClosed(), b.upperClosed());
    }

    private static <V extends Comparable<? super V>> Interval<V> maxUpper(Interval<V> a, Interval<V> b) {
        return compareUpper(a, b) >= 0 ? a : b;
    }

    /** True when {@code b}, which starts no earlier than {@code a}, overlaps or adjoins it. */
    private static <V extends Comparable<? super V>> boolean overlapsOrTouches(Interval<V> a, Interval<V> b) {
        if (a.upper() == null || b.lower() == null) {
            return true;
        }
        int c = b.lower().compareTo(a.upper());
        return c < 0 || (c == 0 && (a.upperClosed() || b.lowerClosed()));
    }
}
