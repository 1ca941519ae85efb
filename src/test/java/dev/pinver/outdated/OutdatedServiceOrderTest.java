package dev.pinver.outdated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.policy.Presets;
import dev.pinver.registry.Http;
import dev.pinver.registry.HttpOptions;
import dev.pinver.registry.NpmConfig;
import dev.pinver.registry.NpmRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outdated} over the bundled npm registry fixture, read from files: rows, order, one question per package. */
class OutdatedServiceOrderTest {

    private static final Path REGISTRY = Path.of("fixtures/registry/npm").toAbsolutePath();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final Map<String, Integer> asked = new ConcurrentHashMap<>();

    private OutdatedService service(int concurrency) {
        Http http = new Http(HttpOptions.defaults(Map.of()).withCacheDir(dir.resolve("cache")).withOffline(true));
        NpmSource npm = new NpmSource(new NpmRegistry(http,
                NpmConfig.load(dir, dir, Map.of()).withRegistry(REGISTRY.toUri().toString())));
        ReleaseSource counted = new ReleaseSource() {
            @Override
            public Answer releases(String name) {
                asked.merge(name, 1, Integer::sum);
                return npm.releases(name);
            }

            @Override
            public int concurrency() {
                return concurrency;
            }
        };
        return new OutdatedService(new CheckService(manifest -> Presets.load(Presets.DEFAULT).orElseThrow()),
                Map.of(Ecosystem.NPM, counted), CLOCK);
    }

    private Path project(String name, String dependencies) throws IOException {
        Path project = Files.createDirectories(dir.resolve(name));
        Files.writeString(project.resolve("package.json"), "{\"name\": \"" + name + "\", \"dependencies\": {" + dependencies + "}}\n");
        return project;
    }

    private static List<String> names(OutdatedReport report) {
        return report.rows().stream().map(r -> r.dependency().name() + "@" + r.dependency().spec()).toList();
    }

    @Test
    void rowsKeepTheManifestsOrderAndEachPackageIsAskedOnce() throws IOException {
        Path a = project("a", "\"lodash\": \"^4.17.0\", \"react\": \"^18.0.0\", \"left-pad\": \"^1.0.0\"");
        Path b = project("b", "\"react\": \"^18.2.0\", \"zod\": \"^3.0.0\"");
        AtomicInteger total = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        OutdatedReport report = service(2).run(List.of(a, b), total::set, answered::incrementAndGet);

        assertEquals(List.of("lodash@^4.17.0", "react@^18.0.0", "left-pad@^1.0.0", "react@^18.2.0", "zod@^3.0.0"), names(report));
        assertEquals(Map.of("lodash", 1, "react", 1, "left-pad", 1, "zod", 1), asked);
        assertEquals(4, total.get());
        assertEquals(4, answered.get());
        assertEquals(1, report.errors());
        OutdatedReport.Row leftPad = report.rows().get(2);
        assertTrue(leftPad.error().orElseThrow().endsWith("left-pad: no such file"), leftPad.error().orElseThrow());
        assertEquals(Optional.of("18.3.1"), report.rows().get(1).outdated().orElseThrow().latest());
        assertEquals(Optional.of("18.3.1"), report.rows().get(3).outdated().orElseThrow().latest());
        assertEquals(Optional.of("3.23.8"), report.rows().get(4).outdated().orElseThrow().latestInRange());
    }

    @Test
    void theReportDoesNotDependOnHowManyPackagesAreAskedAtOnce() {
        List<Path> app = List.of(Path.of("fixtures/npm-app"));
        OutdatedReport one = service(1).run(app, n -> { }, () -> { });
        OutdatedReport many = service(16).run(app, n -> { }, () -> { });
        assertEquals(13, one.rows().size());
        assertEquals(0, one.errors());
        assertEquals(one, many);
    }
}
