package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void namesTheRulesThatApplyWithTheirPlaceAndTheVerdicts() {
        Cli r = Cli.run("explain", "Starlette", "--path", "fixtures/fastapi-app");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("starlette (pypi)"), r.out());
        assertTrue(r.out().contains("policies/fastapi.yaml:"), "the preset's rule and its line:\n" + r.out());
        assertTrue(r.out().contains("pin:         none"), r.out());
        assertTrue(r.out().contains("reason:      FastAPI already constrains Starlette"), r.out());
        assertTrue(r.out().contains("fixtures/fastapi-app/requirements.txt:7:10  ==0.12.9  should-not-pin"), r.out());
    }

    @Test
    void aRepositoryRuleIsListedAfterThePresetsItOverrides() {
        Cli r = Cli.run("explain", "org.apache.commons:commons-text", "--path", "fixtures/maven-app");
        int preset = r.out().indexOf("policies/default.yaml:");
        int repo = r.out().indexOf("fixtures/maven-app/.pinver.yaml:");
        assertTrue(preset >= 0 && repo > preset, r.out());
        assertTrue(r.out().contains("pin:         window"), r.out());
        assertTrue(r.out().contains("breaking:    semver"), r.out());
    }

    @Test
    void aPackageDeclaredNowhereStillShowsItsSettings() {
        Cli r = Cli.run("explain", "@types/node", "--path", "fixtures/npm-app");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("@types/node (npm)"), r.out());
        assertTrue(r.out().contains("style:       caret"), r.out());
    }
}
