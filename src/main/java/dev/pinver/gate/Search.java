package dev.pinver.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The two searches of the gate, assuming monotonic outcomes: a version that passes means every older one
 * passes; a set of members that passes means every subset passes.
 */
final class Search {

    private Search() {
    }

    /**
     * The index of the newest passing candidate among {@code count} ordered oldest first, or -1 when none
     * passes. The newest is tested first; after it fails, a binary search over the others, so at most
     * ⌈log2 count⌉ + 1 tests.
     */
    static int newestPassing(int count, IntPredicate passes) {
        if (count == 0) {
            return -1;
        }
        if (passes.test(count - 1)) {
            return count - 1;
        }
        int good = -1;
        int bad = count - 1;
        while (bad - good > 1) {
            int mid = Math.floorDiv(good + bad, 2);
            if (passes.test(mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    /** The members that break a set, and the rest, which passes together (or is empty). */
    record Split<T>(List<T> rest, List<T> breakers) {
    }

    /**
     * Splits {@code members}, which fail together, into the breakers and the rest. Each round binary-searches
     * the shortest failing prefix of the remaining members (the empty set passes: it is the baseline); its
     * last member is a breaker and is left out. Prefixes known to pass stay known across rounds, and the
     * rest is tested again only when it is not such a prefix.
     */
    static <T> Split<T> split(List<T> members, Predicate<List<T>> passes) {
        List<T> rest = new ArrayList<>(members);
        List<T> breakers = new ArrayList<>();
        int passing = 0;
        while (true) {
            int failing = rest.size();
            while (failing - passing > 1) {
                int mid = (passing + failing) / 2;
                if (passes.test(List.copyOf(rest.subList(0, mid)))) {
                    passing = mid;
                } else {
                    failing = mid;
                }
            }
            breakers.add(rest.remove(failing - 1));
            if (rest.size() == passing || passes.test(List.copyOf(rest))) {
                return new Split<>(List.copyOf(rest), List.copyOf(breakers));
            }
        }
    }
}
