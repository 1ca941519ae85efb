package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.Source;
import dev.pinver.policy.Verdict.Status;
import dev.pinver.version.Pep440Scheme;
import dev.pinver.version.PoetryScheme;
import dev.pinver.version.VersionScheme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {

    private static final Pep440Scheme PEP440 = new Pep440Scheme();
    private static final PoetryScheme POETRY = new PoetryScheme();

    /** The default preset, then the FastAPI preset, as {@code pinver check --policy fastapi} would use. */
    private static final Policy FASTAPI = Policy.compose(List.of(
            Presets.load(null).orElseThrow(), Presets.load("fastapi").orElseThrow()));

    private static <V extends Comparable<? super V>> Verdict judge(
            Policy policy, String name, String spec, VersionScheme<V> scheme) {
        return Judge.judge(name, spec, Source.REGISTRY, policy.settingsFor(Ecosystem.PYPI, name).settings(), scheme);
    }

    private static Policy policy(String yaml) {
        return PolicyLoader.parse(yaml, Path.of("test.yaml"));
    }

    /** PEP 440 specs under the default and FastAPI presets; '' in the suggestion column is "nothing". */
    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
        // the compatibility window of a 0.x package: 0.45 up to 0.46
        "fastapi   | >=0.45.0,<0.46.0         | ok             | ",
        "fastapi   | ~=0.45.0                 | ok             | ",
        "fastapi   | ==0.45.*                 | ok             | ",
        "fastapi   | >=0.45.0,<0.46.0,!=0.45.2| ok             | ",
        "fastapi   | >=0.45.1,<0.45.5         | ok             | ",
        "fastapi   | ~=0.45                   | too-wide       | >=0.45.0,<0.46.0",
        "fastapi   | >=0.45,<1.0              | too-wide       | >=0.45.0,<0.46.0",
        "fastapi   | >=0.45.0,<=0.46.0        | too-wide       | >=0.45.0,<0.46.0",
        "fastapi   | >=0.45.0,<0.46.0rc1      | too-wide       | >=0.45.0,<0.46.0",
        "fastapi   | >=0.44.2,<0.46           | too-wide       | >=0.44.2,<0.45.0",
        "fastapi   | >0.45.0,<0.47            | too-wide       | >=0.45.0,<0.46.0",
        "fastapi   | >=0.45                   | unpinned       | >=0.45.0,<0.46.0",
        "fastapi   | !=0.45.1,>=0.45          | unpinned       | >=0.45.0,<0.46.0",
        "fastapi   | ''                       | unpinned       | ",
        "fastapi   | <0.46                    | unpinned       | ",
        "fastapi   | ==0.45.0                 | exact-pin      | >=0.45.0,<0.46.0",
        "fastapi   | ===0.45.0                | exact-pin      | >=0.45.0,<0.46.0",
        "fastapi   | >=2,<1                   | invalid-spec   | ",
        "fastapi   | ==1.0,==2.0              | invalid-spec   | ",
        "fastapi   | >=0.45.0,<0.46.0x        | invalid-spec   | ",
        "fastapi   | ~=1                      | invalid-spec   | ",
        // 0.0.x: every release may break
        "tiny      | >=0.0.7,<0.0.8           | ok             | ",
        "tiny      | ==0.0.7.*                | ok             | ",
        "tiny      | ~=0.0.7                  | too-wide       | >=0.0.7,<0.0.8",
        "tiny      | >=0.0.7,<0.1.0           | too-wide       | >=0.0.7,<0.0.8",
        "tiny      | >=0.0.7                  | unpinned       | >=0.0.7,<0.0.8",
        "tiny      | ==0.0.7                  | exact-pin      | >=0.0.7,<0.0.8",
        // from 1.0 on the major number breaks
        "requests  | >=2.31.0,<3              | ok             | ",
        "requests  | ~=2.31                   | ok             | ",
        "requests  | >=2.31                   | unpinned       | >=2.31.0,<3.0.0",
        "requests  | >=2.31.0,<4              | too-wide       | >=2.31.0,<3.0.0",
        "requests  | >=1.0.0rc1               | unpinned       | >=1.0.0rc1,<2.0.0",
        // an epoch is not part of the release numbers, so no edge can be placed after it
        "epoch     | >=1!2.0                  | ok             | ",
        "epoch     | ==1!2.0                  | exact-pin      | >=1!2.0",
        "epoch     | >1!2.0                   | ok             | ",
        // FastAPI's advice: pydantic in a major window, starlette not pinned
        "pydantic  | >=1.2.0,<2.0.0           | ok             | ",
        "pydantic  | ~=1.2                    | ok             | ",
        "pydantic  | >=1.2.0                  | unpinned       | >=1.2.0,<2.0.0",
        "pydantic  | >=1.2.0,<3               | too-wide       | >=1.2.0,<2.0.0",
        "pydantic  | >=0.32,<1                | ok             | ",
        "starlette | >=0.12                   | should-not-pin | ''",
        "starlette | ==0.13.6                 | should-not-pin | ''",
        "starlette | ''                       | ok             | ",
        "Pydantic_Core | ==2.14.1             | should-not-pin | ''",
        // calendar versions: a lower bound is the whole window
        "certifi   | >=2024.2.2               | ok             | ",
        "certifi   | >=2024.2.2,<2025         | ok             | ",
        "certifi   | ''                       | unpinned       | ",
        "certifi   | ==2024.2.2               | exact-pin      | >=2024.2.2",
    })
    void pep440UnderTheFastapiPreset(String name, String spec, String status, String suggested) {
        Verdict v = judge(FASTAPI, name, spec, PEP440);
        assertEquals(status, v.status().id(), v.message());
        assertEquals(Optional.ofNullable(suggested), v.suggested(), v.message());
    }

    @Test
    void messagesNameThePackageTheSpecTheEdgeAndTheFix() {
        assertEquals(new Verdict(Status.TOO_WIDE, Severity.ERROR,
                "fastapi ~=0.45 admits 0.46.0 and later; 0.x minor releases may break: pin to >=0.45.0,<0.46.0 "
                        + "(FastAPI is 0.x; a minor release may break your app, a patch release should not)",
                Optional.of(">=0.45.0,<0.46.0")), judge(FASTAPI, "fastapi", "~=0.45", PEP440));
        assertEquals(new Verdict(Status.UNPINNED, Severity.ERROR,
                "requests >=2.31 has no upper bound; major releases break: pin to >=2.31.0,<3.0.0",
                Optional.of(">=2.31.0,<3.0.0")), judge(FASTAPI, "requests", ">=2.31", PEP440));
        assertEquals(new Verdict(Status.EXACT_PIN, Severity.WARNING,
                "tiny ==0.0.7 is an exact pin; the policy wants a compatibility window: pin to >=0.0.7,<0.0.8",
                Optional.of(">=0.0.7,<0.0.8")), judge(FASTAPI, "tiny", "==0.0.7", PEP440));
        assertEquals(new Verdict(Status.UNPINNED, Severity.ERROR, "tiny has no version constraint", Optional.empty()),
                judge(FASTAPI, "tiny", "", PEP440));
        assertEquals(new Verdict(Status.UNPINNED, Severity.ERROR, "tiny <1 has no lower bound to pin from",
                Optional.empty()), judge(FASTAPI, "tiny", "<1", PEP440));
        assertEquals(new Verdict(Status.SHOULD_NOT_PIN, Severity.WARNING,
                "starlette >=0.12 should not be pinned (FastAPI already constrains Starlette to the versions it supports)",
                Optional.of("")), judge(FASTAPI, "starlette", ">=0.12", PEP440));
        assertEquals(new Verdict(Status.INVALID_SPEC, Severity.ERROR, "tiny >=2,<1 admits no version", Optional.empty()),
                judge(FASTAPI, "tiny", ">=2,<1", PEP440));
        Verdict ok = judge(FASTAPI, "pydantic", ">=1.2.0,<2.0.0", PEP440);
        assertEquals(Status.OK, ok.status());
        assertEquals(Severity.INFO, ok.severity());
        assertEquals("pydantic >=1.2.0,<2.0.0 stays within its compatibility window "
                + "(Pydantic runs FastAPI's tests in its own CI, so only a major release may break)", ok.message());
    }

    @Test
    void anInvalidSpecCarriesTheSchemesReason() {
        Verdict v = judge(Policy.empty(), "tiny", ">=0.45.0,<0.46.0x", PEP440);
        assertEquals(Status.INVALID_SPEC, v.status());
        assertEquals(Severity.ERROR, v.severity());
        assertEquals(true, v.message().startsWith("tiny >=0.45.0,<0.46.0x is not a valid PEP 440 spec: "), v.message());
    }

    @Test
    void exactPinSeverityComesFromThePolicy() {
        Policy strict = Policy.compose(List.of(Presets.load(null).orElseThrow(), Presets.load("strict").orElseThrow()));
        assertEquals(Severity.ERROR, judge(strict, "tiny", "==0.0.7", PEP440).severity());
        assertEquals(Severity.INFO, judge(policy("defaults: {exact-pin: info}"), "tiny", "==0.0.7", PEP440).severity());
    }

    /** Other pin modes, breaking modes and styles, set by a policy. */
    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "pin: exact                 | ==1.2.0          | ok             | ",
        "pin: exact                 | ==1.2.*          | not-exact      | ==1.2",
        "pin: exact                 | >=1.2.0rc1,<2    | not-exact      | ==1.2.0rc1",
        "pin: exact                 | >=1.2,<2         | not-exact      | ==1.2",
        "pin: exact                 | >1.2,<2          | not-exact      | ==1.2",
        "pin: exact                 | ''               | unpinned       | ",
        "pin: floor                 | >=1.2            | ok             | ",
        "pin: floor                 | >=1.2,<1.3       | ok             | ",
        "pin: floor                 | <2               | unpinned       | ",
        "pin: floor                 | ''               | unpinned       | ",
        "pin: none                  | ''               | ok             | ",
        "pin: none                  | >=1.2            | should-not-pin | ''",
        "breaking: semver           | >=0.45,<0.99     | ok             | ",
        "breaking: semver           | >=0.45           | unpinned       | >=0.45.0,<1.0.0",
        "breaking: every            | >=1.4.2,<1.5     | too-wide       | >=1.4.2,<1.4.3",
        "breaking: every            | ~=1.4.2          | too-wide       | >=1.4.2,<1.4.3",
        "breaking: every            | ==1.4.2.*        | ok             | ",
        "breaking: calver           | >=24.1           | ok             | ",
        "style: compatible          | >=0.45           | unpinned       | ~=0.45.0",
        "style: compatible          | >=1.4.2          | unpinned       | >=1.4.2,<2.0.0",
        "style: compatible          | >=1.4            | unpinned       | ~=1.4",
        "style: caret               | >=0.45           | unpinned       | >=0.45.0,<0.46.0",
        "style: exact               | >=0.45           | unpinned       | >=0.45.0,<0.46.0",
    })
    void settingsFromAPolicy(String setting, String spec, String status, String suggested) {
        Verdict v = judge(policy("defaults: {" + setting + "}"), "pkg", spec, PEP440);
        assertEquals(status, v.status().id(), v.message());
        assertEquals(Optional.ofNullable(suggested), v.suggested(), v.message());
    }

    /** Poetry constraints, written back in Poetry's caret form. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "^0.45.0          | ok        | ",
        "^0.45            | ok        | ",
        "~0.45            | ok        | ",
        "0.45.*           | ok        | ",
        ">=0.45.dev0      | unpinned  | ^0.45.0",
        "^0.0.7           | ok        | ",
        "~0.0.7           | too-wide  | ^0.0.7",
        ">=0.45,<0.47     | too-wide  | ^0.45.0",
        "*                | unpinned  | ",
        ">=0.45           | unpinned  | ^0.45.0",
        "0.45.0           | exact-pin | ^0.45.0",
        "^1.2.3           | ok        | ",
        "~1               | ok        | ",
    })
    void poetry(String spec, String status, String suggested) {
        Verdict v = judge(policy("defaults: {style: caret}"), "pkg", spec, POETRY);
        assertEquals(status, v.status().id(), v.message());
        assertEquals(Optional.ofNullable(suggested), v.suggested(), v.message());
    }

    @Test
    void urlAndLocalDependenciesAreOnlyInformational() {
        Settings s = Settings.base(Ecosystem.PYPI);
        assertEquals(new Verdict(Status.URL_REQUIREMENT, Severity.INFO,
                "fastapi comes from a URL, not a registry; its version is not checked", Optional.empty()),
                Judge.judge("fastapi", "", Source.URL, s, PEP440));
        assertEquals(new Verdict(Status.URL_REQUIREMENT, Severity.INFO,
                "mylib is a local path, not a registry; its version is not checked", Optional.empty()),
                Judge.judge("mylib", "", Source.LOCAL, s, PEP440));
    }
}
