package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every package.json of the shared corpus, and specific dependencies of several of them. */
class PackageJsonReaderCorpusTest {

    private static final PackageJsonReader READER = new PackageJsonReader();

    static Stream<Path> corpusFiles() {
        return Corpus.files("manifests/npm").stream();
    }

    private static Manifest read(String name) {
        Path file = Corpus.file("manifests/npm/" + name);
        return READER.read(file, SourceText.read(file));
    }

    /** The rendered dependencies of {@code manifest} in {@code section}. */
    private static List<String> rendered(Manifest manifest, String section) {
        return PackageJsonReaderTest.render(manifest).stream().filter(r -> r.endsWith(" " + section)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void readsEveryCorpusFileWithExactSpans(Path file) {
        String text = SourceText.read(file);
        Manifest manifest = READER.read(file, text);

        assertEquals(List.of(), manifest.problems());
        assertFalse(manifest.dependencies().isEmpty(), "no dependencies read");
        PackageJsonReaderTest.assertSpansExact(text, manifest);
    }

    @Test
    void expressReadsItsDependenciesAndDevDependencies() {
        Manifest manifest = read("expressjs__express@61ccf2ea__package.json");
        List<String> dependencies = rendered(manifest, "dependencies");

        assertEquals("accepts [~1.3.8] 35:17 REGISTRY dependencies", dependencies.get(0));
        assertEquals(31, dependencies.size());
        assertEquals(16, rendered(manifest, "devDependencies").size());
    }

    @Test
    void jestReadsItsYarnResolutionsWithWorkspaceAndPatchProtocols() {
        Manifest manifest = read("jestjs__jest__package.json");

        List<String> devDependencies = rendered(manifest, "devDependencies");
        assertEquals("@babel/core [^7.27.4] 6:21 REGISTRY devDependencies", devDependencies.get(0));
        assertTrue(devDependencies.contains("@jest/globals [workspace:*] 16:23 LOCAL devDependencies"));
        assertEquals(List.of(
                "jest-matcher-utils [workspace:*] 211:58 LOCAL resolutions",
                "pretty-format [workspace:*] 212:53 LOCAL resolutions",
                "@types/mdx [patch:@types/mdx@npm:^2.0.0#~/.yarn/patches/@types-mdx-npm-2.0.14-ebb2ecb0d6.patch] 213:31 LOCAL resolutions",
                "@types/node [18.x] 214:21 REGISTRY resolutions",
                "type-fest [^2.0.0] 215:32 REGISTRY resolutions",
                "babel-jest [workspace:*] 216:20 LOCAL resolutions",
                "jest [workspace:*] 217:14 LOCAL resolutions",
                "jest-environment-node [workspace:*] 218:31 LOCAL resolutions",
                "lru-cache [patch:lru-cache@npm:10.4.3#./.yarn/patches/lru-cache-npm-10.4.3-30c10b861a.patch] 219:27 LOCAL resolutions",
                "lru-cache [patch:lru-cache@npm:10.4.3#./.yarn/patches/lru-cache-npm-10.4.3-30c10b861a.patch] 220:27 LOCAL resolutions",
                "lru-cache [patch:lru-cache@npm:10.4.3#./.yarn/patches/lru-cache-npm-10.4.3-30c10b861a.patch] 221:27 LOCAL resolutions",
                "ts-node [patch:ts-node@npm:^10.5.0#./.yarn/patches/ts-node-npm-10.9.1-6c268be7f4.patch] 222:25 LOCAL resolutions"),
                rendered(manifest, "resolutions"));
    }

    @Test
    void jhipsterReadsNpmOverrides() {
        Manifest manifest = read("jhipster__jhipster-sample-app__package.json");

        assertEquals(List.of(
                "browser-sync [3.0.4] 87:22 REGISTRY overrides",
                "webpack [5.108.4] 88:17 REGISTRY overrides"), rendered(manifest, "overrides"));
        assertEquals("@angular/common [21.2.17] 91:25 REGISTRY dependencies", rendered(manifest, "dependencies").get(0));
    }

    @Test
    void vueReadsPnpmCatalogsAsManaged() {
        Manifest manifest = read("vuejs__core__packages__compiler-sfc__package.json");

        assertEquals(List.of(
                "@babel/parser [catalog:] 45:23 MANAGED dependencies",
                "@vue/compiler-core [workspace:*] 46:28 LOCAL dependencies"),
                rendered(manifest, "dependencies").subList(0, 2));
    }

    @Test
    void atomReadsGitAndFileDependencies() {
        Manifest manifest = read("atom__atom__package.json");
        List<String> dependencies = rendered(manifest, "dependencies");

        assertEquals("about [file:packages/about] 21:15 LOCAL dependencies", dependencies.get(4));
        assertEquals("archive-view [git+https://github.com/atom/archive-view.git#762c5b6] 22:22 URL dependencies",
                dependencies.get(5));
    }
}
