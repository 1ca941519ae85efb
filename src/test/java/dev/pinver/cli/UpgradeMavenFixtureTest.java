package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinver upgrade --run-tests --bisect} end to end on {@code fixtures/gate-maven}: a copy of the fixture in
 * a fresh git repository, tinylib's five releases compiled from the fixture's {@code library/} into a file-based
 * Maven repository, and the machine's {@code mvn -o test} as the gate. The gate's Maven resolves tinylib from that
 * repository (offline mode lets {@code file:} repositories through) into a scratch local repository that links
 * to the user's {@code ~/.m2} for everything else, so the user's local repository gains nothing.
 */
class UpgradeMavenFixtureTest {

    private static final Path FIXTURE = Path.of("fixtures/gate-maven").toAbsolutePath();
    private static final Path USER_REPO = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final List<String> VERSIONS = List.of("0.45.0", "0.45.1", "0.46.0", "0.46.1", "0.47.0");
    private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

    @Test
    void bisectPinsTheNewestPassingVersionOnABranchAndReportsTheBreakingRelease(@TempDir Path dir,
            @TempDir Path remote, @TempDir Path maven, @TempDir Path cache) throws Exception {
        requireMaven();
        copyFixture(dir);
        publishTinylib(remote);
        Path local = Files.createDirectory(maven.resolve("repository"));
        Path settings = Files.writeString(maven.resolve("settings.xml"), settings(remote));
        try {
            seedLocalRepository(local);
            upgradeAndCheck(dir, remote, local, settings, cache);
        } finally {
            delete(local); // the links only, before @TempDir's cleanup warns about each of them
        }
    }

    private static void upgradeAndCheck(Path dir, Path remote, Path local, Path settings, Path cache)
            throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the app").setAuthor(ME).setCommitter(ME).setSign(false).call();
            Files.writeString(dir.resolve("notes.txt"), "work in progress\n");
            String before = userState(git, dir);

            Cli r = Cli.run("upgrade", "dev.pinver.fixtures:tinylib", "--path", dir.toString(), "--run-tests",
                    "--bisect", "--format", "json", "--registry", "maven=" + remote.toUri(),
                    "--cache-dir", cache.toString(), "--timeout", "120s", "--no-notes", "--install-cmd", "true",
                    "--test-cmd", "mvn -o -q -B -Daether.offline.protocols=file -Dmaven.repo.local=" + local
                            + " -s " + settings + " test");
            assertEquals(0, r.exit(), r.out() + r.err());

            JsonNode run = new ObjectMapper().readTree(r.out());
            assertEquals("passed", run.get("baseline").get("result").asText(), r.out());
            assertEquals(1, run.get("upgrades").size(), r.out());
            JsonNode upgrade = run.get("upgrades").get(0);
            assertEquals("0.45.0", upgrade.get("from").asText(), r.out());
            assertEquals("0.46.1", upgrade.get("to").asText(), r.out());
            assertEquals("passed", upgrade.get("result").asText(), r.out());
            assertEquals("pinver/dev.pinver.fixtures-tinylib-0.46", upgrade.get("branch").asText(), r.out());
            List<String> tried = new ArrayList<>();
            upgrade.get("tried").forEach(t -> tried.add(t.get("version").asText() + ":" + t.get("result").asText()));
            assertEquals(List.of("0.47.0:failed", "0.46.1:passed"), tried);
            String failedLog = Files.readString(dir.resolve(".git/pinver/logs/dev.pinver.fixtures-tinylib-0.47.0.log"));
            assertTrue(failedLog.contains("symbol:   method greet(java.lang.String)"), failedLog);

            String pom = blob(git, "pinver/dev.pinver.fixtures-tinylib-0.46:pom.xml");
            assertTrue(pom.contains("<artifactId>tinylib</artifactId>\n      <version>0.46.1</version>"), pom);
            assertEquals(Files.readString(FIXTURE.resolve("pom.xml")).replace("0.45.0", "0.46.1"), pom,
                    "only tinylib's version changes");
            RevCommit tip = git.getRepository().parseCommit(
                    git.getRepository().resolve("pinver/dev.pinver.fixtures-tinylib-0.46"));
            assertEquals(git.getRepository().resolve("main"), tip.getParent(0).getId(), "the branch starts at main");
            assertTrue(tip.getFullMessage().contains("dev.pinver.fixtures:tinylib 0.45.0 → 0.46.1"),
                    tip.getFullMessage());
            assertTrue(tip.getFullMessage().contains("dev.pinver.fixtures:tinylib 0.47.0 failed"), tip.getFullMessage());
            assertNull(git.getRepository().resolve("refs/heads/pinver/dev.pinver.fixtures-tinylib-0.47"),
                    "no branch is left for the failing version");

