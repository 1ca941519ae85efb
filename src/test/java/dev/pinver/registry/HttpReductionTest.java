package dev.pinver.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pinver.LocalWireMock;
import dev.pinver.registry.RegistryException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reductions kept beside cached bodies: used while the body is good (fresh, offline, revalidated),
 * never for another body, and never a reason to fail.
 */
class HttpReductionTest {

    @RegisterExtension
    static final WireMockExtension SERVER = LocalWireMock.server();

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path cacheDir;

    /** The number of words of a body and its first word; counts how often it reads a body. */
    private static final class Words implements Reduction<Words.Summary> {

        record Summary(int words, String first) {
        }

        final AtomicInteger reductions = new AtomicInteger();

        @Override
        public String name() {
            return "words.1";
        }

        @Override
        public Summary reduce(Http.Response response) {
            reductions.incrementAndGet();
            String text = new String(response.body(), UTF_8).trim();
            if (text.isEmpty()) {
                throw new RegistryException(Reason.MALFORMED, response.url(), "no words");
            }
            String[] words = text.split("\\s+");
            return new Summary(words.length, words[0]);
        }

        @Override
        public void write(Summary value, DataOutput out) throws IOException {
            out.writeInt(value.words());
            Reduction.writeString(out, value.first());
        }

        @Override
        public Summary read(DataInput in) throws IOException {
            return new Summary(in.readInt(), Reduction.readString(in));
        }
    }

    private Http http(Duration ttl, Instant now) {
        return http(ttl, now, false);
    }

