package dev.pinver.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinver.PinverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BranchNamesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "fastapi, 0.46, pinver/fastapi-0.46",
        "@types/node, 20, pinver/types-node-20",
        "@angular/core, 17.x, pinver/angular-core-17.x",
        "org.slf4j:slf4j-api, 2, pinver/org.slf4j-slf4j-api-2",
        "zope.interface, 6, pinver/zope.interface-6",
        "'weird  name~^:?*[\\', 1, pinver/weird-name-1",
        "a..b, 0.0.3, pinver/a.b-0.0.3",
        "-dash., .5, pinver/dash-5",
        "file.lock, 1, pinver/file-lock-1",
        "@@, 1, pinver/unnamed-1",
        "ruamel.yaml, 0.18, pinver/ruamel.yaml-0.18",
    })
    void namesAreValidBranches(String pkg, String window, String expected) throws IOException, InterruptedException {
        String name = BranchNames.of("pinver/", pkg, window);
        assertEquals(expected, name);
        assertGitAccepts(name);
    }

    @Test
    void groupsAreNamedByTheGroup() throws IOException, InterruptedException {
        assertEquals("deps/web-stack", BranchNames.ofGroup("deps/", "web stack"));
        assertGitAccepts("deps/web-stack");
    }

    @ParameterizedTest
    @CsvSource({"''", "bad..", "/x/", "a b/", "x.lock/"})
    void aPrefixThatMakesNoBranchIsRefused(String prefix) {
        PinverException e = assertThrows(PinverException.class, () -> BranchNames.of(prefix, "fastapi", "0.46"));
        assertEquals(PinverException.Kind.USAGE, e.kind());
    }

    /** The git command line's own rule for branch names, independent of JGit's. */
    private static void assertGitAccepts(String name) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "check-ref-format", "--branch", name).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, git.waitFor(), "git check-ref-format --branch " + name + ": " + out);
        assertEquals(name, out);
    }
}