            assertEquals(before, userState(git, dir));
            assertTrue(Files.notExists(USER_REPO.resolve("dev/pinver/fixtures")), "~/.m2 gained no tinylib");
        }
    }

    /** Each release of tinylib compiled from library/VERSION into a jar, with its pom and the metadata. */
    private static void publishTinylib(Path remote) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path artifact = remote.resolve("dev/pinver/fixtures/tinylib");
        for (String version : VERSIONS) {
            Path sources = FIXTURE.resolve("library").resolve(version);
            Path classes = Files.createTempDirectory("tinylib-classes");
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac tinylib " + version);
            Path dir = Files.createDirectories(artifact.resolve(version));
            jar(classes, dir.resolve("tinylib-" + version + ".jar"));
            Files.writeString(dir.resolve("tinylib-" + version + ".pom"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.pinver.fixtures</groupId>
                      <artifactId>tinylib</artifactId>
                      <version>%s</version>
                    </project>
                    """.formatted(version));
            delete(classes);
        }
        String versions = VERSIONS.stream().map(v -> "      <version>" + v + "</version>")
                .collect(Collectors.joining("\n"));
        String last = VERSIONS.get(VERSIONS.size() - 1);
        Files.writeString(artifact.resolve("maven-metadata.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>dev.pinver.fixtures</groupId>
                  <artifactId>tinylib</artifactId>
                  <versioning>
                    <latest>%s</latest>
                    <release>%s</release>
                    <versions>
                %s
                    </versions>
                    <lastUpdated>20260101000000</lastUpdated>
                  </versioning>
                </metadata>
                """.formatted(last, last, versions));
    }

    private static void jar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    /** Settings adding the file repository to the default profile, next to Central. */
    private static String settings(Path remote) {
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <profiles>
                    <profile>
                      <id>tinylib</id>
                      <repositories>
                        <repository>
                          <id>tinylib</id>
                          <url>%s</url>
                          <releases><enabled>true</enabled></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>tinylib</activeProfile></activeProfiles>
                </settings>
                """.formatted(remote.toUri());
    }

    /**
     * A local repository whose entries link to the user's ~/.m2/repository (the plugins and JUnit the fixture
     * builds with), except {@code dev/pinver}, so that tinylib lands in the scratch repository only.
     */
    private static void seedLocalRepository(Path local) throws IOException {
        linkChildren(USER_REPO, local, "dev");
        if (Files.isDirectory(USER_REPO.resolve("dev"))) {
            linkChildren(USER_REPO.resolve("dev"), Files.createDirectories(local.resolve("dev")), "pinver");
        }
    }

    private static void linkChildren(Path from, Path to, String except) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(child.getFileName().toString()), child);
                }
            }
        }
    }

    /** HEAD, the branch, git status, and the bytes of the files the user has. */
    private static String userState(Git git, Path dir) throws Exception {
        Status s = git.status().call();
        return String.join("\n", "HEAD " + git.getRepository().resolve("HEAD").name(),
                "branch " + git.getRepository().getFullBranch(),
                "added " + new TreeSet<>(s.getAdded()), "changed " + new TreeSet<>(s.getChanged()),
                "modified " + new TreeSet<>(s.getModified()), "missing " + new TreeSet<>(s.getMissing()),
                "removed " + new TreeSet<>(s.getRemoved()), "untracked " + new TreeSet<>(s.getUntracked()),
                "pom.xml " + Files.readString(dir.resolve("pom.xml")),
                "notes.txt " + Files.readString(dir.resolve("notes.txt")),
                "target " + Files.exists(dir.resolve("target")));
    }

    private static String blob(Git git, String revision) throws IOException {
        return new String(git.getRepository().open(git.getRepository().resolve(revision)).getBytes(),
                StandardCharsets.UTF_8);
    }

    /** The fixture's files, without what building it by hand leaves behind. */
    private static void copyFixture(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            files.filter(p -> !FIXTURE.relativize(p).startsWith("target")).forEach(p -> {
                try {
                    Path to = target.resolve(FIXTURE.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Skips, with the reason, unless mvn runs and ~/.m2/repository exists (the gate builds offline from it). */
    private static void requireMaven() {
        String why = null;
        try {
            Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                why = "mvn -v failed";
            }
        } catch (IOException e) {
            why = "no mvn on PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if (why == null && !Files.isDirectory(USER_REPO)) {
            why = "no " + USER_REPO + " to build the fixture offline from";
        }
        if (why != null) {
            System.err.println("UpgradeMavenFixtureTest skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }
}
