package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * PEP 440 as a {@link VersionScheme}: specs as interval sets (the bounds are those of packaging's
 * own range translation, with the exclusive-ordered rules of PEP 440), window arithmetic and
 * formatting, and the questions the policy asks.
 */
class Pep440SchemeTest {

    private static final Pep440Scheme PEP440 = new Pep440Scheme();

    private static Pep440Version v(String text) {
        return PEP440.parseVersion(text);
    }

    @TestFactory
    Stream<DynamicTest> specsAsIntervals() {
        return Stream.of(
                new String[] {"", "(, )"},
                new String[] {">=1.0", "[1.0, )"},
                new String[] {"<2.0", "(, 2.0.dev0)"},
                new String[] {"<2.0rc1", "(, 2.0rc1)"},
                new String[] {"<2.0.post1", "(, 2.0.post1.dev0)"},
                new String[] {"<=2.0", "(, 2.0.post0.dev0)"},
                new String[] {"<=2.0.dev3", "(, 2.0.dev4)"},
                new String[] {">1.0", "(1.0.post∞, )"},
                new String[] {">1.0a1", "[1.0a2.dev0, )"},
                new String[] {">1.0.post2", "[1.0.post3.dev0, )"},
                new String[] {">1.0.dev2", "[1.0.dev3, )"},
                new String[] {"==1.2.*", "[1.2.dev0, 1.3.dev0)"},
                new String[] {"!=1.2.*", "(, 1.2.dev0) ∪ [1.3.dev0, )"},
                new String[] {"~=1.4.5", "[1.4.5, 1.5.dev0)"},
                new String[] {"~=1.4", "[1.4, 2.dev0)"},
                new String[] {"==1.0", "[1.0, 1.0.post0.dev0)"},
                new String[] {"==1.0+abc", "[1.0+abc, 1.0+abc]"},
                new String[] {"!=1.0", "(, 1.0) ∪ [1.0.post0.dev0, )"},
                new String[] {"===1.0", "[1.0, 1.0]"},
                new String[] {"===foobar", "{}"},
                new String[] {" >= 1.0 , != 1.5.* , < 2 ", "[1.0, 1.5.dev0) ∪ [1.6.dev0, 2.dev0)"},
                new String[] {"<0.dev0", "{}"},
                new String[] {"!=0.dev0,<0.dev1", "{}"},
                new String[] {">1.0,<=1.0.post5", "{}"},
                new String[] {">1.0a1,<1.0a2.dev0", "{}"})
                .map(c -> dynamicTest("'" + c[0] + "' → " + c[1],
                        () -> assertEquals(c[1], PEP440.parseSpec(c[0]).toString())));
    }

    @Test
    void postReleaseBoundaryOrdersBetweenPostsAndTheNextRelease() {
        VersionSet<Pep440Version> above = PEP440.parseSpec(">1.0");
        for (String no : List.of("1.0", "1.0+local", "1.0.post0.dev0", "1.0.post7", "1.0.0.post99+x", "1.0rc1", "0.9")) {
            assertFalse(above.contains(v(no)), no);
        }
        for (String yes : List.of("1.0.0.1.dev0", "1.0.0.0.0.1", "1.0.1", "1.1a1", "1!0.1")) {
            assertTrue(above.contains(v(yes)), yes);
        }
        assertEquals("(, 1.0.post∞]", above.complement().toString());
    }

    @Test
    void releaseNumbersAndEdges() {
        assertEquals(List.of(0, 45, 3), PEP440.release(v("0.45.3rc1")));
        assertEquals(List.of(2, 0), PEP440.release(v("1!2.0.post1+x")));
        assertEquals("0.46.0", PEP440.finalRelease(List.of(0, 46, 0)).toString());
        assertEquals("0.46.0.dev0", PEP440.lowestOf(List.of(0, 46, 0)).toString());
        assertTrue(PEP440.lowestOf(List.of(0, 46, 0)).compareTo(v("0.46.0a0.dev0")) < 0);
        assertTrue(PEP440.isPrerelease(v("1.0.dev0")));
        assertFalse(PEP440.isPrerelease(v("1.0.post1")));
        InvalidSpecException tooLarge = assertThrows(InvalidSpecException.class,
                () -> PEP440.release(v("1!2.20240101123456")));
        assertEquals(4, tooLarge.offset());
    }

    @Test
    void numbersAreUnbounded() {
        Pep440Version big = v("1.0.dev123456789012345678901234567890");
        assertTrue(big.compareTo(v("1.0.dev123456789012345678901234567889")) > 0);
        assertEquals("1.0.dev123456789012345678901234567890", big.toString());
    }

