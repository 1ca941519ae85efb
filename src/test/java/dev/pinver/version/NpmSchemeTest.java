package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables for the npm scheme. Expected canonical ranges and satisfies answers were produced by
 * node-semver 7 (npm's bundled copy); the ordering is SemVer 2.0's examples plus a few more,
 * checked with node-semver's {@code sort}.
 */
class NpmSchemeTest {

    private final NpmScheme npm = new NpmScheme();
    private final NpmScheme strict = new NpmScheme(false);

    private static NpmVersion v(String text) {
        return NpmVersion.parse(text);
    }

    @Test
    void ordersAsSemVer() {
        List<String> ascending = List.of("0.0.0-0", "0.0.0", "0.0.1", "0.9.9", "0.10.0", "0.99.0", "1.0.0-alpha",
                "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
                "1.0.0", "1.2.3-0", "1.2.3-9", "1.2.3-10", "1.2.3--", "1.2.3-1a", "1.2.3-a", "1.2.3", "2.0.0",
                "9007199254740991.0.0");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(v(ascending.get(i)).compareTo(v(ascending.get(j)))),
                        ascending.get(i) + " vs " + ascending.get(j));
            }
        }
    }

    @Test
    void buildMetadataIsIgnoredForOrderAndEquality() {
        NpmVersion a = v("1.2.3-beta+exp.sha.5114f85");
        NpmVersion b = v("1.2.3-beta+other");
        assertEquals(0, a.compareTo(b));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(List.of("exp", "sha", "5114f85"), a.build());
        assertEquals("1.2.3-beta", a.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.2.3;false;1.2.3",
        "v1.2.3;false;1.2.3",
        "'  1.2.3\t';false;1.2.3",
        "1.2.3-beta.01a.7;false;1.2.3-beta.01a.7",
        "=1.2.3;true;1.2.3",
        "'v= 1.2.3';true;1.2.3",
        "01.02.03;true;1.2.3",
        "1.2.3beta;true;1.2.3-beta",
        "1.2.3-007;true;1.2.3-7",
        "1.2.3-;true;1.2.3--",
    })
    void parsesVersions(String text, boolean loose, String normalised) {
        assertEquals(normalised, NpmVersion.parse(text, loose).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // text, loose, offset of the problem
        "1.2;false;3",
        "1.2.x;false;4",
        "1.2.3.4;false;5",
        "'  1.2.3x';false;7",
        "=1.2.3;false;0",
        "01.2.3;false;1",
        "1.2.3-01;false;8",
        "1.2.3-;false;6",
        "1.2.3+;false;6",
        "1.2.3-a..b;false;8",
        "9007199254740992.0.0;false;0",
        "1.9007199254740992.0;true;2",
        "1.2;true;3",
        "latest;true;0",
        "'';true;0",
    })
    void rejectsVersionsWithTheOffsetOfTheProblem(String text, boolean loose, int offset) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> NpmVersion.parse(text, loose));
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void rejectsVersionsLongerThanNodeSemverDoes() {
        String longest = "1.2.3-" + "a".repeat(250);
        assertEquals(256, longest.length());
        assertEquals(250, NpmVersion.parse(longest).prerelease().get(0).length());
        assertEquals(256, assertThrows(InvalidSpecException.class, () -> NpmVersion.parse(longest + "a")).offset());
    }

    @Test
    void releaseAndPrerelease() {
        NpmVersion pre = npm.parseVersion("0.46.0-rc.1");
        assertEquals(List.of(0, 46, 0), npm.release(pre));
        assertTrue(npm.isPrerelease(pre));
        assertFalse(npm.isPrerelease(npm.parseVersion("0.46.0+build")));
        assertEquals("0.46.0-0", npm.lowestOf(List.of(0, 46, 0)).toString());
        assertEquals("0.46.0", npm.finalRelease(List.of(0, 46, 0)).toString());
        assertEquals("2.0.0", npm.finalRelease(List.of(2)).toString());
        assertTrue(npm.lowestOf(List.of(0, 46, 0)).compareTo(pre) < 0);
        assertThrows(InvalidSpecException.class, () -> npm.release(npm.parseVersion("20240101120000.0.0")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // range | canonical | canonical with includePrerelease
        "^1.2.3;>=1.2.3 <2.0.0-0;>=1.2.3 <2.0.0-0",
        "^0.2.3;>=0.2.3 <0.3.0-0;>=0.2.3 <0.3.0-0",
        "^0.0.3;>=0.0.3 <0.0.4-0;>=0.0.3 <0.0.4-0",
        "^0.0;<0.1.0-0;<0.1.0-0",
        "^0;<1.0.0-0;<1.0.0-0",
        "^1.x;>=1.0.0 <2.0.0-0;>=1.0.0-0 <2.0.0-0",
        "^0.x;<1.0.0-0;<1.0.0-0",
        "^1.2.3-beta.2;>=1.2.3-beta.2 <2.0.0-0;>=1.2.3-beta.2 <2.0.0-0",
        "^0.0.3-beta;>=0.0.3-beta <0.0.4-0;>=0.0.3-beta <0.0.4-0",
        "~1.2.3;>=1.2.3 <1.3.0-0;>=1.2.3 <1.3.0-0",
        "~1.2;>=1.2.0 <1.3.0-0;>=1.2.0-0 <1.3.0-0",
        "~1;>=1.0.0 <2.0.0-0;>=1.0.0-0 <2.0.0-0",
        "~0.2;>=0.2.0 <0.3.0-0;>=0.2.0-0 <0.3.0-0",
        "~>1.2.3;>=1.2.3 <1.3.0-0;>=1.2.3 <1.3.0-0",
        "~1.2.3-beta.2;>=1.2.3-beta.2 <1.3.0-0;>=1.2.3-beta.2 <1.3.0-0",
        "1.x;>=1.0.0 <2.0.0-0;>=1.0.0-0 <2.0.0-0",
        "1.2.*;>=1.2.0 <1.3.0-0;>=1.2.0-0 <1.3.0-0",
        "*;*;*",
        "'';*;*",
        "x;*;*",
        "1;>=1.0.0 <2.0.0-0;>=1.0.0-0 <2.0.0-0",
        "1.2;>=1.2.0 <1.3.0-0;>=1.2.0-0 <1.3.0-0",
        "1.2.3 - 2.3.4;>=1.2.3 <=2.3.4;>=1.2.3-0 <2.3.5-0",
        "1.2 - 2.3.4;>=1.2.0 <=2.3.4;>=1.2.0-0 <2.3.5-0",
        "1.2.3 - 2.3;>=1.2.3 <2.4.0-0;>=1.2.3-0 <2.4.0-0",
        "1.2.3 - 2;>=1.2.3 <3.0.0-0;>=1.2.3-0 <3.0.0-0",
        ">=1.2.3 <2;>=1.2.3 <2.0.0-0;>=1.2.3 <2.0.0-0",
        ">1.2;>=1.3.0;>=1.3.0-0",
        "<=1.2;<1.3.0-0;<1.3.0-0",
        ">= 1.2.3;>=1.2.3;>=1.2.3",
        "'  ^1.2.3  ';>=1.2.3 <2.0.0-0;>=1.2.3 <2.0.0-0",
        "'\t~ 1.2';>=1.2.0 <1.3.0-0;>=1.2.0-0 <1.3.0-0",
        "1.2.3 || 2.x;1.2.3||>=2.0.0 <3.0.0-0;1.2.3||>=2.0.0-0 <3.0.0-0",
        "<1.0.0 || >=2.0.0-rc.1;<1.0.0||>=2.0.0-rc.1;<1.0.0||>=2.0.0-rc.1",
        "=1.2.3;1.2.3;1.2.3",
        "v1.2.3;1.2.3;1.2.3",
        ">*;<0.0.0-0;<0.0.0-0",
        "1.2.3 ||;*;*",
    })
    void desugarsRangesAsNodeSemver(String range, String canonical, String withPrereleases) {
        assertEquals(canonical, canonical(strict.parseRange(range, false)));
        assertEquals(canonical, canonical(npm.parseRange(range, false)));
        assertEquals(withPrereleases, canonical(strict.parseRange(range, true)));
    }

    private static String canonical(NpmRange r) {
        return r.toString().isEmpty() ? "*" : r.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // version | range | satisfies | with includePrerelease
        "1.2.4-beta;^1.2.3;false;true",
        "1.2.3-beta.3;^1.2.3-beta.2;true;true",
        "1.2.4-beta;^1.2.3-beta.2;false;true",
        "1.2.4-beta;>=1.2.3 <2.0.0-0;false;true",
        "2.0.0-0;<2.0.0;false;true",
        "1.0.0-rc.1;*;false;true",
        "0.46.0-beta;>=0.45.0 <0.46.0;false;true",
        "3.0.0-beta;1.2.3 || >=3.0.0-alpha.1;true;true",
        "3.0.0-alpha;1.2.3 || >=3.0.0-alpha.1;false;false",
        "1.2.3-beta;* || 1.2.3-beta;false;true",
        "0.45.9;^0.45.0;true;true",
        "0.46.0;^0.45.0;false;false",
    })
    void satisfiesWithNodeSemversPrereleaseRule(String version, String range, boolean plain, boolean withPre) {
        assertEquals(plain, npm.satisfies(v(version), range, false));
        assertEquals(withPre, npm.satisfies(v(version), range, true));
    }

    @Test
    void parseSpecGivesTheDesugaredIntervals() {
        assertEquals(VersionSet.of(Interval.halfOpen(v("0.45.0"), v("0.46.0-0"))), npm.parseSpec("^0.45.0"));
        assertEquals(VersionSet.of(Interval.halfOpen(v("1.2.3"), v("2.0.0-0"))), npm.parseSpec("^1.2.3"));
        assertEquals(VersionSet.of(Interval.halfOpen(v("0.0.3"), v("0.0.4-0"))), npm.parseSpec("^0.0.3"));
        assertEquals(VersionSet.of(Interval.lessThan(v("0.1.0-0"))), npm.parseSpec("^0.0"));
        assertEquals(VersionSet.of(new Interval<>(v("1.2.3"), true, v("2.3.4"), true)), npm.parseSpec("1.2.3 - 2.3.4"));
        assertEquals(VersionSet.of(Interval.lessThan(v("2.0.0"))), npm.parseSpec("<2.0.0"));
        assertEquals(VersionSet.of(List.of(Interval.exactly(v("1.2.3")), Interval.halfOpen(v("2.0.0"), v("3.0.0-0")))),
                npm.parseSpec("1.2.3 || 2.x"));
        assertTrue(npm.parseSpec("").isAll());
        assertTrue(npm.parseSpec("  ").isAll());
        assertTrue(npm.parseSpec("*").isAll());
        assertTrue(npm.parseSpec(">=0.0.0").isAll());
        assertTrue(npm.parseSpec(">=0.0.0-0").isAll());
        assertTrue(npm.parseSpec("<0.0.0-0").isEmpty());
        assertTrue(npm.parseSpec(">2.0.0 <1.0.0").isEmpty());
        assertTrue(npm.parseSpec("^0.45.0").contains(v("0.45.7-beta")), "intervals leave the pre-release rule out");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // from | to | CARET | TILDE | RANGE | EXACT
        "0.45.0;0.46.0;^0.45.0;~0.45.0;>=0.45.0 <0.46.0;0.45.0",
        "0.45.3;0.46.0;^0.45.3;~0.45.3;>=0.45.3 <0.46.0;0.45.3",
        "1.2.3;2.0.0;^1.2.3;;>=1.2.3 <2.0.0;1.2.3",
        "1.2.3;1.3.0;;~1.2.3;>=1.2.3 <1.3.0;1.2.3",
        "0.0.3;0.0.4;^0.0.3;;>=0.0.3 <0.0.4;0.0.3",
        "0.0.3;0.1.0;;~0.0.3;>=0.0.3 <0.1.0;0.0.3",
        "1.2.3;3.0.0;;;>=1.2.3 <3.0.0;1.2.3",
        "1.0.0-rc.1;2.0.0;^1.0.0-rc.1;;>=1.0.0-rc.1 <2.0.0;1.0.0-rc.1",
        "1.2.3+build;2.0.0;^1.2.3;;>=1.2.3 <2.0.0;1.2.3",
    })
    void formatsWindows(String from, String to, String caret, String tilde, String range, String exact) {
        assertEquals(Optional.ofNullable(caret), npm.formatWindow(v(from), v(to), SpecStyle.CARET));
        assertEquals(Optional.ofNullable(tilde), npm.formatWindow(v(from), v(to), SpecStyle.TILDE));
        assertEquals(Optional.of(range), npm.formatWindow(v(from), v(to), SpecStyle.RANGE));
        assertEquals(Optional.of(exact), npm.formatWindow(v(from), v(to), SpecStyle.EXACT));
        assertEquals(Optional.empty(), npm.formatWindow(v(from), v(to), SpecStyle.COMPATIBLE));
    }

    @Test
    void caretAndTildeWindowsParseBackToTheWindow() {
        for (String[] w : new String[][] {{"0.45.3", "0.46.0"}, {"1.2.3", "2.0.0"}, {"0.0.3", "0.0.4"}}) {
            VersionSet<NpmVersion> window = VersionSet.of(Interval.halfOpen(v(w[0]),
                    npm.lowestOf(npm.release(v(w[1])))));
            assertEquals(window, npm.parseSpec(npm.formatWindow(v(w[0]), v(w[1]), SpecStyle.CARET).orElseThrow()));
        }
        VersionSet<NpmVersion> tilde = npm.parseSpec(npm.formatWindow(v("0.45.3"), v("0.46.0"), SpecStyle.TILDE)
                .orElseThrow());
        assertEquals(VersionSet.of(Interval.halfOpen(v("0.45.3"), v("0.46.0-0"))), tilde);
    }

    @Test
    void openWindows() {
        assertEquals(Optional.of(">=0.45.0"), npm.formatWindow(v("0.45.0"), null, SpecStyle.RANGE));
        assertEquals(Optional.empty(), npm.formatWindow(v("0.45.0"), null, SpecStyle.CARET));
        assertEquals(Optional.empty(), npm.formatWindow(v("0.45.0"), null, SpecStyle.TILDE));
        assertEquals(Optional.of("0.45.0"), npm.formatWindow(v("0.45.0"), null, SpecStyle.EXACT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // range | loose | offset of the offending comparator
        "^1.2.3 foo;false;7",
        "1.2.3 || >=2.0.0 <x.y;false;17",
        "'  >= 1.2.3 junk';false;11",
        "latest;true;0",
        "'  github:foo/bar';true;2",
        "1.x.5;false;0",
        "^9007199254740991.0.0;false;0",
        "=1.2.3 - 2;false;0",
    })
    void rejectsRangesWithTheOffsetOfTheProblem(String range, boolean loose, int offset) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new NpmScheme(loose).parseRange(range, false));
        assertEquals(offset, e.offset(), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> new NpmScheme(loose).satisfies(v("1.2.3"), range, false));
    }

    @Test
    void looseModeDropsWhatItCannotReadAsNpmDoes() {
        assertEquals("1.2.3", npm.parseRange("foo 1.2.3", false).toString());
        assertThrows(InvalidSpecException.class, () -> strict.parseRange("foo 1.2.3", false));
        assertEquals(">=0.2.3 <1.0.0-0", npm.parseRange("^00.2.3", false).toString());
    }

    @Test
    void refusesOverlongRanges() {
        String tooLong = "1.2.3 || ".repeat(120);
        assertEquals(NpmRangeParser.MAX_RANGE_LENGTH,
                assertThrows(InvalidSpecException.class, () -> npm.parseSpec(tooLong)).offset());
    }

    @Test
    void junkOnlyEverThrowsInvalidSpecException() {
        Random random = new Random(7);
        String alphabet = "0123456789.-+vxX=*^~<> |\tab";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            for (NpmScheme scheme : List.of(npm, strict)) {
                try {
                    scheme.parseSpec(text);
                    scheme.parseVersion(text);
                } catch (InvalidSpecException e) {
                    assertTrue(e.offset() >= 0 && e.offset() <= text.length(), text + ": " + e.offset());
                } catch (RuntimeException e) {
                    fail("'" + text + "' threw " + e);
                }
            }
        }
    }

    @Test
    void schemeBasics() {
        assertEquals("npm semver", npm.name());
        assertTrue(npm.loose());
        assertFalse(strict.loose());
        assertThrows(InvalidSpecException.class, () -> strict.parseVersion("=1.2.3"));
        assertEquals(v("1.2.3"), npm.parseVersion("=1.2.3"));
        assertNotEquals(v("1.2.3"), v("1.2.3-0"));
    }
}
