package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pin} on poms: versions from properties are edited once, where the property is defined. */
class PinMavenTest {

    @Test
    void aParentsPropertyIsEditedInTheParentAndVerifiedThroughTheChild(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(Path.of("fixtures/maven-app"), dir);
        String childBefore = Files.readString(dir.resolve("service/pom.xml"));
        Cli r = Cli.run("pin", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String parent = Files.readString(dir.resolve("pom.xml"));
        String child = Files.readString(dir.resolve("service/pom.xml"));
        assertTrue(parent.contains("<junit.version>5.10</junit.version>"), parent);
        assertTrue(child.contains("<version>${junit.version}</version>"), "the child still uses the property");
        assertTrue(child.contains("<version>[1.10.0,2.0.0)</version>"), "a window where the project's rule asks");
        assertTrue(child.contains("<version>1.19.0</version>"), "an exact version where the default asks");
        assertEquals(childBefore.length() - "[1.19.0,2.0.0)".length() + "1.19.0".length()
                - "1.10.0".length() + "[1.10.0,2.0.0)".length(), child.length(), "nothing else in the child changed");
        assertTrue(r.err().contains("commons-io:commons-io: cannot pin without a version"), r.err());
        assertTrue(r.err().contains("com.example:internal-lib: a SNAPSHOT"), r.err());

        Cli again = Cli.run("check", dir.toString(), "--format", "json");
        assertTrue(!again.out().contains("\"not-exact\"") && !again.out().contains("[5.10,)"), again.out());
    }

    @Test
    void aSharedPropertyWhoseUsersDisagreeIsLeftAloneAndReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".pinver.yaml"), """
                rules:
                  - ecosystem: maven
                    package: "org.apache.commons:*"
                    pin: window
                    breaking: semver
                """);
        String pom = """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>x</groupId>
                  <artifactId>y</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <shared.version>[1.5,)</shared.version>
                    <same.version>[2.0,)</same.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId>
                      <artifactId>commons-a</artifactId>
                      <version>${shared.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>com.other</groupId>
                      <artifactId>b</artifactId>
                      <version>${shared.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>com.other</groupId>
                      <artifactId>c</artifactId>
                      <version>${same.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>com.other</groupId>
                      <artifactId>d</artifactId>
                      <version>${same.version}</version>
                    </dependency>
                  </dependencies>
                </project>
                """;
        Files.writeString(dir.resolve("pom.xml"), pom);
        Cli r = Cli.run("pin", dir.toString());
        assertEquals(0, r.exit(), r.err());
        String after = Files.readString(dir.resolve("pom.xml"));
        assertTrue(after.contains("<shared.version>[1.5,)</shared.version>"), after);
        assertTrue(after.contains("<same.version>2.0</same.version>"), "users that agree share one edit:\n" + after);
        assertTrue(r.err().contains("property ${shared.version} is shared and its users disagree"), r.err());
        assertEquals(pom.replace("<same.version>[2.0,)</same.version>", "<same.version>2.0</same.version>"), after);
    }

    @Test
    void onlyNamesMavenPackagesAsGroupAndArtifact(@TempDir Path dir) throws IOException {
        TestFiles.copyTree(Path.of("fixtures/maven-app"), dir);
        Cli r = Cli.run("pin", dir.toString(), "--only", "org.apache.commons:commons-text");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("pinned 1 spec in 1 file"), r.out());
        assertTrue(Files.readString(dir.resolve("service/pom.xml")).contains("<version>[1.10.0,2.0.0)</version>"));
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<junit.version>[5.10,)</junit.version>"));
    }
}
