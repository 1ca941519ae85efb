package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local ({@code file://}) indexes this machine's pip configuration names, read through the same
 * configuration code as production, merged, and checked against pip itself ({@code pip index versions})
 * as the oracle. Skipped, with a message, when pip's configuration names no {@code file://} index.
 */
class PipLocalIndexTest {

    @TempDir
    Path cacheDir;

    private static List<String> localIndexes() {
        List<String> urls = PipIndexes.sources(System.getenv(), Path.of(System.getProperty("user.home")),
                Optional.empty(), List.of()).indexUrls();
        List<String> local = urls.stream().filter(u -> u.startsWith("file:")).toList();
        if (local.isEmpty()) {
            String message = "pip's configuration names no file:// index (it names " + urls + "); skipping the local index test";
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        return local;
    }

    @Test
    void releasesMatchWhatPipSees() throws Exception {
        List<String> local = localIndexes();
        PypiRegistry registry = new PypiRegistry(new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir).withOffline(true)),
                PipIndexes.indexes(local));
        String project = firstProject(local);
        PypiProject answer = registry.project(project);
        assertTrue(answer.complete(), answer.failures().toString());
        assertFalse(answer.releases().isEmpty(), project + " has no releases");
        Set<String> ours = answer.releases().stream().filter(r -> !r.yanked()).map(PypiRelease::version)
                .collect(Collectors.toCollection(TreeSet::new));
        Optional<Set<String>> pips = pipVersions(project, local);
        assumeTrue(pips.isPresent(), "pip is not runnable here; only the structural checks ran");
        assertEquals(pips.get(), ours, "pip's versions (not yanked, pre-releases included) against pinver's");
    }

    @Test
    void everyProjectOfTheFirstIndexReads() throws IOException {
        List<String> local = localIndexes();
        PypiRegistry registry = new PypiRegistry(new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir).withOffline(true)),
                PipIndexes.indexes(List.of(local.get(0))));
        List<String> projects = projects(local.get(0));
        int withReleases = 0;
        for (String project : projects) {
            if (!registry.releases(project).isEmpty()) {
                withReleases++;
            }
        }
        assertTrue(withReleases >= projects.size() * 9 / 10, withReleases + " of " + projects.size() + " projects have releases");
    }

    /** numpy when the first index has it, else its first project. */
    private static String firstProject(List<String> local) throws IOException {
        List<String> projects = projects(local.get(0));
        assumeTrue(!projects.isEmpty(), "the local index " + local.get(0) + " lists no project");
        return projects.contains("numpy") ? "numpy" : projects.get(0);
    }

    /** The project names of a local index's root page, read with a plain pattern rather than the code under test. */
    private static List<String> projects(String indexUrl) throws IOException {
        Path root = Path.of(URI.create(indexUrl.endsWith("/") ? indexUrl : indexUrl + "/"));
        Path page = Files.isRegularFile(root.resolve("index.html")) ? root.resolve("index.html") : null;
        if (page == null) {
            try (var dirs = Files.list(root)) {
                return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            }
        }
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<a href=\"([^\"/]+)/\">").matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** What {@code pip index versions --pre} lists for the project over exactly these indexes, if pip runs. */
    private static Optional<Set<String>> pipVersions(String project, List<String> indexes) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "pip", "--isolated", "--disable-pip-version-check",
                "index", "versions", project, "--pre", "--index-url", indexes.get(0)));
        for (String extra : indexes.subList(1, indexes.size())) {
            command.addAll(List.of("--extra-index-url", extra));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return Optional.empty();
        }
        return out.lines().filter(l -> l.startsWith("Available versions:")).findFirst()
                .map(l -> Arrays.stream(l.substring("Available versions:".length()).split(","))
                        .map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aMissingProjectIsNotFoundLocally() {
        List<String> local = localIndexes();
        PypiRegistry registry = new PypiRegistry(new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))), PipIndexes.indexes(local));
        RegistryException e = assertThrows(RegistryException.class,
                () -> registry.project("no-such-project-pinver-test"));
        assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
    }
}
