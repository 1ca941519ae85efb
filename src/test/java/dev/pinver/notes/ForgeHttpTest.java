package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.Corpus;
import dev.pinver.registry.Http;
import dev.pinver.registry.HttpOptions;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The headers a forge pages and limits with: {@code Link}, {@code Retry-After}, {@code X-RateLimit-*}, {@code RateLimit-*}. */
class ForgeHttpTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static HttpHeaders headers(String... nameValue) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private static ForgeHttp api(Path cache, String base) {
        return new ForgeHttp(new Http(HttpOptions.defaults(Map.of()).withCacheDir(cache)), base, Optional.empty(),
                "GITHUB_TOKEN", Duration.ofSeconds(60), Clock.systemUTC());
    }

    @Test
    void followsTheNextLinkOfEachRecordedGithubPage(@TempDir Path cache) throws IOException {
        Path recorded = Corpus.file("forges/github-recorded/octokit__fixtures__scenarios__api.github.com__paginate-issues__normalized-fixture.json");
        JsonNode exchanges = new ObjectMapper().readTree(recorded.toFile());
        ForgeHttp github = api(cache, "https://api.github.com");
        List<String> next = new java.util.ArrayList<>();
        for (JsonNode exchange : exchanges) {
            next.add(github.next(headers("Link", exchange.get("headers").get("link").asText())).orElse("-"));
        }
        assertEquals(List.of(
                "https://api.github.com/repositories/1000/issues?per_page=3&page=2",
                "https://api.github.com/repositories/1000/issues?per_page=3&page=3",
                "https://api.github.com/repositories/1000/issues?per_page=3&page=4",
                "https://api.github.com/repositories/1000/issues?per_page=3&page=5",
                "-"), next);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<https://api.github.com/r?page=2>; rel=next                        | https://api.github.com/r?page=2",
        "<https://api.github.com/r?page=2>; rel=\"prev next\"               | https://api.github.com/r?page=2",
        "<https://api.github.com/r?page=9>; rel=\"last\"                    | -",
        "<https://evil.example/r?page=2>; rel=\"next\"                      | -",
        "<http://api.github.com/r?page=2>; rel=\"next\"                     | -",
        "<https://user:pw@api.github.com/r?page=2>; rel=\"next\"            | -",
        "<https://api.github.com/a>; rel=\"prev\", <https://api.github.com/b>; title=\"x\"; rel=\"next\" | https://api.github.com/b",
    })
    void nextStaysOnTheApisOrigin(String link, String expected, @TempDir Path cache) {
        assertEquals(expected, api(cache, "https://api.github.com").next(headers("Link", link)).orElse("-"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // GitHub primary limit: remaining 0, reset in epoch seconds
        "X-RateLimit-Remaining | 0   | X-RateLimit-Reset | 1714566000 | 2024-05-01T12:20:00Z",
        "X-RateLimit-Remaining | 12  | X-RateLimit-Reset | 1714566000 | -",
        // a reset already past means now
        "X-RateLimit-Remaining | 0   | X-RateLimit-Reset | 1714560000 | 2024-05-01T12:00:00Z",
        // GitLab
        "RateLimit-Remaining   | 0   | RateLimit-Reset   | 1714565000 | 2024-05-01T12:03:20Z",
        // secondary limits and 429s
        "Retry-After           | 60  | X-Other           | x          | 2024-05-01T12:01:00Z",
        "Retry-After           | Wed, 01 May 2024 12:05:00 GMT | X-Other | x | 2024-05-01T12:05:00Z",
        "Retry-After           | soon | X-Other          | x          | -",
        "X-RateLimit-Remaining | 0   | X-RateLimit-Reset | never      | -",
    })
    void whenARateLimitEnds(String h1, String v1, String h2, String v2, String expected) {
        assertEquals(expected, ForgeHttp.limitedUntil(headers(h1, v1, h2, v2), NOW).map(Instant::toString).orElse("-"));
    }
}
