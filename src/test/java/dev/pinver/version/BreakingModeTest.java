package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The next breaking release per mode, and the PEP 440 window it gives. */
class BreakingModeTest {

    private static final Pep440Scheme PEP440 = new Pep440Scheme();

    @TestFactory
    Stream<DynamicTest> nextBreaking() {
        return Stream.of(
                new Object[] {BreakingMode.SEMVER_0X, "0.45.3", "0.46.0"},
                new Object[] {BreakingMode.SEMVER_0X, "1.4.2", "2.0.0"},
                new Object[] {BreakingMode.SEMVER_0X, "0.0.7", "0.0.8"},
                new Object[] {BreakingMode.SEMVER_0X, "0.45", "0.46.0"},
                new Object[] {BreakingMode.SEMVER_0X, "2", "3.0.0"},
                new Object[] {BreakingMode.SEMVER_0X, "0.0.0", "0.0.1"},
                new Object[] {BreakingMode.SEMVER_0X, "1.2.3.4", "2.0.0"},
                new Object[] {BreakingMode.SEMVER, "0.45.3", "1.0.0"},
                new Object[] {BreakingMode.SEMVER, "1.4.2", "2.0.0"},
                new Object[] {BreakingMode.EVERY, "0.45.3", "0.45.4"},
                new Object[] {BreakingMode.EVERY, "1.2", "1.2.1"},
                new Object[] {BreakingMode.EVERY, "1.2.3.4", "1.2.3.5"},
                new Object[] {BreakingMode.CALVER, "2024.1.15", null})
                .map(c -> dynamicTest(c[0] + " " + c[1] + " → " + c[2], () -> {
                    BreakingMode mode = (BreakingMode) c[0];
                    Optional<List<Integer>> next = mode.nextBreaking(PEP440.release(PEP440.parseVersion((String) c[1])));
                    assertEquals(Optional.ofNullable((String) c[2]), next.map(r -> PEP440.finalRelease(r).toString()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> windowsWrittenAsRanges() {
        return Stream.of(
                new String[] {"0.45.3", ">=0.45.3,<0.46.0"},
                new String[] {"1.4.2", ">=1.4.2,<2.0.0"},
                new String[] {"0.0.7", ">=0.0.7,<0.0.8"})
                .map(c -> dynamicTest(c[0], () -> {
                    Pep440Version from = PEP440.parseVersion(c[0]);
                    Pep440Version to = PEP440.finalRelease(
                            BreakingMode.SEMVER_0X.nextBreaking(PEP440.release(from)).orElseThrow());
                    assertEquals(Optional.of(c[1]), PEP440.formatWindow(from, to, SpecStyle.RANGE));
                }));
    }

    @TestFactory
    Stream<DynamicTest> idsRoundTrip() {
        return Stream.of(BreakingMode.values()).map(m -> dynamicTest(m.id(),
                () -> assertEquals(Optional.of(m), BreakingMode.fromId(m.id().toUpperCase()))));
    }
}
