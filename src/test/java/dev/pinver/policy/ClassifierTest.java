package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.MavenScheme;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Settings PYPI = Settings.base(Ecosystem.PYPI);

    private static Release release(String version, int daysAgo) {
        return new Release(version, Optional.of(NOW.minus(Duration.ofDays(daysAgo))), false, false);
    }

    private static final List<Release> FASTAPI = List.of(
            release("0.44.1", 400), release("0.45.0", 300), release("0.45.3", 200), release("0.46.0", 100),
            release("0.47.1", 30), release("0.48.0rc1", 3), new Release("not-a-version", Optional.empty(), false, false));

    @ParameterizedTest(name = "{0} -> {1} under {2}: {3}")
    @CsvSource({
        "0.45.3, 0.46.0, semver-0x, major",
        "0.45.3, 0.45.4, semver-0x, patch",
        "0.45.3, 1.0.0, semver-0x, major",
        "0.0.7, 0.0.8, semver-0x, major",
        "1.4.2, 1.5.0, semver-0x, minor",
        "1.4.2, 1.4.3, semver-0x, patch",
        "1.4.2, 2.0.0, semver-0x, major",
        "0.45.3, 0.46.0, semver, minor",
        "2023.1.0, 2024.1.0, calver, minor",
        "1.4.2, 1.4.3, every, major",
        "1.2.3.4, 1.2.3.5, semver-0x, patch",
    })
    void updateSizesFollowTheBreakingMode(String from, String to, String mode, String kind) {
        Pep440Scheme scheme = new Pep440Scheme();
        assertEquals(kind, Classifier.kind(scheme.release(scheme.parseVersion(from)),
                scheme.release(scheme.parseVersion(to)), BreakingMode.fromId(mode).orElseThrow()).id());
    }

    @Test
    void aZeroXMinorStepIsMajorAndBreaking() {
        Outdated o = Classifier.classify(">=0.45.0,<0.46.0", Optional.empty(), FASTAPI, Optional.empty(), PYPI,
                new Pep440Scheme(), NOW);
        assertEquals(Optional.of("0.45.3"), o.resolved());
        assertEquals(Optional.of("0.45.3"), o.latestInRange());
        assertEquals(Optional.of("0.45.3"), o.latestCompatible());
        assertEquals(Optional.of("0.47.1"), o.latest(), "the release candidate is not offered");
        assertEquals(Optional.of(UpdateKind.MAJOR), o.update());
        assertTrue(o.breaking());
        assertEquals(Optional.of(NOW.minus(Duration.ofDays(30))), o.published());
    }

    @Test
    void theLockFilesVersionIsWhatIsResolved() {
        Outdated o = Classifier.classify(">=0.45.0,<0.46.0", Optional.of("0.45.0"), FASTAPI, Optional.empty(), PYPI,
                new Pep440Scheme(), NOW);
        assertEquals(Optional.of("0.45.0"), o.resolved());
        assertEquals(Optional.of("0.45.3"), o.latestCompatible());
    }

    @Test
    void yankedReleasesAreNeverOfferedAndAYankedResolvedVersionIsFlagged() {
        List<Release> releases = List.of(release("1.0.0", 100), new Release("1.1.0", Optional.empty(), true, false),
                release("1.0.1", 50));
        Outdated o = Classifier.classify("==1.1.0", Optional.empty(), releases, Optional.empty(), PYPI,
                new Pep440Scheme(), NOW);
        assertEquals(Optional.empty(), o.resolved(), "a fresh install never picks a yanked release for a range");
        Outdated locked = Classifier.classify("==1.1.0", Optional.of("1.1.0"), releases, Optional.empty(), PYPI,
                new Pep440Scheme(), NOW);
        assertTrue(locked.resolvedYanked());
        assertEquals(Optional.of("1.0.1"), locked.latest());
        assertEquals(Optional.empty(), locked.update(), "1.0.1 is older than the locked 1.1.0");
    }

    @Test
    void minAgeHoldsBackYoungReleasesUntilTheyAreEligible() {
        Settings weekOld = PYPI.with(new Overrides(null, null, null, Duration.ofDays(60), null, null, null, null, null, null, null));
        Outdated o = Classifier.classify(">=0.45.0,<0.46.0", Optional.empty(), FASTAPI, Optional.empty(), weekOld,
                new Pep440Scheme(), NOW);
        assertEquals(Optional.of("0.46.0"), o.latest());
        assertEquals(List.of(new Outdated.Held("0.47.1", NOW.plus(Duration.ofDays(30)))), o.heldBack());
    }

    @Test
    void prereleasesOnlyWhenThePolicyOrTheSpecAsksForThem() {
        Settings pre = PYPI.with(new Overrides(null, null, null, null, true, null, null, null, null, null, null));
        assertEquals(Optional.of("0.48.0rc1"), Classifier.classify(">=0.45.0", Optional.empty(), FASTAPI,
                Optional.empty(), pre, new Pep440Scheme(), NOW).latest());
        assertEquals(Optional.of("0.48.0rc1"), Classifier.classify(">=0.48.0rc1,<0.49", Optional.empty(), FASTAPI,
                Optional.empty(), PYPI, new Pep440Scheme(), NOW).latestInRange());
    }

    @Test
    void anExactPinToAPrereleaseResolvesToItAndCanMoveToTheStableRelease() {
        Outdated o = Classifier.classify("==0.48.0rc1", Optional.empty(), List.of(release("0.47.1", 30),
                release("0.48.0rc1", 20), release("0.48.0", 10)), Optional.empty(), PYPI, new Pep440Scheme(), NOW);
        assertEquals(Optional.of("0.48.0rc1"), o.resolved());
        assertEquals(Optional.of("0.48.0"), o.latest());
        assertEquals(Optional.of(UpdateKind.PATCH), o.update());

        Settings maven = Settings.base(Ecosystem.MAVEN);
        Outdated junit = Classifier.classify("5.10.0-M1", Optional.empty(), List.of(release("5.9.3", 60),
                release("5.10.0-M1", 50), release("5.10.0", 40), release("6.0.0-RC3", 30), release("6.0.0", 20)),
                Optional.empty(), maven, new MavenScheme(), NOW);
        assertEquals(Optional.of("5.10.0-M1"), junit.resolved());
        assertEquals(Optional.of("5.10.0"), junit.latestCompatible(), "6.0.0-RC3 is of the next major, though Maven orders it below 6.0.0");
        assertEquals(Optional.of("6.0.0"), junit.latest());
        assertTrue(junit.breaking());

        Outdated range = Classifier.classify(">=0.47", Optional.empty(), FASTAPI, Optional.empty(), PYPI,
                new Pep440Scheme(), NOW);
        assertEquals(Optional.of("0.47.1"), range.resolved(), "a range that admits releases resolves to no pre-release");
    }

    @Test
    void npmsLatestTagIsRespectedEvenBelowTheHighestVersion() {
        List<Release> releases = List.of(release("4.0.0", 50), release("4.1.0", 10), release("5.0.0-beta.1", 5));
        Outdated o = Classifier.classify("^4.0.0", Optional.of("4.0.0"), releases, Optional.of("4.0.0"),
                Settings.base(Ecosystem.NPM), new NpmScheme(), NOW);
        assertEquals(Optional.of("4.0.0"), o.latest());
        assertEquals(Optional.of("4.1.0"), o.latestInRange());
        assertEquals(Optional.empty(), o.update());
        assertFalse(o.breaking());
    }

    @Test
    void ignoredVersionsAreNotOffered() {
        Settings ignore = PYPI.with(new Overrides(null, null, null, null, null, List.of("0.47.1"), null, null, null, null, null));
        assertEquals(Optional.of("0.46.0"), Classifier.classify(">=0.45.0", Optional.empty(), FASTAPI,
                Optional.empty(), ignore, new Pep440Scheme(), NOW).latest());
    }

    @Test
    void upgradeStepsAreTheNewestReleaseOfEachLaterWindow() {
        List<Release> releases = List.of(release("0.45.0", 300), release("0.45.3", 200), release("0.46.0", 100),
                release("0.46.2", 90), release("0.47.1", 30), new Release("0.48.0", Optional.empty(), true, false),
                release("1.0.0", 5), release("1.1.0", 2));
        Pep440Scheme scheme = new Pep440Scheme();
        assertEquals(List.of("0.46.2", "0.47.1", "1.1.0"),
                Classifier.upgradeSteps("0.45.0", releases, PYPI, Optional.empty(), scheme, NOW));
        Settings noMajor = PYPI.with(new Overrides(null, null, java.util.Set.of(UpdateKind.PATCH, UpdateKind.MINOR),
                null, null, null, null, null, null, null, null));
        assertEquals(List.of(), Classifier.upgradeSteps("0.45.0", releases, noMajor, Optional.empty(), scheme, NOW),
                "0.45 -> 0.46 is a major step under the 0.x rule");
        Settings stable = PYPI.with(new Overrides(null, null, null, Duration.ofDays(10), null, null, null, null, null, null, null));
        assertEquals(List.of("0.46.2", "0.47.1"),
                Classifier.upgradeSteps("0.45.3", releases, stable, Optional.empty(), scheme, NOW), "1.x is too young");
        assertEquals(List.of(), Classifier.upgradeSteps("1.0.0", releases, PYPI, Optional.empty(), scheme, NOW),
                "1.1 is inside 1.0's window: the spec admits it already");
    }

    @Test
    void windowsAreNamedByTheirBreakingNumber() {
        assertEquals(List.of(0, 46), Classifier.window(List.of(0, 46, 2), BreakingMode.SEMVER_0X));
        assertEquals(List.of(2), Classifier.window(List.of(2, 3, 1), BreakingMode.SEMVER_0X));
        assertEquals(List.of(0, 0, 7), Classifier.window(List.of(0, 0, 7), BreakingMode.SEMVER_0X));
        assertEquals(List.of(0), Classifier.window(List.of(0, 46, 2), BreakingMode.SEMVER));
    }
}
