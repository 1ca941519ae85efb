package dev.pinver.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Http} talks to registries.
 *
 * @param cacheDir where responses are cached ({@code $XDG_CACHE_HOME/pinver} or {@code ~/.cache/pinver} by default)
 * @param ttl how long a cached response is used without asking the server again; after that it is revalidated
 * @param offline serve only from the cache and local files; a cache miss is an error
 * @param maxBodyBytes the largest response accepted, before and after decompression (64 MiB by default)
 * @param connectTimeout the time allowed to open a connection
 * @param requestTimeout the time allowed for one attempt, from sending the request to the last byte of the body
 * @param maxRetries how many times a failed attempt (connection error, timeout, 5xx, 429) is repeated
 * @param retryBaseDelay the first backoff ceiling; it doubles with each retry and the delay is drawn uniformly below it
 * @param maxRetryDelay the longest single wait, for backoff and for a server's {@code Retry-After}
 * @param maxPerHost how many requests may be in flight to one host at a time
 * @param allowInsecureHttp allow plain {@code http://} URLs (off by default; tests against loopback set it)
 * @param extraCaFile a PEM file of certificates trusted in addition to the platform's trust store
 * @param proxy the proxies to use
 * @param hostCredentials credentials sent to a host (lower-case {@code host} or {@code host:port}) when
 *     the URL carries none
 */
public record HttpOptions(
        Path cacheDir,
        Duration ttl,
        boolean offline,
        long maxBodyBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryBaseDelay,
        Duration maxRetryDelay,
        int maxPerHost,
        boolean allowInsecureHttp,
        Optional<Path> extraCaFile,
        ProxyConfig proxy,
        Map<String, Credentials> hostCredentials) {

    /** 64 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

    public HttpOptions {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(extraCaFile, "extraCaFile");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (ttl.isNegative() || retryBaseDelay.isNegative() || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 16 || maxPerHost <= 0 || maxRetries < 0) {
            throw new IllegalArgumentException("maxBodyBytes (below 2 GiB) and maxPerHost must be positive, maxRetries not negative");
        }
        Map<String, Credentials> lowerCased = new HashMap<>();
        hostCredentials.forEach((host, credentials) -> lowerCased.put(host.toLowerCase(Locale.ROOT), credentials));
        hostCredentials = Map.copyOf(lowerCased);
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The defaults, with the cache directory and proxies taken from {@code env}: a one-hour TTL, 64 MiB
     * limit, 10 s to connect, 60 s per attempt, 3 retries from 0.5 s up to 30 s, 16 requests per host.
     */
    public static HttpOptions defaults(Map<String, String> env) {
        return new HttpOptions(defaultCacheDir(env), Duration.ofHours(1), false, DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Duration.ofMillis(500), Duration.ofSeconds(30), 16,
                false, Optional.empty(), ProxyConfig.fromEnv(env), Map.of());
    }

    /** {@code $XDG_CACHE_HOME/pinver} when that is an absolute path, else {@code ~/.cache/pinver}. */
    public static Path defaultCacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pinver");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "pinver");
    }

    public HttpOptions withCacheDir(Path dir) {
        return new HttpOptions(dir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withTtl(Duration newTtl) {
        return new HttpOptions(cacheDir, newTtl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withOffline(boolean newOffline) {
        return new HttpOptions(cacheDir, ttl, newOffline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withMaxBodyBytes(long bytes) {
        return new HttpOptions(cacheDir, ttl, offline, bytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withTimeouts(Duration connect, Duration request) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connect, request, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withRetries(int retries, Duration baseDelay, Duration maxDelay) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, retries,
                baseDelay, maxDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withMaxPerHost(int perHost) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, perHost, allowInsecureHttp, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withAllowInsecureHttp(boolean allow) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allow, extraCaFile, proxy, hostCredentials);
    }

    public HttpOptions withExtraCaFile(Path pemFile) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, Optional.of(pemFile), proxy, hostCredentials);
    }

    public HttpOptions withProxy(ProxyConfig newProxy) {
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, newProxy, hostCredentials);
    }

    /** These options plus {@code credentials} for {@code host} (a host name, or {@code host:port}). */
    public HttpOptions withHostCredentials(String host, Credentials credentials) {
        Map<String, Credentials> more = new HashMap<>(hostCredentials);
        more.put(host.toLowerCase(Locale.ROOT), credentials);
        return new HttpOptions(cacheDir, ttl, offline, maxBodyBytes, connectTimeout, requestTimeout, maxRetries,
                retryBaseDelay, maxRetryDelay, maxPerHost, allowInsecureHttp, extraCaFile, proxy, more);
    }
}
