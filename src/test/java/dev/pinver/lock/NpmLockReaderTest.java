package dev.pinver.lock;

import static dev.pinver.lock.LockFixtures.assertBadInput;
import static dev.pinver.lock.LockFixtures.read;
import static dev.pinver.lock.LockFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpmLockReaderTest {

    /** What the root project of package-lock.v3.json resolves, before the member-specific copies. */
    private static final List<String> V3_ROOT = List.of(
            "@babel/code-frame 7.26.2",
            "@babel/helper-validator-identifier 7.25.9",
            "@types/node 20.17.10",
            "js-tokens 4.0.0",
            "lodash 4.17.21",
            "make-dir 3.1.0",
            "picocolors 1.1.1",
            "react 18.3.1",
            "semver 7.6.3",
            "string-width-cjs 4.2.3",
            "typescript 5.7.2",
            "undici-types 6.19.8");

    @Test
    void v3RootTakesTopLevelNodeModulesOnly() {
        LockedVersions locked = read(new NpmLockReader(), "package-lock.v3.json");
        assertEquals(LockedVersions.NPM, locked.format());
        // not: the nested make-dir/node_modules/semver 6.3.1, the workspace links @demo/ui and @demo/utils,
        // left-pad from git, local-config from a file: tarball, the members' own node_modules
        assertEquals(V3_ROOT, render(locked));
        assertEquals(Optional.of("7.6.3"), locked.versionOf("semver"));
        assertEquals(Optional.empty(), locked.versionOf("@demo/utils"));
        assertEquals(Optional.empty(), locked.versionOf("Lodash"));
    }

    @Test
    void aWorkspaceMemberSeesItsOwnNodeModulesFirst() {
        List<String> ui = V3_ROOT.stream().map(l -> l.equals("lodash 4.17.21") ? "lodash 3.10.1" : l).toList();
        assertEquals(ui, render(read(new NpmLockReader("packages/ui"), "package-lock.v3.json")));
        List<String> utils = V3_ROOT.stream()
                .map(l -> l.startsWith("@types/node ") ? "@types/node 22.10.2" : l)
                .map(l -> l.startsWith("undici-types ") ? "undici-types 6.20.0" : l)
                .toList();
        assertEquals(utils, render(read(new NpmLockReader("packages/utils/"), "package-lock.v3.json")));
        assertEquals(V3_ROOT, render(read(new NpmLockReader("."), "package-lock.v3.json")));
    }

    @Test
    void hoistingAboveTheMemberButBelowTheRootIsFound() {
        String text = """
                {
                  "lockfileVersion": 3,
                  "packages": {
                    "": {"workspaces": ["apps/web/packages/*"]},
                    "apps/web/node_modules/ms": {"version": "2.1.2", "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.2.tgz"},
                    "apps/web/packages/a/node_modules/debug/node_modules/ms": {"version": "2.0.0"},
                    "node_modules/ms": {"version": "2.1.3", "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"}
                  }
                }
                """;
        Path lock = Path.of("package-lock.json");
        assertEquals(List.of("ms 2.1.2"), render(new NpmLockReader("apps/web/packages/a").read(lock, text)));
        assertEquals(List.of("ms 2.1.3"), render(new NpmLockReader("apps/other").read(lock, text)));
        assertEquals(List.of("ms 2.1.3"), render(new NpmLockReader().read(lock, text)));
    }

    @Test
    void v2ReadsPackagesNotTheLegacyTree() {
        assertEquals(List.of("debug 2.6.9", "ms 2.1.3"), render(read(new NpmLockReader(), "package-lock.v2.json")));
        String disagreeing = """
                {
                  "lockfileVersion": 2,
                  "packages": {"node_modules/ms": {"version": "2.1.3"}},
                  "dependencies": {"ms": {"version": "2.1.2"}}
                }
                """;
        assertEquals(List.of("ms 2.1.3"), render(new NpmLockReader().read(Path.of("package-lock.json"), disagreeing)));
    }

    @Test
    void v1ReadsTopLevelDependenciesWithAliasesAndSkipsGitAndFile() {
        assertEquals(List.of(
                "@sindresorhus/is 0.14.0",
                "debug 2.6.9",
                "ms 2.1.3",
                "strip-ansi-cjs 6.0.1"), render(read(new NpmLockReader(), "package-lock.v1.json")));
    }

    @Test
    void aByteOrderMarkIsReadAndCountedInColumns() {
        String text = "\uFEFF{\"packages\": {\"node_modules/ms\": {\"version\": \"2.1.3\"}}}";
        assertEquals(List.of("ms 2.1.3"), render(new NpmLockReader().read(Path.of("package-lock.json"), text)));
        assertBadInput(new NpmLockReader(), "\uFEFF{\"packages\": 1}", 1, 15, "\"packages\" must be an object");
        assertBadInput(new NpmLockReader(), "\uFEFF{\"packages\" 1}", 1, 14, "invalid JSON: ");
    }

    @Test
    void aLockWithNeitherTableLocksNothing() {
        assertEquals(List.of(), render(new NpmLockReader().read(Path.of("package-lock.json"), "{\"lockfileVersion\": 3}")));
    }

    @Test
    void brokenJsonAndMalformedEntriesAreLocated() {
        assertBadInput(new NpmLockReader(), """
                {
                  "lockfileVersion": 3,
                  "packages": {
                    "node_modules/ms": {
                      "version": "2.1.3"
                      "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"
                    }
                  }
                }
                """, 6, 7, "invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma");
        assertBadInput(new NpmLockReader(), """
                {
                  "lockfileVersion": 3,
                  "packages": [
                    "node_modules/ms"
                  ]
                }
                """, 3, 15, "\"packages\" must be an object");
        assertBadInput(new NpmLockReader(), """
                {
                  "packages": {
                    "node_modules/@scope/x": {"version": 2}
                  }
                }
                """, 3, 42, "the version of node_modules/@scope/x must be a non-empty string");
        assertBadInput(new NpmLockReader(), """
                {
                  "lockfileVersion": 1,
                  "dependencies": {
                    "ms": "2.1.3"
                  }
                }
                """, 4, 11, "the entry of ms must be an object");
        assertBadInput(new NpmLockReader(), """
                {
                  "packages": {
                    "node_modules/ms": {"version": "2.1.3"}
                  }
                }
                }
                """, 6, 1, "invalid JSON: ");
    }
}
