package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pinver.registry.RegistryException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real npm registry ({@code https://registry.npmjs.org/}), when reachable: skipped with a message
 * otherwise. Asserts facts about is-number that its publisher cannot change: published versions are
 * immutable on npm.
 */
@Tag("live")
class NpmLiveTest {

    @TempDir
    Path cacheDir;

    private NpmRegistry registry() {
        Http http = new Http(HttpOptions.defaults(System.getenv()).withCacheDir(cacheDir)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(2)));
        return new NpmRegistry(http, NpmConfig.of(Map.of()));
    }

    private static NpmPackage orSkip(Supplier<NpmPackage> fetch) {
        try {
            return fetch.get();
        } catch (RegistryException e) {
            if (EnumSet.of(Reason.CONNECTION, Reason.TIMEOUT, Reason.TLS).contains(e.reason())) {
                String message = "npm registry unreachable (" + e.getMessage() + "); skipping live test";
                System.err.println("SKIPPED: " + message);
                assumeTrue(false, message);
            }
            throw e;
        }
    }

    @Test
    void isNumberAbbreviated() {
        NpmPackage isNumber = orSkip(() -> registry().packument("is-number", false));
        List<String> versions = isNumber.releases().stream().map(NpmRelease::version).toList();
        assertTrue(versions.containsAll(List.of("0.1.0", "1.0.0", "2.0.0", "3.0.0", "4.0.0", "5.0.0", "6.0.0", "7.0.0")), versions.toString());
        assertTrue(isNumber.latest().isPresent());
        assertTrue(isNumber.release(isNumber.latest().get()).isPresent(), "latest names a listed version");
    }

    @Test
    void isNumberFullHasPublishDates() {
        NpmPackage isNumber = orSkip(() -> registry().packument("is-number", true));
        NpmRelease seven = isNumber.release("7.0.0").orElseThrow();
        assertTrue(seven.published().isPresent(), "the full packument dates every version");
        assertEquals(Optional.empty(), seven.deprecated());
    }
}
