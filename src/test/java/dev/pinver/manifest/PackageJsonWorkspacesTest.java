package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Workspace patterns expanded on a real directory tree. The expected members are what npm 11's
 * {@code @npmcli/map-workspaces} returned for the same tree and patterns; the brace and segment tables
 * are minimatch's answers ({@code braceExpand}, {@code minimatch(name, pattern)}).
 */
class PackageJsonWorkspacesTest {

    @TempDir
    Path root;

    private void member(String directory) throws IOException {
        Path dir = Files.createDirectories(root.resolve(directory));
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"" + directory.replace('/', '_') + "\"}\n");
    }

    @Test
    void expandsGlobsNegationsAndLinksAsNpmDoes() throws IOException {
        for (String d : List.of("libs/one", "libs/two/deep", "libs/node_modules/nm", "libs/skip", "libs/skip/inner",
                "libs/.dot", "apps/web", "services/api", "pkg-a", "pkg-b", "pkg-c", "xyz", "xaz", "rel/one",
                "lead/slash", "back/slash", "walk/real", "other/target", "other/t2", "other/t2/under")) {
            member(d);
        }
        Files.createDirectories(root.resolve("libs/empty"));
        Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(root.resolve("links/l1"), Path.of("../other/target"));
        Files.createSymbolicLink(root.resolve("walk/sym"), Path.of("../other/t2"));
        String text = "{\"name\": \"root\", \"workspaces\": [\"libs/**\", \"!libs/skip/**\", \"{apps,services}/*\","
                + " \"pkg-[ab]\", \"pkg-[!ab]\", \"x?z\", \"./rel/one\", \"/lead/slash\", \"back\\\\slash\", \"links/*\","
                + " \"walk/**\"]}";
        Path manifest = root.resolve("package.json");

        List<String> members = new PackageJsonReader().read(manifest, text).includes().stream()
                .map(i -> root.relativize(i.target().getParent()).toString().replace('\\', '/'))
                .toList();

        assertEquals(List.of("libs/one", "libs/two/deep", "apps/web", "services/api", "pkg-a", "pkg-b", "pkg-c", "xaz",
                "xyz", "rel/one", "lead/slash", "back/slash", "links/l1", "walk/real", "walk/sym"), members);
    }

    @Test
    void aMemberKeepsTheSpanOfThePatternThatNamedItFirstAndALaterNegationRemovesIt() throws IOException {
        member("packages/a");
        member("packages/b");
        String text = "{\"workspaces\": [\"packages/*\", \"packages/a\", \"!packages/b\", \"!!packages/b\", \".\"]}";
        Path manifest = root.resolve("package.json");

        List<Manifest.Include> includes = new PackageJsonReader().read(manifest, text).includes();

        assertEquals(List.of(
                new Manifest.Include(root.resolve("packages/a/package.json"), false, Span.of(text, 17, 27)),
                new Manifest.Include(root.resolve("packages/b/package.json"), false, Span.of(text, 60, 72))),
                includes);
        assertEquals("!!packages/b", text.substring(60, 72));
    }

    @Test
    void aRelativeManifestPathExpandsFromTheCurrentDirectory() {
        Manifest manifest = new PackageJsonReader().read(Path.of("package.json"), "{\"workspaces\": [\"no-such-dir-*\"]}");

        assertEquals(List.of(), manifest.includes());
        assertEquals(List.of(), manifest.problems());
    }

    @Test
    void aPatternNoFileSystemCanHoldNamesNothing() {
        Manifest manifest = new PackageJsonReader().read(root.resolve("package.json"),
                "{\"workspaces\": [\"bad\\u0000name\", \"x/\\u0000/*\"]}");

        assertEquals(List.of(), manifest.includes());
        assertEquals(List.of(), manifest.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "packages/*|packages/*",
        "{apps,services}/*|apps/* services/*",
        "a{b,c{d,e}}f|abf acdf acef",
        "{a}|{a}",
        "x{,y}z|xz xyz",
        "{a,b}/{c,d}|a/c a/d b/c b/d",
        "a{b,c|a{b,c",
        "a}b{c,d}|a}bc a}bd",
        "{}|{}",
    })
    void bracesExpandAsMinimatchExpandsThem(String pattern, String expected) {
        assertEquals(List.of(expected.split(" ")), PackageJsonWorkspaces.expandBraces(pattern));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "pkg-a|pkg-[ab]|true",
        "pkg-c|pkg-[!ab]|true",
        "pkg-c|pkg-[^ab]|true",
        "pkg-a|pkg-[^ab]|false",
        "x-1|x-[0-9]|true",
        "x-a|x-[0-9]|false",
        "x-]|x-[]]|true",
        "x-]|x-[]a]|true",
        "a[b|a[b|true",
        "a-b|a[-]b|true",
        "a-b|a[a-]b|true",
        "ab|a?|true",
        "a|a?|false",
        "a.b|a.b|true",
        "axb|a.b|false",
        "a+b|a+b|true",
        "a(b|a(b|true",
        "a$b|a$b|true",
        "ab|a*b*|true",
        "x|[x-x]|true",
        "\u00e9|[\u00e9]|true",
        "x-b|x-[z-a]|false",
        "x-b|x-[!z-a]|false",
        "x-a|x-[z-ab]|false",
        "x-b|x-[!z-ab]|false",
        "x-c|x-[!z-ab]|true",
        "x-]|x-[]-a]|true",
    })
    void aSegmentMatchesAsMinimatchMatchesIt(String name, String segment, boolean matches) {
        assertEquals(matches, PackageJsonWorkspaces.segmentPattern(segment).matcher(name).matches());
    }
}
