package dev.pinver.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP exchange, on the JDK's {@link HttpURLConnection}: HTTP/1.1 over connections that the JDK keeps
 * alive per host and reuses, TLS from {@link TlsSockets}. It is blocking, so callers run exchanges on as
 * many threads as they want in flight.
 *
 * <p>Why not the JDK's {@code java.net.http.HttpClient} with HTTP/2: measured here on the 40 npm packuments
 * of {@code bench/peers} (43 MB), in the short-lived C1-only JVM the launcher starts, its asynchronous
 * pipeline spent about 0.65 s and 1.3 s of CPU on the download; this path takes about 0.2 s and 0.6 s.
 *
 * <p>Timeouts: {@code connectTimeout} for the TCP connection (and the proxy tunnel and TLS handshake),
 * and {@code requestTimeout} for the whole exchange, from sending the request to the body's last byte: at
 * that deadline the connection is closed under the reading thread, so a server that dribbles its answer
 * cannot hold a request longer.
 */
final class HttpTransport {

    /** One HTTP answer: status, headers, and for 200 the body as sent (still encoded). */
    record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** The largest body of a non-200 answer read so that its connection can be reused; longer ones close it. */
    private static final int DRAINED = 64 * 1024;
    /** Closes exchanges at their deadline; one daemon thread for all. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private static boolean defaultSet;

    private final HttpOptions options;
    private final BooleanSupplier nativeTls;
    private volatile SSLSocketFactory tls;

    HttpTransport(HttpOptions options) {
        this(options, TlsSockets::nativeAvailable);
    }

    /**
     * With BoringSSL's TLS or the JDK's as {@code nativeTls} says when the first HTTPS exchange asks (true
     * needs {@link TlsSockets#nativeAvailable}, which loads the native library).
     */
    HttpTransport(HttpOptions options, BooleanSupplier nativeTls) {
        this.options = options;
        this.nativeTls = nativeTls;
    }

    /**
     * The TLS set-up, made on the first HTTPS exchange (an answer from the cache needs none). The first
     * one made is also {@link HttpsURLConnection}'s default, whose constructor otherwise builds the JDK's
     * default TLS context (~75 ms) for a factory that each exchange here replaces at once.
     */
    SSLSocketFactory tls() {
        SSLSocketFactory made = tls;
        if (made == null) {
            synchronized (this) {
                made = tls;
                if (made == null) {
                    made = TlsSockets.context(options.extraCaFile(), nativeTls.getAsBoolean()).getSocketFactory();
                    synchronized (HttpTransport.class) {
                        if (!defaultSet) {
                            HttpsURLConnection.setDefaultSSLSocketFactory(made);
                            defaultSet = true;
                        }
                    }
                    tls = made;
                }
            }
        }
        return made;
    }

    /**
     * {@code GET uri} with {@code headers}.
     *
     * @throws HttpConnectTimeoutException when no connection opens within the connect timeout
     * @throws HttpTimeoutException when the answer is not complete within the request timeout
     * @throws LimitedBody.TooLargeException when a 200 body is larger than the limit
     * @throws IOException for every other failure: refused or reset connections, TLS, malformed answers
     */
    Answer get(URI uri, Map<String, String> headers) throws IOException {
        Proxy proxy = options.proxy().proxyFor(uri).map(address -> new Proxy(Proxy.Type.HTTP, address)).orElse(Proxy.NO_PROXY);
        SSLSocketFactory sockets = "https".equalsIgnoreCase(uri.getScheme()) ? tls() : null; // before the connection: see tls()
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(proxy);
        AtomicBoolean wrongHost = new AtomicBoolean();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(sockets);
            // HttpsURLConnection matches the host against the certificate's names with the JDK's own checker
            // after the handshake, before the request is sent, and asks this verifier only when they do not
            // match. (Its default verifier leaves the check to the TLS socket, which Conscrypt's does not make.)
            https.setHostnameVerifier((host, session) -> {
                wrongHost.set(true);
                return false;
            });
        }
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(millis(options.connectTimeout().toMillis()));
        connection.setReadTimeout(millis(options.requestTimeout().toMillis()));
        headers.forEach(connection::setRequestProperty);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            connection.disconnect();
        }, options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            try {
                connection.connect();
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("connect timed out");
            }
            int status = connection.getResponseCode();
            if (status < 0) {
                throw new IOException("not an HTTP answer");
            }
            if (status == 200) {
                return new Answer(status, headers(connection), body(connection));
            }
            drain(connection, status);
            return new Answer(status, headers(connection), new byte[0]);
        } catch (IOException e) {
            connection.disconnect();
            if (wrongHost.get()) {
                throw new SSLPeerUnverifiedException("the server's certificate is not for " + uri.getHost());
            }
            if (expired.get() || e instanceof SocketTimeoutException) { // the deadline, or a read that waited as long
                throw new HttpTimeoutException("no complete answer");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] body(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            return LimitedBody.readLimited(in, connection.getContentLengthLong(), options.maxBodyBytes(), "response");
        }
    }

    /**
     * Reads the short body of an answer other than 200 (a redirect's, an error's) to its end and drops it,
     * so that the connection goes back to the pool; a long one closes the connection instead.
     */
    private static void drain(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return;
        }
        try (in) {
            if (in.skip(DRAINED) >= DRAINED || in.read() != -1) {
                connection.disconnect();
            }
        }
    }

    private static HttpHeaders headers(HttpURLConnection connection) {
        Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // null names the status line
                named.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        return HttpHeaders.of(named, (name, value) -> true);
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, value));
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pinver-http-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
