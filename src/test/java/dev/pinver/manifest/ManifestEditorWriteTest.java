package dev.pinver.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pinver.PinverException;
import dev.pinver.manifest.ManifestEditor.Batch;
import dev.pinver.manifest.ManifestEditor.FileEdits;
import dev.pinver.manifest.ManifestEditor.Plan;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing plans to disk: atomic replacement, kept bytes and attributes, refusals that leave files alone. */
class ManifestEditorWriteTest {

    private static final LineFormatReader READER = new LineFormatReader();

    @TempDir
    Path dir;

    @Test
    void writesOnlyTheSplicedBytes() throws IOException {
        String before = "\uFEFF# caf\u00e9 \u2713 \uD834\uDD1E\r\nalpha==1.0\r\n\r\nbeta==2.0  # \u00e4\r\nomega==9";
        Path file = create("deps.txt", before);

        ManifestEditor.write(plan(file, "beta", "2.1.0", "omega", "10"));

        byte[] expected = "\uFEFF# caf\u00e9 \u2713 \uD834\uDD1E\r\nalpha==1.0\r\n\r\nbeta==2.1.0  # \u00e4\r\nomega==10"
                .getBytes(UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(file));
        assertOnly(dir, "deps.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rwxr-xr-x", "rw-rw-rw-"})
    void keepsPermissions(String permissions) throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        ManifestEditor.write(plan(file, "alpha", "1.1"));

