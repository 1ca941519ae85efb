package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.pinver.registry.HttpTransport.Answer;
import dev.pinver.registry.RegistryException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way pinver fetches registry data: {@code GET} over HTTPS ({@link HttpTransport}: HTTP/1.1 on
 * kept-alive connections), or a read of a {@code file://} URL. Per request it applies the rules of
 * {@link HttpOptions}: a cap on concurrent requests per host, timeouts, retries with jittered backoff on
 * connection errors, timeouts, 5xx and 429 (honouring {@code Retry-After}), a size limit on the body
 * before and after gzip decompression, an on-disk cache with a TTL and conditional revalidation
 * ({@code ETag}, {@code Last-Modified}) that can keep a client's {@link Reduction} of each body, and
 * offline mode. Redirects are followed (at most
 * {@value #MAX_REDIRECTS}), never from HTTPS to plain HTTP unless allowed, and credentials are not
 * carried to another host.
 *
 * <p>Credentials in a URL ({@code https://user:pass@host/}) are sent as basic authentication and
 * removed from the URL; every credential this object has seen is masked in the messages of the
 * {@link RegistryException}s it throws, which are its only failures.
 */
public final class Http {

    static final int MAX_REDIRECTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final String USER_AGENT = "pinver/"
            + Optional.ofNullable(Http.class.getPackage().getImplementationVersion()).orElse("dev");

    /** Where a response came from. */
    public enum Origin {
        /** A fresh answer from the server. */
        NETWORK,
        /** The cache, without asking the server (fresh within the TTL, or offline). */
        CACHE,
        /** The cache, after the server confirmed it unchanged (304). */
        REVALIDATED,
        /** A local file ({@code file://}). */
        FILE
    }

    /**
     * A successful answer.
     *
     * @param url the URL asked for, without credentials
     * @param contentType the {@code Content-Type} (for files: guessed from the name), empty when unknown
     * @param body the body, decompressed
     */
    public record Response(String url, String contentType, byte[] body, Origin origin) {

        /** The media type without parameters, lower-case: {@code text/html; charset=utf-8} → {@code text/html}. */
        public String mediaType() {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An API's answer whatever its status, for APIs that put pagination and rate limits in headers
     * (GitHub's {@code Link} and {@code X-RateLimit-*}).
     *
     * @param url the URL asked for, without credentials
     * @param status the final HTTP status, after redirects
     * @param headers the final response's headers
     * @param body the body, decompressed, when the status is 200; empty otherwise
     */
    public record ApiResponse(String url, int status, HttpHeaders headers, byte[] body) {
    }

    /** A URL split into the address to fetch and the credentials its user-info carried. */
    private record Target(URI uri, Optional<Credentials> credentials) {
    }

    /** A failure that another attempt may cure. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Retryable(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    private final HttpOptions options;
    private final Clock clock;
    private final HttpCache cache;
    private final HttpTransport transport;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public Http(HttpOptions options) {
        this(options, Clock.systemUTC());
    }

    /** With a clock of the caller's choosing, for cache ages. */
    Http(HttpOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.cache = new HttpCache(options.cacheDir(), options.maxBodyBytes());
        this.transport = new HttpTransport(options);
        options.hostCredentials().values().forEach(c -> secrets.addAll(c.secrets()));
        if (options.extraCaFile().isPresent()) {
            transport.tls(); // a bad CA file is a usage error now, not at the first request
        }
    }

    public HttpOptions options() {
        return options;
    }

    /** {@code GET url} with the given {@code Accept} header. */
    public Response get(String url, String accept) {
        return get(url, accept, Optional.empty());
    }

    /**
     * {@code GET url} with the given {@code Accept} header, authenticated with {@code credentials} when
     * the URL carries none itself.
     *
     * @throws RegistryException for every failure, with a one-line message free of credentials
     */
    public Response get(String url, String accept, Optional<Credentials> credentials) {
        return get(url, accept, credentials, response -> response, Optional.empty());
    }

    /**
     * {@code GET url} like {@link #get(String, String, Optional)}, read by {@code reduction}, whose value
     * is kept beside the cached body: while that body is good (fresh, offline or confirmed unchanged by
     * the server), later calls read the kept value instead of reducing the body again.
     *
     * @throws RegistryException for every failure, including the reduction's
     */
    <T> T get(String url, String accept, Optional<Credentials> credentials, Reduction<T> reduction) {
        return get(url, accept, credentials, reduction::reduce, Optional.of(reduction));
    }

    private <T> T get(String url, String accept, Optional<Credentials> credentials, Function<Response, T> use,
            Optional<Reduction<T>> kept) {
        credentials.ifPresent(c -> secrets.addAll(c.secrets()));
        try {
            return fetch(url, accept, credentials, use, kept);
        } catch (RegistryException e) {
            throw e.redacted(List.copyOf(secrets));
        }
    }

    /**
     * {@code GET url} for a REST API: like {@link #get}, redirects are followed (credentials kept only on
     * the same origin) and connection failures, timeouts and 5xx answers are retried, but the final
     * status is returned with its headers instead of thrown, 429 is not retried (the caller reads the
     * rate limit), and nothing is cached.
     *
     * @throws RegistryException when no HTTP answer arrives, in offline mode, or when a URL is refused
     */
    public ApiResponse api(String url, String accept, Optional<Credentials> credentials) {
        credentials.ifPresent(c -> secrets.addAll(c.secrets()));
        try {
            Target target = parse(url);
            URI current = target.uri();
            String shown = current.toString();
            requireAllowedScheme(current, shown);
            if (options.offline()) {
                throw new RegistryException(Reason.OFFLINE, shown, "pinver is offline");
            }
            Optional<Credentials> given = target.credentials().or(() -> credentials);
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                Optional<Credentials> sent = given.isPresent() ? given : hostCredentials(current);
                Answer response = exchange(current, accept, sent, Optional.empty(), false);
                if (!Set.of(301, 302, 303, 307, 308).contains(response.status())) {
                    return new ApiResponse(shown, response.status(), response.headers(), response.body());
                }
                URI next = redirectTarget(current, response, shown);
                if (!sameOrigin(current, next)) {
                    given = Optional.empty();
                }
                current = next;
            }
            throw new RegistryException(Reason.HTTP_STATUS, shown, "more than " + MAX_REDIRECTS + " redirects");
        } catch (RegistryException e) {
            throw e.redacted(List.copyOf(secrets));
        }
    }

    /** {@code text} with every credential this object has seen, and all URL user-info, masked. */
    public String redact(String text) {
        return Redact.text(text, List.copyOf(secrets));
    }

    /**
     * The answer for {@code url}, read by {@code use}; with {@code kept}, a cached body is read through its
     * kept reduction when there is one, and every value made from a cached body is kept.
     */
    private <T> T fetch(String url, String accept, Optional<Credentials> given, Function<Response, T> use,
            Optional<Reduction<T>> kept) {
        Target target = parse(url);
        URI uri = target.uri();
        String shown = uri.toString();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return use.apply(readFile(uri));
        }
        requireAllowedScheme(uri, shown);
        Optional<HttpCache.Entry> cached = cache.read(shown, accept);
        if (cached.isPresent() && (options.offline() || isFresh(cached.get()))) {
            Optional<T> value = fromCache(cached.get(), Origin.CACHE, use, kept);
            if (value.isPresent()) {
                return value.get();
            }
            cached = Optional.empty(); // its body is gone
        }
        if (options.offline()) {
            throw new RegistryException(Reason.OFFLINE, shown, "not in the cache, and pinver is offline");
        }
        Optional<Credentials> credentials = target.credentials().or(() -> given);
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<Credentials> sent = credentials.isPresent() ? credentials : hostCredentials(current);
            Answer response = exchange(current, accept, sent, cached, true);
            int status = response.status();
            switch (status) {
                case 200 -> {
                    return store(shown, accept, response, use, kept);
                }
                case 304 -> {
                    if (cached.isEmpty()) {
                        throw new RegistryException(Reason.HTTP_STATUS, shown, "HTTP 304 to a request that was not conditional");
                    }
                    HttpCache.Entry refreshed = cache.refresh(cached.get(), clock.instant(),
                            response.headers().firstValue("ETag"), response.headers().firstValue("Last-Modified"));
                    Optional<T> value = fromCache(refreshed, Origin.REVALIDATED, use, kept);
                    if (value.isPresent()) {
                        return value.get();
                    }
                    cached = Optional.empty(); // the body went missing meanwhile: ask again, unconditionally
                }
                case 301, 302, 303, 307, 308 -> {
                    URI next = redirectTarget(current, response, shown);
                    if (!sameOrigin(current, next)) {
                        credentials = Optional.empty();
                    }
                    current = next;
                }
                case 404, 410 -> throw new RegistryException(Reason.NOT_FOUND, shown, "HTTP " + status + " not found");
                default -> throw new RegistryException(Reason.HTTP_STATUS, shown, "HTTP " + status
                        + (status == 429 || status >= 500 ? " after " + (options.maxRetries() + 1) + " attempts" : ""));
            }
        }
        throw new RegistryException(Reason.HTTP_STATUS, shown, "more than " + MAX_REDIRECTS + " redirects");
    }

    private Target parse(String url) {
        String text = url.strip();
        int schemeEnd = text.indexOf("://");
        Optional<Credentials> credentials = Optional.empty();
        if (schemeEnd > 0) {
            int authorityStart = schemeEnd + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            int at = text.lastIndexOf('@', authorityEnd - 1);
            if (at >= authorityStart) {
                String userinfo = text.substring(authorityStart, at);
                int colon = userinfo.indexOf(':');
                String user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
                String password = colon < 0 ? "" : decode(userinfo.substring(colon + 1));
                secrets.add(userinfo.substring(colon + 1));
                if (password.isEmpty()) {
                    // a lone token in the user-info (https://TOKEN@host/) is the secret
                    secrets.add(user);
                }
                Credentials basic = new Credentials.Basic(user, password);
                secrets.addAll(basic.secrets());
                credentials = Optional.of(basic);
                text = text.substring(0, authorityStart) + text.substring(at + 1);
            }
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null) {
                throw new RegistryException(Reason.REFUSED, text, "not an absolute URL");
            }
            return new Target(uri, credentials);
        } catch (URISyntaxException e) {
            throw new RegistryException(Reason.REFUSED, Redact.text(text, List.copyOf(secrets)), "not a valid URL");
        }
    }

    private static String decode(String percentEncoded) {
        try {
            return URLDecoder.decode(percentEncoded.replace("+", "%2B"), UTF_8);
        } catch (IllegalArgumentException e) {
            return percentEncoded;
        }
    }

    private void requireAllowedScheme(URI uri, String shown) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !options.allowInsecureHttp()) {
            throw new RegistryException(Reason.REFUSED, shown,
                    "plain http:// is refused; use https:// or explicitly allow insecure HTTP");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RegistryException(Reason.REFUSED, shown, "unsupported URL scheme " + scheme + "://");
        }
        if (uri.getHost() == null) {
            throw new RegistryException(Reason.REFUSED, shown, "the URL has no host");
        }
    }

    private boolean isFresh(HttpCache.Entry entry) {
        Duration age = Duration.between(entry.storedAt(), clock.instant());
        return !age.isNegative() && age.compareTo(options.ttl()) < 0;
    }

    private Optional<Credentials> hostCredentials(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Map<String, Credentials> byHost = options.hostCredentials();
        return Optional.ofNullable(byHost.get(host + ":" + port(uri))).or(() -> Optional.ofNullable(byHost.get(host)));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private URI redirectTarget(URI current, Answer response, String shown) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new RegistryException(Reason.HTTP_STATUS, shown, "HTTP " + response.status() + " without a Location"));
        URI next;
        try {
            next = current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RegistryException(Reason.MALFORMED, shown, "redirect to an invalid URL");
        }
        if (next.getRawUserInfo() != null) {
            throw new RegistryException(Reason.REFUSED, shown, "redirect to a URL with credentials");
        }
        requireAllowedScheme(next, shown + " → " + next);
        return next;
    }

    /**
     * One request, retried while it fails in a way another attempt may cure (429 only when
     * {@code retryTooMany}); the last response otherwise.
     */
    private Answer exchange(URI uri, String accept, Optional<Credentials> credentials,
            Optional<HttpCache.Entry> cached, boolean retryTooMany) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        headers.put("Accept-Encoding", "gzip");
        headers.put("User-Agent", USER_AGENT);
        credentials.ifPresent(c -> headers.put("Authorization", c.header()));
        cached.ifPresent(entry -> {
            entry.etag().ifPresent(etag -> headers.put("If-None-Match", etag));
            entry.lastModified().ifPresent(date -> headers.put("If-Modified-Since", date));
        });
        String shown = uri.toString();
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt == options.maxRetries();
            try {
                Answer response = sendOnce(uri, headers);
                int status = response.status();
                if (last || ((status != 429 || !retryTooMany) && status < 500)) {
                    return response;
                }
                pause(shown, "HTTP " + status, delayAfter(response, attempt));
            } catch (Retryable e) {
                if (last) {
                    String tries = attempt == 0 ? "" : " (" + (attempt + 1) + " attempts)";
                    throw new RegistryException(e.reason, shown, e.getMessage() + tries);
                }
                pause(shown, e.getMessage(), Backoff.jittered(attempt, options.retryBaseDelay(), options.maxRetryDelay()));
            }
        }
    }

    /** The server's {@code Retry-After} (capped), else the jittered backoff for this retry. */
    private Duration delayAfter(Answer response, int retry) {
        Optional<Duration> asked = response.headers().firstValue("Retry-After").flatMap(v -> Backoff.retryAfter(v, clock.instant()));
        if (asked.isPresent()) {
            return asked.get().compareTo(options.maxRetryDelay()) > 0 ? options.maxRetryDelay() : asked.get();
        }
        return Backoff.jittered(retry, options.retryBaseDelay(), options.maxRetryDelay());
    }

    private void pause(String shown, String why, Duration wait) {
        LOG.debug("{}: {}; retrying in {} ms", shown, why, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(Reason.CONNECTION, shown, "interrupted while waiting to retry");
        }
    }

    private Answer sendOnce(URI uri, Map<String, String> headers) throws Retryable {
        String shown = uri.toString();
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
        Semaphore slots = perHost.computeIfAbsent(host, h -> new Semaphore(options.maxPerHost(), true));
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(Reason.CONNECTION, shown, "interrupted while waiting for a connection slot");
        }
        try {
            Answer response = transport.get(uri, headers);
            byte[] body = response.status() == 200 ? decoded(response, shown) : response.body();
            return new Answer(response.status(), response.headers(), body);
        } catch (IOException e) {
            throw failure(e, shown);
        } finally {
            slots.release();
        }
    }

    /** What a failed exchange means: a failure another attempt may cure, or (thrown) one it cannot. */
    private Retryable failure(IOException cause, String shown) {
        if (cause instanceof LimitedBody.TooLargeException) {
            throw new RegistryException(Reason.TOO_LARGE, shown, cause.getMessage());
        }
        if (cause instanceof SSLException) {
            throw new RegistryException(Reason.TLS, shown, "TLS failure: " + describe(cause));
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new Retryable(Reason.TIMEOUT, "could not connect within " + millis(options.connectTimeout()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new Retryable(Reason.TIMEOUT, "no answer within " + millis(options.requestTimeout()));
        }
        if (cause instanceof ConnectException) {
            return new Retryable(Reason.CONNECTION, "cannot connect: " + describe(cause));
        }
        if (cause instanceof UnknownHostException) {
            // not retried, as Resolver's transport does not: the JVM keeps a failed lookup for 10 s, so each
            // retry would only meet it again (30 packages on an unresolvable index took ~18 s to report)
            throw new RegistryException(Reason.CONNECTION, shown, "unknown host " + describe(cause)); // as MavenFailures says it
        }
        return new Retryable(Reason.CONNECTION, "connection failed: " + describe(cause));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message;
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private byte[] decoded(Answer response, String shown) {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            // "none" is not a registered coding, but some Jetty-based servers send it for an unencoded body
            case "identity", "none", "" -> response.body();
            case "gzip", "x-gzip" -> gunzip(response.body(), shown);
            default -> throw new RegistryException(Reason.MALFORMED, shown, "unsupported Content-Encoding " + encoding);
        };
    }

    private byte[] gunzip(byte[] compressed, String shown) {
        try {
            return LimitedBody.gunzip(compressed, options.maxBodyBytes());
        } catch (LimitedBody.TooLargeException e) {
            throw new RegistryException(Reason.TOO_LARGE, shown, e.getMessage());
        } catch (ZipException | EOFException e) {
            throw new RegistryException(Reason.MALFORMED, shown, "bad gzip body: " + describe(e));
        } catch (IOException e) {
            throw new RegistryException(Reason.MALFORMED, shown, "cannot decompress the body: " + describe(e));
        }
    }

    /**
     * The value of a fresh 200 answer, cached unless the server said {@code no-store}: with a kept
     * reduction, only the reduction is stored (the body, tens of megabytes for npm packuments, would
     * only be read again if the reduction were lost, and then it is fetched again instead); without one,
     * the body.
     */
    private <T> T store(String shown, String accept, Answer response, Function<Response, T> use,
            Optional<Reduction<T>> kept) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        boolean noStore = response.headers().allValues("Cache-Control").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("no-store"));
        T value = use.apply(new Response(shown, contentType, response.body(), Origin.NETWORK));
        if (!noStore) {
            Optional<HttpCache.Entry> entry = cache.write(shown, accept, contentType, response.headers().firstValue("ETag"),
                    response.headers().firstValue("Last-Modified"), clock.instant(), response.body(), kept.isEmpty());
            if (entry.isPresent() && kept.isPresent()) {
                cache.storeReduced(entry.get(), kept.get(), value);
            }
        }
        return value;
    }

    /** The value of a cached answer: its kept reduction, else its body read by {@code use}; empty when the body is gone. */
    private <T> Optional<T> fromCache(HttpCache.Entry entry, Origin origin, Function<Response, T> use,
            Optional<Reduction<T>> kept) {
        Optional<T> reduced = kept.flatMap(reduction -> cache.reduced(entry, reduction));
        if (reduced.isPresent()) {
            return reduced;
        }
        Optional<byte[]> body = cache.body(entry);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        T value = use.apply(new Response(entry.url(), entry.contentType(), body.get(), origin));
        kept.ifPresent(reduction -> cache.storeReduced(entry, reduction, value));
        return Optional.of(value);
    }

    /** A local file or, for a directory, its {@code index.html} (as pip reads a {@code file://} index). */
    private Response readFile(URI uri) {
        String shown = uri.toString();
        if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase("localhost")) {
            throw new RegistryException(Reason.REFUSED, shown, "file:// URLs on another host are not supported");
        }
        Path path;
        try {
            path = Path.of(new URI("file", null, uri.getPath(), null));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RegistryException(Reason.REFUSED, shown, "not a valid file URL");
        }
        if (Files.isDirectory(path)) {
            path = path.resolve("index.html");
        }
        try {
            if (Files.size(path) > options.maxBodyBytes()) {
                throw new RegistryException(Reason.TOO_LARGE, shown, "file of " + Files.size(path)
                        + " bytes exceeds the limit of " + options.maxBodyBytes() + " bytes");
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] body = LimitedBody.readLimited(in, options.maxBodyBytes(), "file");
                return new Response(shown, guessContentType(path), body, Origin.FILE);
            }
        } catch (NoSuchFileException e) {
            throw new RegistryException(Reason.NOT_FOUND, shown, "no such file");
        } catch (LimitedBody.TooLargeException e) {
            throw new RegistryException(Reason.TOO_LARGE, shown, e.getMessage());
        } catch (IOException e) {
            throw new RegistryException(Reason.CONNECTION, shown, "cannot read: " + describe(e));
        }
    }

    private static String guessContentType(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "";
    }
}
