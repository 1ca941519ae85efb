package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenSettingsTest {

    private static final Map<String, String> CORPORATE_VARIABLES =
            Map.of("fixture.local", "/work/local-repo", "env.CORP_PASSWORD", "C0rp-Pa55");

    @Test
    void readsServersProxiesMirrorsAndTheActiveProfilesRepositories() {
        MavenSettings settings = MavenFixtures.settings("corporate.xml", CORPORATE_VARIABLES);

        assertEquals(Optional.of(Path.of("/work/local-repo")), settings.localRepository());
        assertFalse(settings.offline());
        assertEquals(List.of(
                new MavenSettings.Server("corp", "ci-bot", "C0rp-Pa55", Map.of()),
                new MavenSettings.Server("gitlab", "", "", Map.of("Private-Token", "glpat-Fixture0Token")),
                new MavenSettings.Server("vault", "deployer", "{COQLCE6DU6GtcS5P=}", Map.of())), settings.servers());
        assertEquals(List.of(
                new MavenSettings.Proxy("office", true, "http", "proxy.corp.example", 3128, "jdoe", "Pr0xy-Secret",
                        "*.internal.example|localhost"),
                new MavenSettings.Proxy("home", false, "http", "proxy.home.example", 8080, "", "", "")), settings.proxies());
        // "unused" is activeByDefault, but activeProfiles names another profile, so it stays off (as in Maven)
        assertEquals(List.of(new MavenRepository("corp", "https://repo.corp.example/maven2", true, false)),
                settings.repositories());
        assertEquals(List.of(), settings.mirrors());
    }

    @Test
    void activeByDefaultProfilesApplyWhenNoneIsListed() {
        assertEquals(List.of(new MavenRepository("team-snapshots", "https://repo.team.example/snapshots", false, true)),
                MavenFixtures.settings("profiles-default.xml", Map.of()).repositories());
    }

    @Test
    void anUndefinedReferenceStaysAsWritten() {
        MavenSettings settings = MavenSettings.read(MavenFixtures.resource("settings/corporate.xml"), name -> null);
        assertEquals("${env.CORP_PASSWORD}", settings.servers().get(0).password());
        assertEquals(Optional.of(Path.of("${fixture.local}")), settings.localRepository());
    }

    @Test
    void readsMirrorsWithTheirDefaults() {
        MavenSettings settings = MavenFixtures.settings("mirrors.xml", Map.of());
        assertEquals(List.of(
                new MavenSettings.Mirror("maven-default-http-blocker", "http://0.0.0.0/", "external:http:*", "default",
                        "default,legacy", true),
                new MavenSettings.Mirror("vendor-mirror", "https://vendor-mirror.example/m2", "vendor", "default",
                        "default,legacy", false),
                new MavenSettings.Mirror("ext", "https://nexus.example/repository/maven-public/", "external:*,!vendor,!partner",
                        "default", "default,legacy", false)), settings.mirrors());
    }

    @Test
    void secretsNeverShowInToString() {
        MavenSettings settings = MavenFixtures.settings("corporate.xml", CORPORATE_VARIABLES);
        String shown = settings.toString();
        for (String secret : List.of("C0rp-Pa55", "glpat-Fixture0Token", "Pr0xy-Secret", "COQLCE6DU6GtcS5P")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
        assertTrue(shown.contains("ci-bot"), shown);
        assertEquals(List.of("C0rp-Pa55", "glpat-Fixture0Token", "{COQLCE6DU6GtcS5P=}", "Pr0xy-Secret"), settings.secrets());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{COQLCE6DU6GtcS5P=}|true",
        "Oleg reset this password on 2009-03-11, expires on 2009-04-11 {COQLCE6DU6GtcS5P=}|true",
        "{[name=master,cipher=AES/GCM/NoPadding,version=4.0]vvq66pZ7rkvzSPStGTI9q4QDnsmuDwo+LtjraRel2b0=}|true",
        "plain-password|false",
        "\\{escaped\\}|false",
        "{}|false",
        "pass{word|false",
    })
    void recognisesEncryptedPasswords(String password, boolean encrypted) {
        assertEquals(encrypted, new MavenSettings.Server("s", "u", password, Map.of()).encrypted());
    }

    @Test
    void userSettingsOverrideGlobalOnesById() {
        MavenSettings user = MavenFixtures.settings("corporate.xml", CORPORATE_VARIABLES);
        MavenSettings global = MavenFixtures.settings("global.xml", Map.of());
        MavenSettings merged = user.over(global);

        assertEquals(Optional.of(Path.of("/work/local-repo")), merged.localRepository());
        assertTrue(merged.offline(), "offline when either file says so");
        assertEquals(List.of("corp", "gitlab", "vault", "shared"), merged.servers().stream().map(MavenSettings.Server::id).toList());
        assertEquals("ci-bot", merged.servers().get(0).username());
        assertEquals(List.of("maven-default-http-blocker"), merged.mirrors().stream().map(MavenSettings.Mirror::id).toList());
        assertEquals(Optional.of(Path.of("/opt/maven/repository")), MavenSettings.NONE.over(global).localRepository());
    }

    @Test
    void loadsAnExplicitFileAndRefusesAMissingOne() {
        assertTrue(MavenSettings.load(Optional.of(MavenFixtures.resource("settings/offline.xml"))).offline());
        PinverException e = assertThrows(PinverException.class,
                () -> MavenSettings.load(Optional.of(Path.of("/nonexistent/settings.xml"))));
        assertEquals(PinverException.Kind.BAD_INPUT, e.kind());
        assertEquals("settings file not found: /nonexistent/settings.xml", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "malformed.xml|6|7|settings.xml is not well-formed XML: The element type \"server\" must be terminated by the matching end-tag \"</server>\".",
        "bad-port.xml|6|13|<port> must be a number from 1 to 65535, not 'eighty'",
        "no-mirror-of.xml|4|13|<mirror> needs a <mirrorOf>",
        "doctype.xml|2|68|settings.xml must not have a DOCTYPE",
        "pom-not-settings.xml|2|10|not a Maven settings file: the root element is <project>, not <settings>",
    })
    void badFilesAreBadInputAtTheirPosition(String file, int line, int column, String message) {
        Path path = MavenFixtures.resource("settings/" + file);
        PinverException e = assertThrows(PinverException.class, () -> MavenSettings.read(path, name -> null));
        assertEquals(PinverException.Kind.BAD_INPUT, e.kind());
        assertEquals(Optional.of(new Location(path, line, column)), e.location());
        assertEquals(message, e.getMessage());
    }
}
