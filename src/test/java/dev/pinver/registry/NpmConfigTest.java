package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code .npmrc} reading. Expected values come from npm 11.19.1 itself: its {@code ini} parser with
 * {@code @npmcli/config}'s {@code env-replace}, {@code npm config get} for precedence, and
 * npm-registry-fetch's {@code getAuth} for which credentials a URL gets.
 */
class NpmConfigTest {

    @TempDir
    Path dir;

    private static final String USER_NPMRC = """
            ; user config
            registry=https://user.example/npm/
            @corp:registry = https://corp.example/api/npm/npm-local
            //corp.example/api/npm/:_authToken=${CORP_TOKEN}
            //plain.example/:_authToken = "quoted-token"
            //escaped.example/:_authToken=abc\\#def#comment
            //opt.example/:_authToken=${MISSING?}x
            //lit.example/:_authToken=${MISSING}
            //esc1.example/:_authToken=\\${CORP_TOKEN}
            //esc2.example/:_authToken=\\\\${CORP_TOKEN}
            always-auth
            [section]
            registry=https://section.example/
            """;

    @Test
    void readsAnNpmrcAsNpmDoes() throws IOException {
        Path file = dir.resolve(".npmrc");
        Files.writeString(file, USER_NPMRC);
        Map<String, String> expected = new HashMap<>();
        expected.put("registry", "https://user.example/npm/");
        expected.put("@corp:registry", "https://corp.example/api/npm/npm-local");
        expected.put("//corp.example/api/npm/:_authToken", "s3cret");
        expected.put("//plain.example/:_authToken", "quoted-token");
        expected.put("//escaped.example/:_authToken", "abc#def");
        expected.put("//opt.example/:_authToken", "x");
        expected.put("//lit.example/:_authToken", "${MISSING}");
        expected.put("//esc1.example/:_authToken", "${CORP_TOKEN}");
        expected.put("//esc2.example/:_authToken", "${CORP_TOKEN}");
        expected.put("always-auth", "true");
        assertEquals(expected, NpmConfig.readNpmrc(file, Map.of("CORP_TOKEN", "s3cret")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ${A}               | 1
            pre-${A}-${A}-post | pre-1-1-post
            ${B}               | ${B}
            ${B?}              | ``
            \\${A}             | ${A}
            \\\\${A}           | \\1
            \\\\\\${A}         | \\${A}
            ${A                | ${A
            """)
    void environmentReferences(String text, String expanded) {
        assertEquals(expanded, NpmConfig.expand(text, Map.of("A", "1")));
    }

    /** Expected values are Node 20's {@code Buffer.from(text, 'base64').toString('latin1')}, as npm decodes {@code _password}. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            c2VjcmV0      | secret
            `c2V jcmV0`   | secret
            c2VjcmV       | secre
            c2VjcmV0=     | secret
            c2Vj=cmV0     | sec
            c2Vj$cmV0     | secret
            c2Vj-_        | secû
            a             | ``
            ab            | i
            abc           | i·
            """)
    void passwordsDecodeAsNodeDecodesThem(String text, String decoded) {
        assertEquals(decoded, new String(NpmConfig.nodeBase64(text), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  plain  `            | plain
            value ; comment        | value
            a\\;b                  | a;b
            a\\xb                  | a\\xb
            `"a;b # \\u0041"`      | a;b # A
            `'single ; kept'`      | single ; kept
            `"unterminated`        | "unterminated
            `"bad \\q escape"`     | "bad \\q escape"
            """)
    void valuesAsIniReadsThem(String raw, String value) {
        assertEquals(value, NpmConfig.unquote(raw));
    }

    @Test
    void projectOverridesUserAndEnvironmentOverridesBoth() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(home.resolve(".npmrc"), USER_NPMRC);
        Files.writeString(project.resolve(".npmrc"), "# project config\n@corp:registry=https://corp.example/api/npm/npm-project/\n");
        NpmConfig config = NpmConfig.load(project, home, Map.of());
        assertEquals("https://user.example/npm/", config.registryFor("is-number"));
        assertEquals("https://corp.example/api/npm/npm-project/", config.registryFor("@corp/pkg"));
        assertEquals("https://user.example/npm/", config.registryFor("@other/pkg"));
        assertEquals("https://env.example/", NpmConfig.load(project, home, Map.of("NPM_CONFIG_REGISTRY", "https://env.example/")).registryFor("x"));
        assertEquals("https://env2.example/", NpmConfig.load(project, home, Map.of("npm_config_registry", "https://env2.example")).registryFor("x"));
    }

    @Test
    void theUserFileCanBeMovedAndTheDefaultIsNpmjs() throws IOException {
        Path elsewhere = dir.resolve("elsewhere.npmrc");
        Files.writeString(elsewhere, "registry=https://moved.example/\n");
        assertEquals("https://moved.example/", NpmConfig.load(dir, dir, Map.of("npm_config_userconfig", elsewhere.toString())).registryFor("x"));
        assertEquals(NpmConfig.DEFAULT_REGISTRY, NpmConfig.load(dir.resolve("none"), dir.resolve("nobody"), Map.of()).registryFor("x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://corp.example/api/npm/npm-local/@corp%2fpkg | Bearer tok-dir
            https://corp.example/api/npm/@x%2fy                | Bearer tok-dir
            https://corp.example/api/other/pkg                 | Basic dXNlcjpwYXNz
            https://corp.example:8443/pkg                      | Bearer tok-port
            https://corp.example:443/api/npm/pkg               | Bearer tok-dir
            https://basic.example/repo/pkg                     | Basic YWxpY2U6cGE6c3M=
            https://basic.example/repo                         | Basic YWxpY2U6cGE6c3M=
            https://basic.example/repository/pkg               | none
            https://registry.npmjs.org/is-number               | Bearer tok-npm
            https://elsewhere.example/pkg                      | none
            """)
    void credentialsAsNpmRegistryFetchFindsThem(String url, String header) {
        NpmConfig config = NpmConfig.of(Map.of(
                "//corp.example/api/npm/:_authToken", "tok-dir",
                "//corp.example/:_auth", "dXNlcjpwYXNz",
                "//corp.example:8443/:_authToken", "tok-port",
                "//basic.example/repo:username", "alice",
                "//basic.example/repo:_password", "cGE6c3M=",
                "//registry.npmjs.org/:_authToken", "tok-npm"));
        assertEquals(header, config.credentialsFor(url).map(Credentials::header).orElse("none"));
    }

    @Test
    void credentialsNeverPrint() {
        NpmConfig config = NpmConfig.of(Map.of("//r.example/:_authToken", "tok-secret-123"));
        Optional<Credentials> credentials = config.credentialsFor("https://r.example/x");
        assertEquals("Optional[Bearer[***]]", credentials.toString());
    }
}
