package dev.pinver.registry;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks each server chain once per peer host and run, and gives every later or concurrent handshake with
 * the same chain, host and key exchange the first one's verdict, accepted or refused. A run opens up to 16
 * connections to one registry at once, all presenting the same chain, and the JDK's path validation
 * (signatures checked in Java, before the JIT has warmed up) costs each several milliseconds of CPU time.
 * Client chains are passed on unchanged.
 */
final class ChainsCheckedOnce extends X509ExtendedTrustManager {

    /**
     * What a verdict depends on: the peer host, the key exchange and the chain's encoded certificates. Its
     * equality is written out: linking a record's generated one cost the first handshake ~10 ms.
     */
    private record Key(String host, String authType, List<ByteArray> chain) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(host, that.host) && Objects.equals(authType, that.authType)
                    && chain.equals(that.chain);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(host) + Objects.hashCode(authType)) * 31 + chain.hashCode();
        }
    }

    /** A byte array compared by content. */
    private record ByteArray(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ByteArray that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** A check that throws when the chain is refused. */
    private interface Check {
        void run() throws CertificateException;
    }

    private final CompletableFuture<X509ExtendedTrustManager> checker;
    private final Map<Key, CompletableFuture<Void>> verdicts = new ConcurrentHashMap<>();

    ChainsCheckedOnce(X509ExtendedTrustManager checker) {
        this(CompletableFuture.completedFuture(checker));
    }

    /** @param checker the trust manager that checks, possibly still being made: checks wait for it */
    ChainsCheckedOnce(CompletableFuture<X509ExtendedTrustManager> checker) {
        this.checker = checker;
    }

    private X509ExtendedTrustManager checker() throws CertificateException {
        try {
            return checker.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CertificateException("cannot read the trust store: " + cause.getMessage(), cause);
        }
    }

    private void once(String host, X509Certificate[] chain, String authType, Check check) throws CertificateException {
        Key key = new Key(host, authType, encoded(chain));
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> verdict = verdicts.putIfAbsent(key, mine);
        if (verdict == null) {
            try {
                check.run();
                mine.complete(null);
            } catch (CertificateException | RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
            return;
        }
        try {
            verdict.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateException("interrupted while the chain was checked");
        } catch (ExecutionException e) {
            throw new CertificateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static List<ByteArray> encoded(X509Certificate[] chain) throws CertificateException {
        List<ByteArray> out = new ArrayList<>(chain.length);
        for (X509Certificate certificate : chain) {
            try {
                out.add(new ByteArray(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new CertificateException("cannot encode the server's certificate", e);
            }
        }
        return out;
    }

    private static String host(Socket socket) {
        SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return session != null && session.getPeerHost() != null ? session.getPeerHost() : String.valueOf(socket.getInetAddress());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        once(host(socket), chain, authType, () -> checker().checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        once(String.valueOf(engine.getPeerHost()), chain, authType, () -> checker().checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checker().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checker().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checker().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checker().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return checker().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
