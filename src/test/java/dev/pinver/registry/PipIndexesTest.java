package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinver.PinverException;
import dev.pinver.manifest.IndexOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index configuration. The expected index lists are what pip 23.2.1 prints as "Looking in indexes" for
 * the same configuration file, environment, command line and requirements file.
 */
class PipIndexesTest {

    @TempDir
    Path dir;

    private Path conf(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String A_CONF = """
            [global]
            index-url = file:///tmp/pipt/A
            extra-index-url =
                file:///tmp/pipt/B
                file:///tmp/pipt/C
            [install]
            extra_index_url = file:///tmp/pipt/D
            """;

    @Test
    void installSectionOverridesGlobal() throws IOException {
        assertEquals(List.of("file:///tmp/pipt/A", "file:///tmp/pipt/D"),
                PipIndexes.configured(List.of(conf("a.conf", A_CONF)), Map.of(), Optional.empty(), List.of(), false));
    }

    @Test
    void environmentReplacesTheFilesAndTheCommandLineAddsAndReplaces() throws IOException {
        Map<String, String> env = Map.of("PIP_EXTRA_INDEX_URL", "file:///tmp/pipt/E file:///tmp/pipt/F");
        List<Path> files = List.of(conf("a.conf", A_CONF));
        assertEquals(List.of("file:///tmp/pipt/A", "file:///tmp/pipt/E", "file:///tmp/pipt/F"),
                PipIndexes.configured(files, env, Optional.empty(), List.of(), false));
        assertEquals(List.of("file:///tmp/pipt/H", "file:///tmp/pipt/E", "file:///tmp/pipt/F", "file:///tmp/pipt/G"),
                PipIndexes.configured(files, env, Optional.of("file:///tmp/pipt/H"), List.of("file:///tmp/pipt/G"), false));
    }

    @Test
    void laterFilesWinAndKeysAreNormalised() throws IOException {
        Path site = conf("site.conf", "[global]\nindex-url = https://site.example/simple\nextra-index-url = https://extra.example/simple\n");
        Path user = conf("user.conf", "; user settings\n[global]\n# comment\n--INDEX_URL: https://user.example/simple\n");
        assertEquals(List.of("https://user.example/simple", "https://extra.example/simple"),
                PipIndexes.configured(List.of(site, user, dir.resolve("missing.conf")), Map.of(), Optional.empty(), List.of(), false));
    }

    @Test
    void theDefaultIsPypiAndNoIndexTurnsItOff() throws IOException {
        assertEquals(List.of(PipIndexes.PYPI), PipIndexes.configured(List.of(), Map.of(), Optional.empty(), List.of(), false));
        assertEquals(List.of(), PipIndexes.configured(List.of(), Map.of("PIP_NO_INDEX", "yes"), Optional.empty(), List.of(), false));
        assertEquals(List.of(), PipIndexes.configured(List.of(conf("n.conf", "[global]\nno-index = true\n")), Map.of(),
                Optional.empty(), List.of("https://x.example/simple"), false));
        assertEquals(List.of(PipIndexes.PYPI), PipIndexes.configured(List.of(conf("f.conf", "[global]\nno-index = off\n")), Map.of(),
                Optional.empty(), List.of(), false));
        assertEquals(List.of(), PipIndexes.configured(List.of(), Map.of(), Optional.empty(), List.of("https://x.example/simple"), true));
    }

    @Test
    void requirementsFileOptions() {
        List<String> configured = List.of("file:///tmp/pipt/A", "file:///tmp/pipt/D");
        assertEquals(List.of("file:///tmp/pipt/X", "file:///tmp/pipt/Y"), PipIndexes.withRequirementsOptions(configured,
                List.of(new IndexOption(IndexOption.Kind.INDEX_URL, "file:///tmp/pipt/X"), new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "file:///tmp/pipt/Y")), Map.of()));
        assertEquals(List.of("file:///tmp/pipt/A", "file:///tmp/pipt/D", "https://more.example/simple"),
                PipIndexes.withRequirementsOptions(configured,
                List.of(new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, " https://more.example/simple ")), Map.of()));
        // pip 23: after --no-index, later index options in the file are ignored
        assertEquals(List.of(), PipIndexes.withRequirementsOptions(configured,
                List.of(new IndexOption(IndexOption.Kind.NO_INDEX, ""), new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "file:///tmp/pipt/Z")), Map.of()));
        assertEquals(List.of(), PipIndexes.withRequirementsOptions(List.of(),
                List.of(new IndexOption(IndexOption.Kind.INDEX_URL, "file:///tmp/pipt/X")), Map.of()));
        // ${NAME} as pip expands it: upper-case names only, an unset one left as written
        assertEquals(List.of("https://user:s3cret@private.example/simple", "https://${UNSET_ONE}/simple", "https://${lower}/x"),
                PipIndexes.withRequirementsOptions(configured, List.of(
                        new IndexOption(IndexOption.Kind.INDEX_URL, "https://user:${INDEX_TOKEN}@private.example/simple"),
                        new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "https://${UNSET_ONE}/simple"),
                        new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "https://${lower}/x")),
                        Map.of("INDEX_TOKEN", "s3cret", "lower", "no")));
    }

    @Test
    void findLinksComeFromTheConfigurationTheEnvironmentAndRequirementsFilesAndSurviveNoIndex() throws IOException {
        Path conf = conf("links.conf", "[global]\nfind-links =\n    /srv/wheels\n    https://example.com/links.html\n");
        assertEquals(List.of("/srv/wheels", "https://example.com/links.html"), PipIndexes.sources(List.of(conf), Map.of(), Optional.empty(), List.of()).findLinks());
        assertEquals(List.of("/a", "/b"), PipIndexes.sources(List.of(conf), Map.of("PIP_FIND_LINKS", "/a /b"), Optional.empty(), List.of())
                .findLinks());
        List<IndexOption> options = List.of(new IndexOption(IndexOption.Kind.FIND_LINKS, "/c"),
                new IndexOption(IndexOption.Kind.NO_INDEX, ""), new IndexOption(IndexOption.Kind.FIND_LINKS, "${WHEELS}"));
        assertEquals(List.of("/a", "/c", "/d"), PipIndexes.withRequirementsFindLinks(List.of("/a"), options, Map.of("WHEELS", "/d")));
        assertEquals(List.of(), PipIndexes.withRequirementsOptions(List.of("https://x.example/simple"), options, Map.of()),
                "find-links are not indexes; --no-index still ends the indexes");
    }

    @Test
    void configFilesInPipsOrder() throws IOException {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("XDG_CONFIG_DIRS", "/etc/a:/etc/b", "XDG_CONFIG_HOME", "/cfg",
                "VIRTUAL_ENV", "/venv", "PIP_CONFIG_FILE", dir.resolve("absent.conf").toString());
        assertEquals(List.of(Path.of("/etc/a/pip/pip.conf"), Path.of("/etc/b/pip/pip.conf"), Path.of("/etc/pip.conf"),
                home.resolve(".pip/pip.conf"), Path.of("/cfg/pip/pip.conf"), Path.of("/venv/pip.conf"), dir.resolve("absent.conf")),
                PipIndexes.configFiles(env, home));
        Path present = conf("present.conf", "[global]\n");
        assertEquals(List.of(Path.of("/etc/xdg/pip/pip.conf"), Path.of("/etc/pip.conf"), present),
                PipIndexes.configFiles(Map.of("PIP_CONFIG_FILE", present.toString()), home),
                "an existing PIP_CONFIG_FILE replaces the user's files");
        assertEquals(List.of(), PipIndexes.configFiles(Map.of("PIP_CONFIG_FILE", "/dev/null"), home));
        assertEquals(List.of(Path.of("/etc/xdg/pip/pip.conf"), Path.of("/etc/pip.conf"), home.resolve(".pip/pip.conf"),
                home.resolve(".config/pip/pip.conf")), PipIndexes.configFiles(Map.of(), home));
    }

    @Test
    void aBrokenConfigFileNamesItsLine() throws IOException {
        Path bad = conf("bad.conf", "[global]\nindex-url = https://x.example/simple\nthis line has no delimiter\n");
        PinverException e = assertThrows(PinverException.class,
                () -> PipIndexes.configured(List.of(bad), Map.of(), Optional.empty(), List.of(), false));
        assertEquals(bad + ":3:1: not an option line: this line has no delimiter", e.oneLine());
    }

    @Test
    void duplicatesCollapseWhenMadeIndexes() {
        assertEquals(List.of(new PypiIndex("https://pypi.org/pypi", PypiIndex.Api.JSON), new PypiIndex("file:///opt/pypi/simple", PypiIndex.Api.SIMPLE)),
                PipIndexes.indexes(List.of("https://pypi.org/simple", "file:///opt/pypi/simple/", "https://pypi.org/simple/")));
    }
}
