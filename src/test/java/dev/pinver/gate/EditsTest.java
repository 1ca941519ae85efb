package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import dev.pinver.manifest.ManifestEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits planned in a checkout and written through the manifest editor. */
class EditsTest {

    private static final String PARENT = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>g</groupId>
              <artifactId>parent</artifactId>
              <version>1</version>
              <packaging>pom</packaging>
              <properties>
                <jackson.version>2.17.1</jackson.version>
              </properties>
            </project>
            """;
    private static final String CHILD = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>g</groupId>
                <artifactId>parent</artifactId>
                <version>1</version>
              </parent>
              <artifactId>app</artifactId>
              <dependencies>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                  <version>${jackson.version}</version>
                </dependency>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-core</artifactId>
                  <version>${jackson.version}</version>
                </dependency>
              </dependencies>
            </project>
            """;

    @TempDir
    Path root;

    @Test
    void aVersionFromAParentPropertyIsEditedOnceInTheParent() throws IOException {
        Files.writeString(root.resolve("pom.xml"), PARENT, UTF_8);
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/pom.xml"), CHILD, UTF_8);

        List<ManifestEditor.FileEdits> planned = Edits.setSpec("app/pom.xml", "com.fasterxml.jackson.core:jackson-databind", "2.17.2")
                .plan(root);
        assertEquals(1, planned.size());
        assertEquals(root.resolve("pom.xml"), planned.get(0).file().toAbsolutePath().normalize());
        assertEquals(1, planned.get(0).edits().size());
        ManifestEditor.write(ManifestEditor.planAll(planned));

        assertEquals(PARENT.replace("2.17.1", "2.17.2"), Files.readString(root.resolve("pom.xml")));
        assertEquals(CHILD, Files.readString(root.resolve("app/pom.xml")));
    }

    @Test
    void editsOfOneFileAreMergedIntoOneRequest() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "fastapi>=0.45.0,<0.46.0\nhttpx>=0.26.0,<0.27.0\n", UTF_8);
        List<ManifestEditor.FileEdits> planned = Edits.all(List.of(
                Edits.setSpec("requirements.txt", "fastapi", ">=0.46.0,<0.47.0"),
                Edits.setSpec("requirements.txt", "httpx", ">=0.27.0,<0.28.0"))).plan(root);
        assertEquals(1, planned.size());
        ManifestEditor.write(ManifestEditor.planAll(planned));
        assertEquals("fastapi>=0.46.0,<0.47.0\nhttpx>=0.27.0,<0.28.0\n", Files.readString(root.resolve("requirements.txt")));
    }

    @Test
    void aPackageTheManifestDoesNotDeclareIsRefusedWithItsPlace() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "fastapi>=0.45.0,<0.46.0\n", UTF_8);
        PinverException e = assertThrows(PinverException.class,
                () -> Edits.setSpec("requirements.txt", "starlette", ">=0.37.0").plan(root));
        assertEquals("requirements.txt:1:1: no dependency starlette to upgrade", e.oneLine());
        assertTrue(Files.readString(root.resolve("requirements.txt")).startsWith("fastapi>=0.45.0"));
    }
}