    @TestFactory
    Stream<DynamicTest> badInputReportsItsOffset() {
        return Stream.of(
                new Object[] {"1.0 a1", 3, false},
                new Object[] {"  1..0", 3, false},
                new Object[] {"1.0+", 4, false},
                new Object[] {"", 0, false},
                new Object[] {">=1.0,<2.0+local", 10, true},
                new Object[] {">=1.0,=>2.0", 6, true},
                new Object[] {"~=1", 2, true},
                new Object[] {">=1.*", 3, true},
                new Object[] {">=1.0, ==1.0a1.*", 12, true},
                new Object[] {"==1.0,>=1.0 x", 11, true})
                .map(c -> dynamicTest("'" + c[0] + "'", () -> {
                    String text = (String) c[0];
                    InvalidSpecException e = assertThrows(InvalidSpecException.class,
                            () -> {
                                if ((Boolean) c[2]) {
                                    PEP440.parseSpec(text);
                                } else {
                                    PEP440.parseVersion(text);
                                }
                            });
                    assertEquals(c[1], e.offset(), e.getMessage());
                }));
    }

    @TestFactory
    Stream<DynamicTest> formatWindow() {
        return Stream.of(
                new Object[] {"0.45.0", "0.46.0", SpecStyle.RANGE, ">=0.45.0,<0.46.0"},
                new Object[] {"0.45.0", null, SpecStyle.RANGE, ">=0.45.0"},
                new Object[] {"0.45.3", "0.46.0", SpecStyle.COMPATIBLE, "~=0.45.3"},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.COMPATIBLE, "~=0.45.0"},
                new Object[] {"1.2.0", "2.0.0", SpecStyle.COMPATIBLE, "~=1.2"},
                new Object[] {"1", "2", SpecStyle.COMPATIBLE, "~=1.0"},
                new Object[] {"1.2.3", "2.0.0", SpecStyle.COMPATIBLE, null},
                new Object[] {"0.0.7", "0.0.8", SpecStyle.COMPATIBLE, null},
                new Object[] {"0.45.3", null, SpecStyle.COMPATIBLE, null},
                new Object[] {"0.45.3", "0.46.0rc1", SpecStyle.COMPATIBLE, null},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.EXACT, "==0.45.0"},
                new Object[] {"0.45.0", null, SpecStyle.EXACT, "==0.45.0"},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.CARET, null},
                new Object[] {"0.45.0", "0.46.0", SpecStyle.TILDE, null},
                new Object[] {"0.45.0+local", "0.46.0", SpecStyle.RANGE, null})
                .map(c -> dynamicTest(c[2] + " " + c[0] + " → " + c[1], () -> {
                    Pep440Version from = v((String) c[0]);
                    Pep440Version to = c[1] == null ? null : v((String) c[1]);
                    Optional<String> written = PEP440.formatWindow(from, to, (SpecStyle) c[2]);
                    assertEquals(Optional.ofNullable((String) c[3]), written);
                    if (written.isPresent() && c[2] != SpecStyle.EXACT) {
                        VersionSet<Pep440Version> window = VersionSet.of(to == null ? Interval.atLeast(from)
                                : Interval.halfOpen(from, PEP440.lowestOf(PEP440.release(to))));
                        assertEquals(window, PEP440.parseSpec(written.get()), "reads back as the window");
                    }
                }));
    }

    /**
     * The policy's question for window 0.45 (semver-0x): does the spec admit anything from the
     * next breaking release's first pre-release on?
     */
    @TestFactory
    Stream<DynamicTest> tooWideForWindow045() {
        Pep440Version from = v("0.45.0");
        Pep440Version edge = PEP440.lowestOf(BreakingMode.SEMVER_0X.nextBreaking(PEP440.release(from)).orElseThrow());
        VersionSet<Pep440Version> beyond = VersionSet.of(Interval.atLeast(edge));
        return Stream.of(
                new Object[] {">=0.45,<1.0", true},
                new Object[] {"~=0.45", true},
                new Object[] {">=0.45", true},
                new Object[] {"", true},
                new Object[] {"!=0.46.0", true},
                new Object[] {">0.45", true},
                new Object[] {"<0.46.0rc1", true},
                new Object[] {"<=0.46.0.dev0", true},
                new Object[] {"<0.46.post1", true},
                new Object[] {"~=0.45.0", false},
                new Object[] {">=0.45.0,<0.46.0", false},
                new Object[] {"<0.46", false},
                new Object[] {"==0.45.*", false},
                new Object[] {"==0.45.3", false},
                new Object[] {"===0.45.0", false},
                new Object[] {">=0.45.0,<0.46.0.dev0", false},
                new Object[] {"<0.45.99999", false})
                .map(c -> dynamicTest(c[0] + (((Boolean) c[1]) ? " is too wide" : " stays in the window"),
                        () -> assertEquals(c[1], PEP440.parseSpec((String) c[0]).intersects(beyond))));
    }
}
