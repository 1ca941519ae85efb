package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.NpmVersion;
import dev.pinver.version.Pep440Scheme;
import dev.pinver.version.Pep440Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseOrderTest {

    private static void assertSequence(String... versions) {
        for (int i = 0; i + 1 < versions.length; i++) {
            LenientVersion a = LenientVersion.parse(versions[i]);
            LenientVersion b = LenientVersion.parse(versions[i + 1]);
            assertTrue(a.compareTo(b) < 0, versions[i] + " < " + versions[i + 1]);
            assertTrue(b.compareTo(a) > 0, versions[i + 1] + " > " + versions[i]);
        }
    }

    @Test
    void pep440Sequence() {
        assertSequence("1.0.0.dev0", "1.0.0a1", "1.0.0a2", "1.0.0b1", "1.0.0rc1", "1.0.0", "1.0.0.post1", "1.0.1",
                "1.1", "1.9", "1.10", "2.0.0");
    }

    /** The example ordering of the SemVer 2.0.0 specification, section 11. */
    @Test
    void semverSpecificationSequence() {
        assertSequence("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    }

    @Test
    void oldExpressStyleSequence() {
        assertSequence("2.0.0beta", "2.0.0beta2", "2.0.0beta3", "2.0.0rc", "2.0.0rc2", "2.0.0", "2.0.1");
    }

    @ParameterizedTest
    @CsvSource({"2.8, 2.8.0", "1.0.0-beta.1, 1.0.0b1", "v1.2, 1.2", "1.0+build.7, 1.0", "1.0.0-RC1, 1.0.0rc1",
        "1.0.0.Final, 1.0.0", "1.3-beta3, 1.3.0b3", "01.002, 1.2", "1.0.0-alpha1, 1.0.0a1", "1.0c1, 1.0rc1"})
    void equalVersions(String a, String b) {
        assertEquals(0, LenientVersion.parse(a).compareTo(LenientVersion.parse(b)), a + " == " + b);
    }

    @Test
    void notAVersion() {
        assertThrows(InvalidSpecException.class, () -> LenientVersion.parse("latest"));
        assertThrows(InvalidSpecException.class, () -> ReleaseOrder.lenient().require(""));
    }

    @Test
    void schemeOrderPadsShortReleases() {
        ReleaseOrder<NpmVersion> npm = ReleaseOrder.of(new NpmScheme());
        assertEquals(Optional.of(NpmVersion.parse("6.0.0")), npm.key("6.0"));
        assertEquals(Optional.of(NpmVersion.parse("7.0.0")), npm.key("7"));
        assertEquals(Optional.of(NpmVersion.parse("1.3.0-beta3")), npm.key("1.3-beta3"));
        assertEquals(Optional.empty(), npm.key("1.0.0.post1"));
        assertEquals(Optional.empty(), npm.key("1.2.3.4"));
        assertThrows(InvalidSpecException.class, () -> npm.require("next"));
    }

    @Test
    void pep440SchemeNormalises() {
        ReleaseOrder<Pep440Version> pep = ReleaseOrder.of(new Pep440Scheme());
        assertEquals(0, pep.compare(pep.require("1.0.0-beta.1"), pep.require("1.0.0b1")));
        assertTrue(pep.compare(pep.require("1.0.0.dev0"), pep.require("1.0.0a1")) < 0);
    }
}
