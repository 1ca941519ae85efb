package dev.pinver.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTest {

    /** ⌈log2 n⌉ for n ≥ 1, by counting doublings. */
    private static int ceilLog2(int n) {
        int bits = 0;
        while ((1 << bits) < n) {
            bits++;
        }
        return bits;
    }

    @Test
    void findsTheNewestPassingCandidateWithinCeilLog2NPlusOneTests() {
        for (int n = 1; n <= 33; n++) {
            int worst = 0;
            for (int passing = 0; passing <= n; passing++) {
                int firstFailing = passing;
                AtomicInteger tests = new AtomicInteger();
                int found = Search.newestPassing(n, i -> {
                    tests.incrementAndGet();
                    return i < firstFailing;
                });
                assertEquals(passing - 1, found, n + " candidates, " + passing + " passing");
                assertTrue(tests.get() <= ceilLog2(n) + 1, n + " candidates, " + passing + " passing: " + tests + " tests");
                worst = Math.max(worst, tests.get());
            }
            assertEquals(ceilLog2(n) + 1, worst, "the bound is reached for " + n + " candidates");
        }
    }

    @ParameterizedTest(name = "{0} candidates, {1} passing: {2}")
    @CsvSource({
        "8, 2, '7 3 1 2'",
        "8, 8, '7'",
        "8, 0, '7 3 1 0'",
        "5, 2, '4 1 2'",
        "1, 0, '0'",
        "2, 1, '1 0'",
    })
    void testsTheNewestThenBisects(int n, int passing, String order) {
        List<Integer> tested = new ArrayList<>();
        Search.newestPassing(n, i -> {
            tested.add(i);
            return i < passing;
        });
        assertEquals(order, String.join(" ", tested.stream().map(String::valueOf).toList()));
    }

    @ParameterizedTest(name = "{0} members, breakers {1}")
    @CsvSource({
        "3, '1', 3",
        "3, '0', 2",
        "3, '2', 2",
        "4, '0 1 2 3', 7",
        "6, '1 4', 7",
        "8, '7', 3",
        "5, '0 4', 5",
    })
    void splitsOutTheBreakersAndKeepsTheRestTogether(int n, String breakers, int expectedTests) {
        Set<Integer> breaking = new java.util.HashSet<>();
        for (String b : breakers.split(" ")) {
            breaking.add(Integer.parseInt(b));
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(i);
        }
        AtomicInteger tests = new AtomicInteger();
        Search.Split<Integer> split = Search.split(members, set -> {
            tests.incrementAndGet();
            return set.stream().noneMatch(breaking::contains);
        });
        assertEquals(breaking.stream().sorted().toList(), split.breakers().stream().sorted().toList());
        assertEquals(members.stream().filter(m -> !breaking.contains(m)).toList(), split.rest());
        assertEquals(expectedTests, tests.get());
    }
}
