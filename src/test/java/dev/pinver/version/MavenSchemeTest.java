package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.VersionConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table tests for Maven versions and {@code <version>} specs; Resolver is the oracle where one exists. */
class MavenSchemeTest {

    private final MavenScheme scheme = new MavenScheme();

    private MavenVersion v(String text) {
        return scheme.parseVersion(text);
    }

    private static List<Integer> ints(String dotted) {
        return dotted.isEmpty() ? List.of() : Arrays.stream(dotted.split("\\.")).map(Integer::valueOf).toList();
    }

    // ---- parsing versions

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|0",
        "LATEST|0",
        "RELEASE|0",
        "\" 1.0\"|0",
        "\"1.0 \"|3",
        "1.0 beta|3",
        "${project.version}|0",
        "1.0-${revision}|4",
        "1.0]|3",
        "[1.0]|0",
        "1.0,2.0|3",
        "1/0|1",
        "1.0:2|3",
        "1.0*|3",
    })
    void refusesWhatCannotBeAPublishedVersion(String text, int offset) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> v(text));
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void keepsTheOriginalTextAndOrdersLikeResolver() throws Exception {
        MavenVersion a = v("1.0.0-GA");
        assertEquals("1.0.0-GA", a.toString());
        assertEquals(v("1"), a);
        assertEquals(v("1").hashCode(), a.hashCode());
        assertEquals(0, a.compareTo(v("1.0")));
        assertTrue(v("1.0-SNAPSHOT").compareTo(a) < 0);
        assertEquals(new GenericVersionScheme().parseVersion("1.0.0-GA"), a.resolverVersion());
    }

    // ---- release numbers

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3-beta-1|1.2.3",
        "1.2.3|1.2.3",
        "0.45.0|0.45.0",
        "2.0.0.M1|2.0.0",
        "2.0.0-M1|2.0.0",
        "1.0-1|1.0.1",
        "1.0a1|1.0",
        "1alpha10|1",
        "31.1-jre|31.1",
        "5.3.0.RELEASE|5.3.0",
        "9.4.51.v20230217|9.4.51",
        "..1|0.0.1",
        "1..1|1.0.1",
        "01.002|1.2",
        "1_2_3|1.2.3",
        "1.0-SNAPSHOT|1.0",
        "1.0.20101206.111434.1|1.0.20101206.111434.1",
        "1.12345678901.2|1",
        "A.rc.1|''",
        "\u0662.\u0663|2.3",
    })
    void releaseIsTheLeadingNumbersAsResolverSplitsThem(String text, String release) {
        assertEquals(ints(release), scheme.release(v(text)));
    }

    // ---- pre-releases and snapshots

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // version | pre-release | snapshot | sorts below its plain release
        "1.0-alpha-1|true|false|true",
        "1.0-alpha|true|false|true",
        "1.0.alpha|true|false|true",
        "1.0-ALPHA1|true|false|true",
        "1.0-a1|true|false|true",
        "1.0a1|true|false|true",
        "1.0-b2|true|false|true",
        "1.0-beta|true|false|true",
        "2.0.0.M1|true|false|true",
        "1.0-m1|true|false|true",
        "1.0-milestone-1|true|false|true",
        "1.0-rc-1|true|false|true",
        "1.0.RC1|true|false|true",
        "1.0-CR2|true|false|true",
        "6.1.0rc3|true|false|true",
        "1-alpha2snapshot|true|false|true",
        "1.0-SNAPSHOT|true|true|true",
        "1.0-snapshot|true|false|true",
        "1.0SNAPSHOT|true|true|true",
        "1.0-RC1-SNAPSHOT|true|true|true",
        "1.0-sp-1-SNAPSHOT|true|true|false",
        "1.0-20240131.235959-7|true|true|false",
        "20240131.235959-7|true|true|false",
        "1.0|false|false|false",
        "1.0-a|false|false|false",
        "1.0.a.1|false|false|false",
        "1.0a-1|false|false|false",
        "1.0-jre|false|false|false",
        "5.3.0.RELEASE|false|false|false",
        "1.0.Final|false|false|false",
        "1.0-ga|false|false|false",
        "1.0-sp1|false|false|false",
        "1.0-1|false|false|false",
        "1.0-arc|false|false|false",
        "1.0-alphabet|false|false|false",
        "1.0-preview|false|false|false",
        "9.4.51.v20230217|false|false|false",
        "1.0x20240131.235959-7|false|false|false",
        "1.0-2024013.235959-7|false|false|false",
    })
    void preReleasesAndSnapshots(String text, boolean prerelease, boolean snapshot, boolean belowRelease) {
        MavenVersion version = v(text);
        assertEquals(prerelease, scheme.isPrerelease(version), "isPrerelease");
        assertEquals(snapshot, version.isSnapshot(), "isSnapshot");
        assertEquals(new DefaultArtifact("g:a:" + text).isSnapshot(), version.isSnapshot(), "Resolver's Artifact.isSnapshot");
        MavenVersion plain = scheme.finalRelease(version.release());
        assertEquals(belowRelease, version.compareTo(plain) < 0, "order against " + plain);
    }

    @Test
    void snapshotsAreWhatResolverCallsSnapshots() {
        String[] pieces = {"1", "0", "7", ".", "-", "20240131", "2024013", "235959", "23595", "SNAPSHOT", "a", "x"};
        Random random = new Random(42);
        int snapshots = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean expected = new DefaultArtifact("g:a:" + text).isSnapshot();
            assertEquals(expected, v(text.toString()).isSnapshot(), text.toString());
            snapshots += expected ? 1 : 0;
        }
        assertTrue(snapshots > 500, "the generated versions hold too few snapshots to test: " + snapshots);
    }

    // ---- specs

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[1.0,2.0)|[1.0, 2.0)",
        "[1.0,)|[1.0, )",
        "(,1.0]|(, 1.0]",
        "[1.5]|[1.5, 1.5]",
        "(,1.0],[1.2,)|(, 1.0] ∪ [1.2, )",
        "[1.2.*]|[1.2.min, 1.2.max]",
        "[ 1.2.* ]|[1.2.min, 1.2.max]",
        "1.0|[1.0, 1.0]",
        "1.0-SNAPSHOT|[1.0-SNAPSHOT, 1.0-SNAPSHOT]",
        "\"\"|(, )",
        "\"  \"|(, )",
        "LATEST|(, )",
        "RELEASE|(, )",
        "[,]|(, )",
        "(,)|(, )",
        "[ 1.0 , 2.0 )|[1.0, 2.0)",
        "\" [1.0,2.0) \"|[1.0, 2.0)",
        "[1.0,2.0)[3.0,4.0]|[1.0, 2.0) ∪ [3.0, 4.0]",
        "[1.0,2.0), [3.0,4.0]|[1.0, 2.0) ∪ [3.0, 4.0]",
        "[1.0,2.0),|[1.0, 2.0)",
        "[3.0,4.0],[1.0,2.0)|[1.0, 2.0) ∪ [3.0, 4.0]",
        "[1.0,2.0),[1.5,3.0]|[1.0, 3.0]",
        "[1.0,2.0),[2.0,3.0)|[1.0, 3.0)",
        "(1.0,2.0),(2.0,3.0)|(1.0, 2.0) ∪ (2.0, 3.0)",
        "[1.0,1.0)|{}",
        "[0.45.0,0.46.min)|[0.45.0, 0.46.min)",
    })
    void specsBecomeVersionSets(String spec, String set) {
        assertEquals(set, scheme.parseSpec(spec).toString());
    }

    /** Every range spec admits exactly the versions Resolver's own constraint admits. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[1.0,2.0)", "[1.0,)", "(,1.0]", "[1.5]", "(,1.0],[1.2,)", "[1.2.*]", "[ 1.0 , 2.0 )",
        "[1.0,2.0)[3.0,4.0]", "[1.0,2.0),[1.5,3.0]", "(1.0,2.0),(2.0,3.0)", "[1.0,1.0)", "(,)",
        "[1.0-SNAPSHOT,2.0-alpha-1]", "(1.0.RELEASE,2.0.0.Final]", "1.2", "1.0-SNAPSHOT",
    })
    void rangesAdmitWhatResolverAdmits(String spec) throws Exception {
        VersionConstraint oracle = new GenericVersionScheme().parseVersionConstraint(spec);
        VersionSet<MavenVersion> set = scheme.parseSpec(spec);
        for (String probe : List.of("0.9", "1.0-SNAPSHOT", "1.0", "1.0.1", "1.1-alpha-1", "1.2-SNAPSHOT", "1.2",
                "1.2.5", "1.2.max", "1.3-rc-1", "1.5", "2.0-alpha-1", "2.0-SNAPSHOT", "2.0", "2.0.1", "2.5", "3.0",
                "3.0-1", "3.5", "4.0", "4.0-sp", "4.1")) {
            MavenVersion version = v(probe);
            assertEquals(oracle.containsVersion(version.resolverVersion()), set.contains(version), spec + " ∋ " + probe);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[1.0|0",
        "(1.0|0",
        "[1,2,3]|0",
        "(1,2,3)|0",
        "(1.0]|0",
        "[2.0,1.0]|0",
        "[1.0,2.0)x|9",
        "[1.0,2.0),[3.0|10",
        "[1.0,2.0) ,x|11",
        "1.0]|3",
        "1.0)|3",
        "1.0 beta|3",
        "1.0,2.0|3",
        "${project.version}|0",
        "[${a},2.0)|1",
        "[1.0, 2 0)|7",
        "[]|1",
        "[ ]|2",
        "\"  [1.0\"|2",
        "\"  1.0 x\"|5",
        "[LATEST,)|1",
        "latest]|6",
        "[1.0/2]|4",
    })
    void badSpecsReportWhere(String spec, int offset) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> scheme.parseSpec(spec));
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void metaVersionsAreNamedAndAdmitEverything() {
        assertTrue(scheme.isMovingTag("LATEST"));
        assertTrue(scheme.isMovingTag(" RELEASE "));
        assertFalse(scheme.isMovingTag("latest"), "Maven compares the words case-sensitively");
        assertFalse(scheme.isMovingTag("1.0"));
        assertFalse(scheme.isMovingTag("[1.0,)"));
        assertTrue(scheme.parseSpec("LATEST").isAll());
        assertTrue(scheme.parseSpec("RELEASE").isAll());
        assertEquals("[latest, latest]", scheme.parseSpec("latest").toString());
    }

    // ---- release edges

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.46.0|0.46.min",
        "1.0.0|1.min",
        "0.0.0|0.min",
        "0.0.7|0.0.7.min",
        "2.1|2.1.min",
        "3|3.min",
        "1.0.0.1|1.0.0.1.min",
    })
    void lowestOfUsesResolversMinSegment(String release, String lowest) {
        MavenVersion bound = scheme.lowestOf(ints(release));
        assertEquals(lowest, bound.toString());
        assertEquals(scheme.finalRelease(ints(release)), scheme.finalRelease(bound.release()), "same release up to trailing zeros");
    }

    @Test
    void lowestOfSortsBelowEveryVersionOfTheReleaseAndAboveEveryEarlierOne() {
        MavenVersion edge = scheme.lowestOf(List.of(0, 46, 0));
        for (String inside : List.of("0.46.0-alpha-alpha", "0.46.0-alpha-SNAPSHOT", "0.46.0-alpha", "0.46.0-a1",
                "0.46-alpha-1", "0.46.0-beta-2", "0.46.0-M1", "0.46.0-rc-1", "0.46.0-SNAPSHOT", "0.46", "0.46.0",
                "0.46-0", "0.46.0.0-alpha", "0.46.0-sp-1", "0.46.0-1", "0.46.0.1-alpha", "0.46.0-xyz")) {
            assertTrue(edge.compareTo(v(inside)) < 0, edge + " < " + inside);
        }
        for (String before : List.of("0.45", "0.45.99", "0.45.99-sp-1", "0.45.99-xyz", "0.45.99.1-SNAPSHOT",
                "0.45.max", "0.45.99999999999999999999", "0.45-zzz", "0.45.min")) {
            assertTrue(edge.compareTo(v(before)) > 0, edge + " > " + before);
        }
    }

    @Test
    void noPlainSpellingIsTheLowestOfARelease() {
        assertTrue(v("0.46.0-alpha-SNAPSHOT").compareTo(v("0.46.0-alpha")) < 0);
        assertTrue(v("0.46.0-alpha-alpha").compareTo(v("0.46.0-alpha-SNAPSHOT")) < 0);
        assertEquals(v("0.46"), v("0.46-0"), "0.46-0 is 0.46.0 itself");
        assertTrue(v("0.46.min").compareTo(v("0.46.0.min")) < 0, "trailing zeros before min matter");
    }

    @Test
    void finalReleaseWritesTheNumbers() {
        assertEquals("0.46.0", scheme.finalRelease(List.of(0, 46, 0)).toString());
        assertEquals("2", scheme.finalRelease(List.of(2)).toString());
        assertEquals(v("0.46"), scheme.finalRelease(List.of(0, 46, 0)));
        assertFalse(scheme.isPrerelease(scheme.finalRelease(List.of(1, 2, 3))));
    }

    @Test
    void releaseNumbersMustBeNonEmptyAndNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> scheme.finalRelease(List.of()));
        assertThrows(IllegalArgumentException.class, () -> scheme.lowestOf(List.of()));
        assertThrows(IllegalArgumentException.class, () -> scheme.lowestOf(List.of(1, -1)));
    }

    // ---- writing windows

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0.45.0|0.46.0|range|[0.45.0,0.46.0)",
        "0.45.0||range|[0.45.0,)",
        "0.45.0|0.46.min|range|[0.45.0,0.46.min)",
        "1.2.0-RC1|2.0.0|range|[1.2.0-RC1,2.0.0)",
        "0.45.0|0.46.0|exact|0.45.0",
        "0.45.0||exact|0.45.0",
        "0.45.0|0.46.0|compatible|",
        "0.45.0|0.46.0|caret|",
        "0.45.0|0.46.0|tilde|",
        "0.46.0|0.46.0|range|",
        "0.46.0|0.45.0|range|",
        "1.0|1.0.0|range|",
    })
    void formatWindow(String from, String to, String style, String expected) {
        Optional<String> written = scheme.formatWindow(v(from), to == null ? null : v(to), SpecStyle.fromId(style).orElseThrow());
        assertEquals(Optional.ofNullable(expected), written);
        if (expected != null && style.equals("range")) {
            Interval<MavenVersion> window = to == null ? Interval.atLeast(v(from)) : Interval.halfOpen(v(from), v(to));
            assertEquals(VersionSet.of(window), scheme.parseSpec(expected), "the written spec reads back as the window");
        }
    }

    // ---- window questions

    @Test
    void openEndedRangesHaveNoUpperBound() {
        assertFalse(scheme.parseSpec("[1.0,)").hasUpperBound());
        assertFalse(scheme.parseSpec("(,1.0],[1.2,)").hasUpperBound());
        assertFalse(scheme.parseSpec("").hasUpperBound());
        assertFalse(scheme.parseSpec("LATEST").hasUpperBound());
        assertTrue(scheme.parseSpec("(,1.0]").hasUpperBound());
        assertTrue(scheme.parseSpec("1.0").hasUpperBound());
        assertTrue(scheme.parseSpec("[1.0,2.0)").hasUpperBound());
    }

    @Test
    void anExclusiveUpperBoundStillAdmitsThatReleasesPreReleases() {
        VersionSet<MavenVersion> spec = scheme.parseSpec("[0.45.0,0.46.0)");
        assertTrue(spec.contains(v("0.45.0")));
        assertTrue(spec.contains(v("0.45.7")));
        assertFalse(spec.contains(v("0.46.0")));
        assertFalse(spec.contains(v("0.44.9")));
        assertTrue(spec.contains(v("0.46.0-rc-1")), "Resolver orders 0.46.0-rc-1 below 0.46.0");
        assertTrue(spec.contains(v("0.46.0-SNAPSHOT")));

        VersionSet<MavenVersion> fromFinal = VersionSet.of(Interval.atLeast(scheme.finalRelease(List.of(0, 46, 0))));
        VersionSet<MavenVersion> fromLowest = VersionSet.of(Interval.atLeast(scheme.lowestOf(List.of(0, 46, 0))));
        assertFalse(spec.intersects(fromFinal), "nothing at or past 0.46.0 itself");
        assertTrue(spec.intersects(fromLowest), "but 0.46.0's pre-releases are in");

        VersionSet<MavenVersion> tight = scheme.parseSpec("[0.45.0,0.46.min)");
        assertFalse(tight.intersects(fromLowest));
        assertTrue(tight.contains(v("0.45.99-sp-1")));
        assertFalse(tight.contains(v("0.46.0-alpha-SNAPSHOT")));
    }

    @Test
    void specsInsideAndOutsideTheWindowOfARelease() {
        MavenVersion resolved = v("0.45.3");
        List<Integer> edge = BreakingMode.SEMVER_0X.nextBreaking(resolved.release()).orElseThrow();
        assertEquals(List.of(0, 46, 0), edge);
        VersionSet<MavenVersion> window = VersionSet.of(Interval.halfOpen(resolved, scheme.lowestOf(edge)));

        List<String> inside = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (String spec : List.of("0.45.3", "[0.45.3]", "[0.45.3,0.46.min)", "[0.45.3,0.45.9]", "[0.45.4,0.46.0-alpha)",
                "[0.45.3,0.46.0)", "[0.45.3,)", "[0.45.0,0.46.min)", "[0.45.3,0.47.0)", "", "LATEST", "0.46.0")) {
            (scheme.parseSpec(spec).isSubsetOf(window) ? inside : outside).add(spec);
        }
        assertEquals(List.of("0.45.3", "[0.45.3]", "[0.45.3,0.46.min)", "[0.45.3,0.45.9]"), inside);
        assertEquals(List.of("[0.45.4,0.46.0-alpha)", "[0.45.3,0.46.0)", "[0.45.3,)", "[0.45.0,0.46.min)", "[0.45.3,0.47.0)",
                "", "LATEST", "0.46.0"), outside, "0.46.0-alpha-SNAPSHOT sorts below 0.46.0-alpha");
    }

    @Test
    void nameAndDelegation() {
        assertEquals("Maven", scheme.name());
        assertEquals(List.of(1, 2, 3), scheme.release(v("1.2.3-beta-1")));
        assertTrue(scheme.isPrerelease(v("1.2.3-beta-1")));
    }
}
