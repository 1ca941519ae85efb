package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Proxy choice from the environment, with curl's reading of {@code no_proxy} as the reference. */
class ProxyConfigTest {

    private static final Map<String, String> ENV = Map.of(
            "HTTPS_PROXY", "http://upper.proxy:3128",
            "https_proxy", "lower.proxy:8080",
            "HTTP_PROXY", "http://plain.proxy",
            "NO_PROXY", "localhost, .internal.example,*.corp.example , exact.example:8443,[::1],10.0.0.1");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://pypi.org/simple/                 | lower.proxy:8080
            http://mirror.example/simple/            | plain.proxy:80
            https://localhost:8443/x                 | direct
            https://LOCALHOST/x                      | direct
            https://a.internal.example/x             | direct
            https://internal.example/x               | direct
            https://notinternal.example/x            | lower.proxy:8080
            https://b.corp.example/x                 | direct
            https://exact.example:8443/x             | direct
            https://exact.example/x                  | lower.proxy:8080
            https://[::1]:9000/x                     | direct
            https://10.0.0.1/x                       | direct
            https://10.0.0.10/x                      | lower.proxy:8080
            file:///opt/pypi/simple                  | direct
            """)
    void choosesPerUrl(String url, String expected) {
        String chosen = ProxyConfig.fromEnv(ENV).proxyFor(URI.create(url))
                .map(a -> a.getHostString() + ":" + a.getPort()).orElse("direct");
        assertEquals(expected, chosen);
    }

    @Test
    void aStarBypassesEverything() {
        ProxyConfig config = ProxyConfig.fromEnv(Map.of("https_proxy", "http://p:1", "no_proxy", "*"));
        assertTrue(config.proxyFor(URI.create("https://registry.npmjs.org/")).isEmpty());
    }

    @Test
    void noVariablesNoProxy() {
        assertTrue(ProxyConfig.fromEnv(Map.of()).proxyFor(URI.create("https://pypi.org/")).isEmpty());
        assertEquals(ProxyConfig.none(), ProxyConfig.fromEnv(Map.of("https_proxy", " ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://tls.proxy:443      | HTTPS_PROXY uses https://; only http:// proxies are supported
            http://user:pw@proxy:3128  | HTTPS_PROXY carries credentials, which pinver cannot send to a proxy; use a proxy that needs none
            http://bad host:1          | HTTPS_PROXY is not a URL: http://bad host:1
            """)
    void unusableProxiesAreUsageErrors(String value, String message) {
        PinverException e = assertThrows(PinverException.class, () -> ProxyConfig.fromEnv(Map.of("HTTPS_PROXY", value)));
        assertEquals(PinverException.Kind.USAGE, e.kind());
        assertEquals(message, e.getMessage());
    }
}