    private Http http(Duration ttl, Instant now, boolean offline) {
        return new Http(HttpOptions.defaults(Map.of()).withCacheDir(cacheDir).withAllowInsecureHttp(true)
                .withTtl(ttl).withOffline(offline).withRetries(0, Duration.ZERO, Duration.ZERO),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + SERVER.getPort() + path;
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path onlyFileEndingIn(String suffix) throws IOException {
        List<Path> matching = cacheFiles().stream().filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        assertEquals(1, matching.size(), "files ending in " + suffix + ": " + matching);
        return matching.get(0);
    }

    @Test
    void aFreshEntryIsReadThroughItsReductionNotItsBody() throws IOException {
        SERVER.stubFor(get("/doc").willReturn(ok("alpha beta gamma")));
        Words words = new Words();
        assertEquals(new Words.Summary(3, "alpha"), http(Duration.ofHours(1), T0).get(url("/doc"), "*/*", Optional.empty(), words));
        assertEquals(1, words.reductions.get());
        Path reduced = onlyFileEndingIn(".words.1");

        Http later = http(Duration.ofHours(1), T0.plus(Duration.ofMinutes(30)));
        assertEquals(new Words.Summary(3, "alpha"), later.get(url("/doc"), "*/*", Optional.empty(), words));
        assertEquals(1, words.reductions.get(), "the body was not read again");
        SERVER.verify(1, getRequestedFor(urlEqualTo("/doc")));

        assertTrue(Files.isRegularFile(reduced));
    }

    @Test
    void aReducedAnswerKeepsOnlyItsReductionSoACallerWithoutOneFetchesTheBody() throws IOException {
        SERVER.stubFor(get("/big").willReturn(ok("alpha beta gamma")));
        Words words = new Words();
        http(Duration.ofHours(1), T0).get(url("/big"), "*/*", Optional.empty(), words);
        assertEquals(2, cacheFiles().size(), "metadata and reduction, no body: " + cacheFiles());
        onlyFileEndingIn(".words.1");

        assertEquals("alpha beta gamma", new String(http(Duration.ofHours(1), T0).get(url("/big"), "*/*").body(), UTF_8));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/big")));
        // that answer is a new generation with its body; the next reduced read reduces it without a request
        assertEquals(new Words.Summary(3, "alpha"), http(Duration.ofHours(1), T0).get(url("/big"), "*/*", Optional.empty(), words));
        assertEquals(2, words.reductions.get());
        SERVER.verify(2, getRequestedFor(urlEqualTo("/big")));
    }

    @Test
    void anAnswerThatDoesNotReduceIsNotCached() throws IOException {
        SERVER.stubFor(get("/bad").willReturn(ok("")));
        Words words = new Words();
        assertThrows(RegistryException.class, () -> http(Duration.ofHours(1), T0).get(url("/bad"), "*/*", Optional.empty(), words));
        assertEquals(List.of(), cacheFiles());
        assertThrows(RegistryException.class, () -> http(Duration.ofHours(1), T0).get(url("/bad"), "*/*", Optional.empty(), words));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/bad")));
    }

    @Test
    void offlineUsesTheReduction() {
        SERVER.stubFor(get("/off").willReturn(ok("one two")));
        Words words = new Words();
        http(Duration.ofHours(1), T0).get(url("/off"), "*/*", Optional.empty(), words);
        Words.Summary offline = http(Duration.ZERO, T0.plus(Duration.ofDays(30)), true).get(url("/off"), "*/*", Optional.empty(), words);
        assertEquals(new Words.Summary(2, "one"), offline);
        assertEquals(1, words.reductions.get());
        RegistryException miss = assertThrows(RegistryException.class, () -> http(Duration.ZERO, T0, true)
                .get(url("/never"), "*/*", Optional.empty(), words));
        assertEquals(Reason.OFFLINE, miss.reason());
    }

    @Test
    void aRevalidatedEntryKeepsItsReduction() throws IOException {
        SERVER.stubFor(get("/rev").withHeader("If-None-Match", absent())
                .willReturn(ok("same old text").withHeader("ETag", "\"v1\"")));
        SERVER.stubFor(get("/rev").withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        Words words = new Words();
        http(Duration.ofMinutes(10), T0).get(url("/rev"), "*/*", Optional.empty(), words);
        Path reduced = onlyFileEndingIn(".words.1");
        FileTime written = FileTime.from(T0.minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(reduced, written);

        Instant stale = T0.plus(Duration.ofMinutes(20));
        assertEquals(new Words.Summary(3, "same"), http(Duration.ofMinutes(10), stale).get(url("/rev"), "*/*", Optional.empty(), words));
        assertEquals(1, words.reductions.get(), "a 304 does not reduce again");
        assertEquals(written, Files.getLastModifiedTime(reduced), "a 304 rewrites only the metadata");
        SERVER.verify(1, getRequestedFor(urlEqualTo("/rev")).withHeader("If-None-Match", equalTo("\"v1\"")));

        // the revalidation restarted the TTL
        http(Duration.ofMinutes(10), stale.plus(Duration.ofMinutes(9))).get(url("/rev"), "*/*", Optional.empty(), words);
        SERVER.verify(2, getRequestedFor(urlEqualTo("/rev")));
    }

    @Test
    void aNewBodyGetsANewReductionAndTheOldFilesGo() throws IOException {
        SERVER.stubFor(get("/new").inScenario("change").whenScenarioStateIs("Started")
                .willReturn(ok("first version")).willSetStateTo("changed"));
        SERVER.stubFor(get("/new").inScenario("change").whenScenarioStateIs("changed")
                .willReturn(ok("second version of the text")));
        Words words = new Words();
        http(Duration.ofMinutes(10), T0).get(url("/new"), "*/*", Optional.empty(), words);
        assertEquals(2, cacheFiles().size(), "metadata and reduction: " + cacheFiles());
        Words.Summary changed = http(Duration.ofMinutes(10), T0.plus(Duration.ofHours(1))).get(url("/new"), "*/*", Optional.empty(), words);
        assertEquals(new Words.Summary(5, "second"), changed);
        assertEquals(2, words.reductions.get());
        assertEquals(2, cacheFiles().size(), "the first reduction is gone: " + cacheFiles());
        assertEquals("second version of the text",
                new String(http(Duration.ofHours(2), T0.plus(Duration.ofHours(1))).get(url("/new"), "*/*").body(), UTF_8));
    }

    @Test
    void aDamagedReductionIsFetchedAgain() throws IOException {
        SERVER.stubFor(get("/dmg").willReturn(ok("four words right here")));
        Words words = new Words();
        http(Duration.ofHours(1), T0).get(url("/dmg"), "*/*", Optional.empty(), words);
        Path reduced = onlyFileEndingIn(".words.1");
        byte[] bytes = Files.readAllBytes(reduced);
        bytes[bytes.length - 1] ^= 0x20;
        Files.write(reduced, bytes);
        assertEquals(new Words.Summary(4, "four"), http(Duration.ofHours(1), T0).get(url("/dmg"), "*/*", Optional.empty(), words));
        assertEquals(2, words.reductions.get());
        SERVER.verify(2, getRequestedFor(urlEqualTo("/dmg")));
        Files.write(onlyFileEndingIn(".words.1"), "pinver-reduced 1\n".getBytes(UTF_8));
        assertEquals(new Words.Summary(4, "four"), http(Duration.ofHours(1), T0).get(url("/dmg"), "*/*", Optional.empty(), words));
        assertEquals(3, words.reductions.get());
        assertEquals(new Words.Summary(4, "four"), http(Duration.ofHours(1), T0).get(url("/dmg"), "*/*", Optional.empty(), words));
        assertEquals(3, words.reductions.get(), "the new reduction is used");
        SERVER.verify(3, getRequestedFor(urlEqualTo("/dmg")));
        RegistryException offline = assertThrows(RegistryException.class, () -> {
            Files.write(onlyFileEndingIn(".words.1"), new byte[0]);
            http(Duration.ofHours(1), T0, true).get(url("/dmg"), "*/*", Optional.empty(), words);
        });
        assertEquals(Reason.OFFLINE, offline.reason());
    }

    @Test
    void aMissingBodyIsFetchedAgainAndIsAMissOffline() throws IOException {
        SERVER.stubFor(get("/gone").willReturn(ok("body text")));
        http(Duration.ofHours(1), T0).get(url("/gone"), "*/*");
        Path body = cacheFiles().stream().filter(f -> f.getFileName().toString().contains("-")).findFirst().orElseThrow();
        Files.delete(body);
        RegistryException offline = assertThrows(RegistryException.class,
                () -> http(Duration.ofHours(1), T0, true).get(url("/gone"), "*/*"));
        assertEquals(Reason.OFFLINE, offline.reason());
        assertEquals("body text", new String(http(Duration.ofHours(1), T0).get(url("/gone"), "*/*").body(), UTF_8));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/gone")));
    }

    @Test
    void noStoreAnswersKeepNoReduction() throws IOException {
        SERVER.stubFor(get("/private").willReturn(ok("secret words").withHeader("Cache-Control", "no-store")));
        Words words = new Words();
        http(Duration.ofHours(1), T0).get(url("/private"), "*/*", Optional.empty(), words);
        http(Duration.ofHours(1), T0).get(url("/private"), "*/*", Optional.empty(), words);
        assertEquals(2, words.reductions.get());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aFailedReductionIsTheCallersError() {
        SERVER.stubFor(get("/empty").willReturn(ok("   ")));
        Reduction<Integer> strict = new Reduction<>() {
            @Override
            public String name() {
                return "strict.1";
            }

            @Override
            public Integer reduce(Http.Response response) {
                throw new RegistryException(Reason.MALFORMED, response.url(), "no words");
            }

            @Override
            public void write(Integer value, DataOutput out) throws IOException {
                out.writeInt(value);
            }

            @Override
            public Integer read(DataInput in) throws IOException {
                return in.readInt();
            }
        };
        RegistryException e = assertThrows(RegistryException.class,
                () -> http(Duration.ofHours(1), T0).get(url("/empty"), "*/*", Optional.empty(), strict));
        assertEquals(url("/empty") + ": no words", e.getMessage());
    }

    @Test
    void stringsOfAnyLengthRoundTripAndAbsurdLengthsAreRefused() throws IOException {
        String longText = "ü".repeat(70_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Reduction.writeString(out, longText);
        Reduction.writeOptionalString(out, Optional.empty());
        Reduction.writeOptionalInstant(out, Optional.of(Instant.parse("2024-02-27T16:27:13.411123Z")));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(longText, Reduction.readString(in));
        assertEquals(Optional.empty(), Reduction.readOptionalString(in));
        assertEquals(Optional.of(Instant.parse("2024-02-27T16:27:13.411123Z")), Reduction.readOptionalInstant(in));
        DataInputStream absurd = new DataInputStream(new ByteArrayInputStream(new byte[] {0x7f, 0, 0, 0}));
        assertThrows(IOException.class, () -> Reduction.readString(absurd));
    }
}
