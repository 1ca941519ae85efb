package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {

    private static final Path FILE = Path.of("conf", ".pinver.yaml");

    @Test
    void readsEverySetting() {
        Policy p = PolicyLoader.parse("""
                defaults:
                  pin: window
                  breaking: semver-0x
                  allow: [patch, minor]
                  min-age: 3d
                  prereleases: false
                  exact-pin: error
                rules:
                  - ecosystem: npm
                    package: ["@types/*", react]
                    style: caret
                    group: frontend
                  - package: fastapi
                    pin: exact
                    breaking: every
                    allow: [major]
                    min-age: 12h
                    prereleases: yes
                    ignore: [0.99.0, ">=1.0,<1.2"]
                    reason: "we are careful"
                    style: EXACT
                    exact-pin: info
                  - ecosystem: [pypi, maven]
                    min-age: 2w
                """, FILE);
        assertEquals(new Overrides(PinMode.WINDOW, BreakingMode.SEMVER_0X, Set.of(UpdateKind.PATCH, UpdateKind.MINOR),
                Duration.ofDays(3), false, null, null, null, null, Severity.ERROR, null), p.defaults());
        assertEquals(3, p.rules().size());

        Rule npm = p.rules().get(0);
        assertEquals(new Location(FILE, 9, 5), npm.location());
        assertEquals(Set.of(Ecosystem.NPM), npm.ecosystems());
        assertEquals(List.of(new PackagePattern("@types/*"), new PackagePattern("react")), npm.packages());
        assertEquals(new Overrides(null, null, null, null, null, null, "frontend", null, SpecStyle.CARET, null, null),
                npm.overrides());

        Rule fastapi = p.rules().get(1);
        assertEquals(new Location(FILE, 13, 5), fastapi.location());
        assertEquals(Set.of(), fastapi.ecosystems());
        assertEquals(new Overrides(PinMode.EXACT, BreakingMode.EVERY, Set.of(UpdateKind.MAJOR), Duration.ofHours(12),
                true, List.of("0.99.0", ">=1.0,<1.2"), null, "we are careful", SpecStyle.EXACT, Severity.INFO, null),
                fastapi.overrides());

        Rule both = p.rules().get(2);
        assertEquals(Set.of(Ecosystem.PYPI, Ecosystem.MAVEN), both.ecosystems());
        assertEquals(List.of(), both.packages());
        assertEquals(Duration.ofDays(14), both.overrides().minAge());
    }

    @Test
    void extendsNamesPresetsAndFilesWithWhereTheyAreNamed() {
        PolicyLoader.PolicyFile file = PolicyLoader.parseFile(
                "extends: [fastapi, ../team.yaml]\nrules:\n  - package: x\n    pin: none\n", Path.of(".pinver.yaml"));
        assertEquals(List.of("fastapi", "../team.yaml"),
                file.extendsPolicies().stream().map(PolicyLoader.Reference::name).toList());
        assertEquals(1, file.extendsPolicies().get(1).location().line());
        assertEquals(20, file.extendsPolicies().get(1).location().column());
        assertEquals(1, file.policy().rules().size());
        assertEquals(List.of("strict"), PolicyLoader.parseFile("extends: strict\n", Path.of("p.yaml"))
                .extendsPolicies().stream().map(PolicyLoader.Reference::name).toList());
    }

    @Test
    void registriesAreUrlsAndPathsAreFileUrlsBesideThePolicyFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("index/simple"));
        Path file = dir.resolve("app/.pinver.yaml");
        PolicyLoader.PolicyFile parsed = PolicyLoader.parseFile("""
                registries:
                  pypi: ../index/simple
                  npm: https://npm.example.com/
                  maven: /srv/maven
                """, file);
        assertEquals(Map.of(
                "pypi", "file://" + dir.toAbsolutePath() + "/index/simple/",
                "npm", "https://npm.example.com/",
                "maven", "file:///srv/maven/"), parsed.registries());
        assertEquals(Map.of(), PolicyLoader.parseFile("rules: []\n", file).registries());
    }

    @Test
    void emptyTextAndEmptySectionsAreTheEmptyPolicy() {
        assertEquals(Policy.empty(), PolicyLoader.parse("", FILE));
        assertEquals(Policy.empty(), PolicyLoader.parse("# nothing here\n", FILE));
        assertEquals(Policy.empty(), PolicyLoader.parse("defaults:\nrules:\n", FILE));
    }

    @Test
    void anExplicitFalseIsSet() {
        Policy p = PolicyLoader.parse("defaults: {prereleases: off}\n", FILE);
        assertEquals(Boolean.FALSE, p.defaults().prereleases());
        assertNull(p.defaults().pin());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                // broken YAML
                Arguments.of("defaults:\n\tpin: window\n", 2, 1, "not valid YAML: while scanning for the next token, found character '\\t(TAB)'"),
                Arguments.of("defaults:\n  pin: window\n   breaking: semver\n", 3, 12, "not valid YAML: mapping values are not allowed here"),
                Arguments.of("rules:\n  - package: fastapi\n    allow: [patch\n", 4, 1, "not valid YAML: while parsing a flow sequence, expected ',' or ']'"),
                Arguments.of("defaults: {}\n---\nrules: []\n", 2, 1, "not valid YAML: expected a single document in the stream, but found another document"),
                // unknown keys, with the keys that are allowed
                Arguments.of("rule:\n  - pin: window\n", 1, 1, "unknown key 'rule' in a policy; allowed keys: extends, defaults, rules, upgrade, registries"),
                Arguments.of("registries:\n  pip: https://pypi.example.com/simple\n", 2, 3,
                        "unknown key 'pip' in 'registries'; allowed keys: pypi, npm, maven"),
                Arguments.of("registries:\n  npm: ''\n", 2, 8, "'npm' is a registry URL or a directory, not empty"),
                Arguments.of("rules:\n  - package: fastapi\n    pinn: window\n", 3, 5,
                        "unknown key 'pinn' in a rule; allowed keys: ecosystem, package, pin, breaking, allow, min-age, "
                                + "prereleases, ignore, group, reason, style, exact-pin"),
                Arguments.of("defaults:\n  package: fastapi\n", 2, 3,
                        "unknown key 'package' in 'defaults'; allowed keys: pin, breaking, allow, min-age, prereleases, "
                                + "ignore, group, reason, style, exact-pin"),
                Arguments.of("defaults:\n  pin: window\n  pin: exact\n", 3, 3, "duplicate key 'pin' (first at line 2)"),
                Arguments.of("defaults:\n  ? [pin]\n  : window\n", 2, 5, "keys in 'defaults' must be plain names"),
                // bad values
                Arguments.of("defaults:\n  pin: sometimes\n", 2, 8, "bad value 'sometimes' for pin; expected one of window, exact, floor, none"),
                Arguments.of("defaults:\n  allow: [patch, huge]\n", 2, 18, "bad value 'huge' for allow; expected one of patch, minor, major"),
                Arguments.of("defaults:\n  min-age: soon\n", 2, 12, "bad value 'soon' for min-age; expected a number and a unit (h, d or w)"),
                Arguments.of("defaults:\n  min-age: 3\n", 2, 12, "bad value '3' for min-age"),
                Arguments.of("defaults:\n  breaking: romver\n", 2, 13, "bad value 'romver' for breaking; expected one of semver-0x, semver, calver, every"),
                Arguments.of("defaults:\n  style: wavy\n", 2, 10, "bad value 'wavy' for style; expected one of range, compatible, caret, tilde, exact"),
                Arguments.of("defaults:\n  exact-pin: fatal\n", 2, 14, "bad value 'fatal' for exact-pin; expected one of error, warning, info"),
                Arguments.of("rules:\n  - ecosystem: [pypi, cargo]\n    pin: none\n", 2, 23, "bad value 'cargo' for ecosystem; expected one of pypi, maven, npm"),
                Arguments.of("rules:\n  - package: ''\n    pin: none\n", 2, 14, "'package' must be a name or glob, not empty"),
                // wrong types
                Arguments.of("- pin: window\n", 1, 1, "a policy must be a mapping of keys to values, not a list"),
                Arguments.of("defaults: [pin]\n", 1, 11, "'defaults' must be a mapping of keys to values, not a list"),
                Arguments.of("rules:\n  package: fastapi\n", 2, 3, "'rules' must be a list of rules"),
                Arguments.of("rules:\n  - fastapi\n", 2, 5, "a rule must be a mapping of keys to values, not 'fastapi'"),
                Arguments.of("defaults:\n  allow: minor\n", 2, 10, "'allow' must be a list such as [a, b], not 'minor'"),
                Arguments.of("defaults:\n  ignore: 1.0\n", 2, 11, "'ignore' must be a list"),
                Arguments.of("defaults:\n  pin: [window]\n", 2, 8, "'pin' needs a single value, not a list"),
                Arguments.of("defaults:\n  reason:\n", 2, 10, "'reason' needs a single value, not nothing"),
                Arguments.of("defaults:\n  prereleases: maybe\n", 2, 16, "'prereleases' must be true or false"),
                Arguments.of("defaults:\n  prereleases: \"true\"\n", 2, 16, "'prereleases' must be true or false"),
                // a rule that only matches
                Arguments.of("rules:\n  - package: fastapi\n    ecosystem: pypi\n", 2, 5, "this rule sets nothing; give it at least one of pin,"));
    }

    @ParameterizedTest
    @MethodSource
    void badInput(String yaml, int line, int column, String message) {
        PinverException e = assertThrows(PinverException.class, () -> PolicyLoader.parse(yaml, FILE));
        assertEquals(PinverException.Kind.BAD_INPUT, e.kind());
        assertEquals(new Location(FILE, line, column), e.location().orElseThrow(), e.oneLine());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(e.oneLine().startsWith(FILE + ":" + line + ":" + column + ": "), e.oneLine());
    }
}
