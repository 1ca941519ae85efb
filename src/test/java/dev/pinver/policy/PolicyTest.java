package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static Policy parse(String name, String yaml) {
        return PolicyLoader.parse(yaml, Path.of(name));
    }

    @Test
    void baseSettingsWithoutAnyPolicy() {
        Policy.Resolution r = Policy.empty().settingsFor(Ecosystem.PYPI, "fastapi");
        assertEquals(new Settings(PinMode.WINDOW, BreakingMode.SEMVER_0X, EnumSet.allOf(UpdateKind.class),
                Duration.ZERO, false, List.of(), Optional.empty(), Optional.empty(), SpecStyle.RANGE,
                Severity.WARNING, Optional.empty()), r.settings());
        assertEquals(List.of(), r.matched());
        assertEquals(SpecStyle.CARET, Policy.empty().settingsFor(Ecosystem.NPM, "react").settings().style());
        assertEquals(SpecStyle.RANGE, Policy.empty().settingsFor(Ecosystem.MAVEN, "g:a").settings().style());
    }

    @Test
    void everyMatchingRuleAppliesInOrderOverridingOnlyWhatItSets() {
        Policy p = parse("p.yaml", """
                defaults:
                  min-age: 1d
                  reason: default reason
                rules:
                  - package: "*"
                    pin: floor
                    group: all
                  - ecosystem: npm
                    pin: exact
                  - package: fastapi
                    reason: special
                    group: web
                  - package: fast*
                    min-age: 2w
                """);
        Policy.Resolution fastapi = p.settingsFor(Ecosystem.PYPI, "fastapi");
        Settings s = fastapi.settings();
        assertEquals(PinMode.FLOOR, s.pin());
        assertEquals(Optional.of("web"), s.group());
        assertEquals(Optional.of("special"), s.reason());
        assertEquals(Duration.ofDays(14), s.minAge());
        assertEquals(BreakingMode.SEMVER_0X, s.breaking());
        assertEquals(List.of(new Location(Path.of("p.yaml"), 5, 5), new Location(Path.of("p.yaml"), 10, 5),
                new Location(Path.of("p.yaml"), 13, 5)),
                fastapi.matched().stream().map(Rule::location).toList());

        Policy.Resolution react = p.settingsFor(Ecosystem.NPM, "react");
        assertEquals(PinMode.EXACT, react.settings().pin());
        assertEquals(Optional.of("all"), react.settings().group());
        assertEquals(Optional.of("default reason"), react.settings().reason());
        assertEquals(Duration.ofDays(1), react.settings().minAge());
        assertEquals(2, react.matched().size());
    }

    @Test
    void laterPoliciesWin() {
        Policy first = parse("first.yaml", """
                defaults:
                  min-age: 3d
                  allow: [patch]
                rules:
                  - package: guava
                    pin: exact
                    reason: first
                """);
        Policy second = parse("second.yaml", """
                defaults:
                  pin: floor
                  min-age: 1w
                rules:
                  - package: guava
                    reason: second
                """);
        Policy both = Policy.compose(List.of(first, second));

        Settings other = both.settingsFor(Ecosystem.NPM, "left-pad").settings();
        assertEquals(PinMode.FLOOR, other.pin());
        assertEquals(Duration.ofDays(7), other.minAge());
        assertEquals(java.util.Set.of(UpdateKind.PATCH), other.allow());

        // a later policy's defaults do not undo an earlier policy's rule; its own rule comes after
        Policy.Resolution guava = both.settingsFor(Ecosystem.NPM, "guava");
        assertEquals(PinMode.EXACT, guava.settings().pin());
        assertEquals(Optional.of("second"), guava.settings().reason());
        assertEquals(List.of(Path.of("first.yaml"), Path.of("second.yaml")),
                guava.matched().stream().map(r -> r.location().file()).toList());

        Policy reversed = Policy.compose(List.of(second, first));
        assertEquals(Duration.ofDays(3), reversed.settingsFor(Ecosystem.NPM, "left-pad").settings().minAge());
        assertEquals(Optional.of("first"), reversed.settingsFor(Ecosystem.NPM, "guava").settings().reason());
        assertEquals(Policy.empty(), Policy.compose(List.of()));
    }

    @Test
    void fastapiPresetOnTopOfTheDefault() {
        Policy p = Policy.compose(List.of(Presets.load(null).orElseThrow(), Presets.load("fastapi").orElseThrow()));

        Policy.Resolution starlette = p.settingsFor(Ecosystem.PYPI, "starlette");
        assertEquals(PinMode.NONE, starlette.settings().pin());
        assertTrue(starlette.settings().reason().orElseThrow().contains("FastAPI already constrains Starlette"));
        assertEquals(List.of(new Location(Path.of("policies/fastapi.yaml"), 16, 5)),
                starlette.matched().stream().map(Rule::location).toList());

        Settings fastapi = p.settingsFor(Ecosystem.PYPI, "fastapi").settings();
        assertEquals(PinMode.WINDOW, fastapi.pin());
        assertEquals(BreakingMode.SEMVER_0X, fastapi.breaking());

        Settings pydantic = p.settingsFor(Ecosystem.PYPI, "pydantic").settings();
        assertEquals(PinMode.WINDOW, pydantic.pin());
        assertEquals(BreakingMode.SEMVER, pydantic.breaking());
        assertTrue(pydantic.reason().orElseThrow().contains("runs FastAPI's tests in its own CI"));

        assertEquals(PinMode.NONE, p.settingsFor(Ecosystem.PYPI, "pydantic-core").settings().pin());
        // the rules are for PyPI only
        assertEquals(PinMode.WINDOW, p.settingsFor(Ecosystem.NPM, "starlette").settings().pin());
        // the default preset still applies underneath
        assertEquals(PinMode.EXACT, p.settingsFor(Ecosystem.MAVEN, "com.google.guava:guava").settings().pin());
        assertEquals(BreakingMode.CALVER, p.settingsFor(Ecosystem.PYPI, "certifi").settings().breaking());
    }
}
