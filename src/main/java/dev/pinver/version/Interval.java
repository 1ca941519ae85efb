package dev.pinver.version;

import java.util.Objects;

/**
 * A contiguous range of versions. A {@code null} bound is unbounded on that side; {@code closed}
 * says whether the bound itself belongs to the interval.
 */
public record Interval<V extends Comparable<? super V>>(V lower, boolean lowerClosed, V upper, boolean upperClosed) {

    public static <V extends Comparable<? super V>> Interval<V> all() {
        return new Interval<>(null, false, null, false);
    }

    public static <V extends Comparable<? super V>> Interval<V> exactly(V v) {
        return new Interval<>(Objects.requireNonNull(v), true, v, true);
    }

    public static <V extends Comparable<? super V>> Interval<V> atLeast(V v) {
        return new Interval<>(Objects.requireNonNull(v), true, null, false);
    }

    public static <V extends Comparable<? super V>> Interval<V> greaterThan(V v) {
        return new Interval<>(Objects.requireNonNull(v), false, null, false);
    }

    public static <V extends Comparable<? super V>> Interval<V> atMost(V v) {
        return new Interval<>(null, false, Objects.requireNonNull(v), true);
    }

    public static <V extends Comparable<? super V>> Interval<V> lessThan(V v) {
        return new Interval<>(null, false, Objects.requireNonNull(v), false);
    }

    /** {@code [lower, upper)}: the usual shape of a compatibility window. */
    public static <V extends Comparable<? super V>> Interval<V> halfOpen(V lower, V upper) {
        return new Interval<>(Objects.requireNonNull(lower), true, Objects.requireNonNull(upper), false);
    }

    public boolean isEmpty() {
        if (lower == null || upper == null) {
            return false;
        }
        int c = lower.compareTo(upper);
        return c > 0 || (c == 0 && !(lowerClosed && upperClosed));
    }

    public boolean contains(V v) {
        if (lower != null) {
            int c = v.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerClosed)) {
                return false;
            }
        }
        if (upper != null) {
            int c = v.compareTo(upper);
            return c < 0 || (c == 0 && upperClosed);
        }
        return true;
    }

    public boolean hasLowerBound() {
        return lower != null;
    }

    public boolean hasUpperBound() {
        return upper != null;
    }

    @Override
    public String toString() {
        return (lowerClosed ? "[" : "(") + (lower == null ? "" : lower) + ", "
                + (upper == null ? "" : upper) + (upperClosed ? "]" : ")");
    }
}
