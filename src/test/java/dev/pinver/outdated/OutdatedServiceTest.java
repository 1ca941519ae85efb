package dev.pinver.outdated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.policy.Outdated;
import dev.pinver.policy.Presets;
import dev.pinver.policy.UpdateKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outdated} against the offline registry fixtures: real files read through the real clients. */
class OutdatedServiceTest {

    private static final Path REGISTRY = Path.of("fixtures/registry").toAbsolutePath();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path cache;

    private OutdatedService service() {
        return service(REGISTRY.resolve("pypi/simple").toUri().toString());
    }

    private OutdatedService service(String pypiIndex) {
        Registries.Options options = new Registries.Options(
                Optional.of(pypiIndex), List.of(), List.of(),
                Optional.of(REGISTRY.resolve("npm").toUri().toString()),
                Optional.of(REGISTRY.resolve("maven").toUri().toString()), false, Optional.of(cache), false,
                Optional.empty());
        Map<Ecosystem, ReleaseSource> sources = Registries.sources(options, Path.of("."),
                Map.of("PIP_CONFIG_FILE", "/dev/null", "HOME", cache.toString()));
        return new OutdatedService(new CheckService(m -> Presets.load(null).orElseThrow()), sources, CLOCK);
    }

    private static Outdated row(OutdatedReport report, String name) {
        return report.rows().stream().filter(r -> r.dependency().name().equals(name)).findFirst().orElseThrow()
                .outdated().orElseThrow();
    }

    @Test
    void npmDependenciesAreClassifiedFromTheLockAndTheRegistry() {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        OutdatedReport report = service().run(List.of(Path.of("fixtures/npm-app")), total::set, answered::incrementAndGet);
        assertEquals(0, report.errors(), report.rows().toString());
        assertEquals(total.get(), answered.get());

        Outdated esbuild = row(report, "esbuild");
        assertEquals(Optional.of("0.21.5"), esbuild.resolved());
        assertEquals(Optional.of("0.24.0"), esbuild.latest());
        assertEquals(Optional.of(UpdateKind.MAJOR), esbuild.update(), "0.21 -> 0.24 is breaking under the 0.x rule");
        assertTrue(esbuild.breaking());
        assertEquals(Optional.of(Instant.parse("2024-09-22T12:00:00Z")), esbuild.published());

        Outdated typescript = row(report, "typescript");
        assertEquals(Optional.of(UpdateKind.MINOR), typescript.update());
        assertFalse(typescript.breaking());

        assertEquals(Optional.of("18.3.1"), row(report, "react").latest(), "the release candidate is never offered");
        assertEquals(Optional.of("0.6.0"), row(report, "cookie").latestCompatible());
        assertEquals(Optional.of("0.7.2"), row(report, "cookie").latestInRange(), "^0 admits 0.7.2");
    }

    @Test
    void pypiDependenciesSkipYankedReleases() {
        OutdatedReport report = service().run(List.of(Path.of("fixtures/fastapi-app")), n -> { }, () -> { });
        assertEquals(0, report.errors(), report.rows().toString());
        assertEquals(Optional.of("2.32.3"), row(report, "requests").resolved());
        Outdated fastapi = report.rows().stream()
                .filter(r -> r.dependency().name().equals("fastapi") && r.dependency().spec().equals(">=0.45.0,<0.46.0"))
                .findFirst().orElseThrow().outdated().orElseThrow();
        assertEquals(Optional.of("0.45.0"), fastapi.resolved());
        assertEquals(Optional.of("0.115.5"), fastapi.latest());
        assertTrue(fastapi.breaking());
    }

    @Test
    void aRequirementsFilesOwnIndexOptionsChooseTheIndexes(@TempDir Path project) throws Exception {
        // the configured index is an empty directory; the file names the fixture index instead
        String empty = Files.createDirectories(cache.resolve("empty-index")).toUri().toString();
        Path requirements = project.resolve("requirements.txt");
        Files.writeString(requirements, "--index-url ${FIXTURE_INDEX}\nhttpx>=0.23,<0.24\n");
        OutdatedReport unset = service(empty).run(List.of(project), n -> { }, () -> { });
        assertEquals(1, unset.errors(), "${FIXTURE_INDEX} is not set here, so the URL is not one: " + unset.rows());

        Files.writeString(requirements, "--index-url " + REGISTRY.resolve("pypi/simple").toUri() + "\nhttpx>=0.23,<0.24\n");
        OutdatedReport report = service(empty).run(List.of(project), n -> { }, () -> { });
        assertEquals(0, report.errors(), report.rows().toString());
        assertEquals(Optional.of("0.28.0"), row(report, "httpx").latest());

        Files.writeString(requirements, "--extra-index-url " + REGISTRY.resolve("pypi/simple").toUri() + "\n--no-index\nhttpx>=0.23,<0.24\n");
        OutdatedReport off = service(REGISTRY.resolve("pypi/simple").toUri().toString()).run(List.of(project), n -> { }, () -> { });
        assertEquals(1, off.errors());
        assertTrue(off.rows().get(0).error().orElseThrow().contains("no package index is configured"), off.rows().toString());
    }

    @Test
    void mavenDependenciesComeFromTheRepositoryInCentralsPlace() {
        OutdatedReport report = service().run(List.of(Path.of("fixtures/maven-app")), n -> { }, () -> { });
        Outdated slf4j = row(report, "org.slf4j:slf4j-api");
        assertEquals(Optional.of("2.0.13"), slf4j.resolved());
        assertEquals(Optional.of("2.0.16"), slf4j.latest());
        assertEquals(Optional.of(UpdateKind.PATCH), slf4j.update());
        Outdated text = row(report, "org.apache.commons:commons-text");
        assertEquals(Optional.of("1.12.0"), text.latestCompatible());
        assertFalse(text.breaking());
        OutdatedReport.Row snapshot = report.rows().stream()
                .filter(r -> r.dependency().name().equals("com.example:internal-lib")).findFirst().orElseThrow();
        assertTrue(snapshot.error().isPresent(), "not in the repository: " + snapshot);
    }

    @Test
    void onePackageTheRegistryLacksIsAnErrorRowAndTheOthersAreReported(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("package.json"),
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":{\"lodash\":\"^4.17.0\",\"no-such-package-zz\":\"^1.0.0\"}}");
        OutdatedReport report = service().run(List.of(project), n -> { }, () -> { });
        assertEquals(1, report.errors());
        OutdatedReport.Row missing = report.rows().stream()
                .filter(r -> r.dependency().name().equals("no-such-package-zz")).findFirst().orElseThrow();
        assertTrue(missing.error().isPresent());
        assertEquals(Optional.of("4.17.21"), row(report, "lodash").latest());
    }
}