        assertEquals("alpha==1.1\n", Files.readString(file));
        assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertOnly(dir, "deps.txt");
    }

    @Test
    void keepsOwnerAndGroupWherePermitted() throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = users.lookupPrincipalByGroupName("nogroup");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            view.setOwner(nobody);
            view.setGroup(nogroup);
        } catch (FileSystemException e) {
            assumeTrue(false, "only root can give a file away: " + e.getMessage());
        }

        ManifestEditor.write(plan(file, "alpha", "1.1"));

        assertEquals("alpha==1.1\n", Files.readString(file));
        assertEquals(nobody, Files.getOwner(file));
        assertEquals(nogroup, Files.getFileAttributeView(file, PosixFileAttributeView.class).readAttributes().group());
    }

    @Test
    void writesThroughALinkToItsTarget() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path links = Files.createDirectory(dir.resolve("links"));
        Path target = Files.writeString(real.resolve("deps.txt"), "alpha==1.0\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(links.resolve("deps.txt"), target);

        ManifestEditor.write(plan(link, "alpha", "1.1"));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(target, Files.readSymbolicLink(link));
        assertEquals("alpha==1.1\n", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertOnly(real, "deps.txt");
        assertOnly(links, "deps.txt");
    }

    @Test
    void refusesAReadOnlyFile() throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        Plan plan = plan(file, "alpha", "1.1");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(plan));

        assertEquals(file + ":1:1: read-only file; not changed", refusal.oneLine());
        assertEquals(PinverException.Kind.BAD_INPUT, refusal.kind());
        assertEquals("alpha==1.0\n", Files.readString(file));
        assertOnly(dir, "deps.txt");
    }

    @Test
    void refusesAFileInAReadOnlyDirectory() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path file = Files.writeString(locked.resolve("deps.txt"), "alpha==1.0\n");
        Plan plan = plan(file, "alpha", "1.1");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(plan));

            assertEquals(file + ":1:1: directory " + locked.toRealPath()
                    + " is read-only; the file cannot be replaced safely", refusal.oneLine());
            assertEquals("alpha==1.0\n", Files.readString(file));
            assertOnly(locked, "deps.txt");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void refusesAFileChangedOnDiskAfterPlanning() throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        Plan plan = plan(file, "alpha", "1.1");
        Files.writeString(file, "alpha==1.0\nbeta==2\n");

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(plan));

        assertEquals(file + ":1:1: changed on disk since it was read; not written", refusal.oneLine());
        assertEquals("alpha==1.0\nbeta==2\n", Files.readString(file));
        assertOnly(dir, "deps.txt");
    }

    @Test
    void refusesAFileRemovedAfterPlanning() throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        Plan plan = plan(file, "alpha", "1.1");
        Files.delete(file);

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(plan));

        assertEquals(file + ":1:1: no such file", refusal.oneLine());
        assertOnly(dir);
    }

    @Test
    void aPlanWithoutChangesWritesNothing() throws IOException {
        Path file = create("deps.txt", "alpha==1.0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        ManifestEditor.write(ManifestEditor.plan(new FileEdits(file, "alpha==1.0\n", READER, List.of())));

        assertEquals("alpha==1.0\n", Files.readString(file));
    }

    @Test
    void writesEveryFileOfABatch() throws IOException {
        Path first = create("a.txt", "alpha==1.0\n");
        Path second = create("b.txt", "beta==2.0\n");

        ManifestEditor.write(batch(first, "alpha", second, "beta"));

        assertEquals("alpha==9\n", Files.readString(first));
        assertEquals("beta==9\n", Files.readString(second));
        assertOnly(dir, "a.txt", "b.txt");
    }

    @Test
    void aBatchWithARefusedPlanWritesNothing() throws IOException {
        Path first = create("a.txt", "alpha==1.0\n");
        Path second = create("b.txt", "beta==2.0\n");
        String stale = "beta==1.5\n";
        Edit edit = Edit.of(READER.read(second, stale).dependencies().get(0), "9");
        Batch batch = ManifestEditor.planAll(List.of(
                request(first, "alpha", "9"), new FileEdits(second, Files.readString(second), READER, List.of(edit))));

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(batch));

        assertEquals(second + ":1:7: changed since it was read: expected '1.5', found '2.0'", refusal.oneLine());
        assertEquals("alpha==1.0\n", Files.readString(first));
        assertEquals("beta==2.0\n", Files.readString(second));
        assertOnly(dir, "a.txt", "b.txt");
    }

    @Test
    void aBatchWithAReadOnlyFileWritesNothing() throws IOException {
        Path first = create("a.txt", "alpha==1.0\n");
        Path second = create("b.txt", "beta==2.0\n");
        Batch batch = batch(first, "alpha", second, "beta");
        Files.setPosixFilePermissions(second, PosixFilePermissions.fromString("r--r--r--"));

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(batch));

        assertEquals(second + ":1:1: read-only file; not changed", refusal.oneLine());
        assertEquals("alpha==1.0\n", Files.readString(first));
        assertEquals("beta==2.0\n", Files.readString(second));
        assertOnly(dir, "a.txt", "b.txt");
    }

    @Test
    void aBatchWithAFileChangedOnDiskWritesNothing() throws IOException {
        Path first = create("a.txt", "alpha==1.0\n");
        Path second = create("b.txt", "beta==2.0\n");
        Batch batch = batch(first, "alpha", second, "beta");
        Files.writeString(second, "beta==2.0\n# touched\n");

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(batch));

        assertEquals(second + ":1:1: changed on disk since it was read; not written", refusal.oneLine());
        assertEquals("alpha==1.0\n", Files.readString(first));
        assertEquals("beta==2.0\n# touched\n", Files.readString(second));
        assertOnly(dir, "a.txt", "b.txt");
    }

    @Test
    void aBatchNamingOneFileTwiceThroughALinkWritesNothing() throws IOException {
        Path file = create("a.txt", "alpha==1.0\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), file);
        Batch batch = batch(file, "alpha", link, "alpha");

        PinverException refusal = assertThrows(PinverException.class, () -> ManifestEditor.write(batch));

        assertEquals(link + ":1:1: is the same file as another one being written (through a link)", refusal.oneLine());
        assertEquals("alpha==1.0\n", Files.readString(file));
        assertOnly(dir, "a.txt", "link.txt");
    }

    private Path create(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Plans edits of the named dependencies, given as name, replacement pairs, from the file's current text. */
    private static Plan plan(Path file, String... namesAndReplacements) {
        return ManifestEditor.plan(request(file, namesAndReplacements));
    }

    private static FileEdits request(Path file, String... namesAndReplacements) {
        String text = SourceText.read(file);
        List<Dependency> dependencies = READER.read(file, text).dependencies();
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < namesAndReplacements.length; i += 2) {
            String name = namesAndReplacements[i];
            Dependency dependency = dependencies.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
            edits.add(Edit.of(dependency, namesAndReplacements[i + 1]));
        }
        return new FileEdits(file, text, READER, edits);
    }

    /** A batch setting one dependency in each of two files to {@code 9}, checked to have planned cleanly. */
    private static Batch batch(Path first, String firstName, Path second, String secondName) {
        Batch batch = ManifestEditor.planAll(List.of(request(first, firstName, "9"), request(second, secondName, "9")));
        assertTrue(batch.ok(), () -> batch.refusals().toString());
        return batch;
    }

    /** The directory holds exactly these names: in particular, no temporary file was left behind. */
    private static void assertOnly(Path directory, String... names) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            Set<String> found = new TreeSet<>(entries.map(p -> p.getFileName().toString()).toList());
            assertEquals(new TreeSet<>(List.of(names)), found);
        }
    }
}
