package dev.pinver.registry;

import dev.pinver.PinverException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS sockets of registry requests: BoringSSL's TLS through Conscrypt's JNI library where it loads
 * (its jar has Linux, macOS and Windows on x86-64, and 32-bit Windows), else the JDK's own. Either way the
 * certificates are checked by the JDK's trust manager over {@link TrustStores}.
 *
 * <p>Why native: handshakes and record decryption in pure Java are slow before the JIT warms up, and a
 * registry run is a short-lived JVM that decrypts tens of megabytes of packuments. Loading the library
 * costs 30–50 ms, once, on the first request that needs the network.
 */
final class TlsSockets {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSockets.class);

    private TlsSockets() {
    }

    /**
     * TLS that trusts the platform's trust store and {@code extraCaFile}, on BoringSSL's TLS or the JDK's
     * as asked ({@code nativeTls} needs {@link #nativeAvailable}). Its sockets check the certificate chain;
     * the host name is checked by their callers (HttpsURLConnection, see {@link HttpTransport}; Resolver's
     * Apache HTTP client). The platform's trust store is still being read when this returns
     * ({@link TrustStores#loading}); the first chain check waits for it, and fails when it cannot be read.
     *
     * @throws PinverException of kind {@code USAGE} when the CA file cannot be used or TLS is not available
     */
    static SSLContext context(Optional<Path> extraCaFile, boolean nativeTls) {
        CompletableFuture<X509ExtendedTrustManager> trust = TrustStores.loading(extraCaFile);
        try {
            SSLContext context;
            if (nativeTls) {
                context = SSLContext.getInstance("TLS", Conscrypt.newProvider());
                trust = trust.thenApply(Tls13AuthType::new);
            } else {
                context = SSLContext.getInstance("TLS");
            }
            context.init(null, new TrustManager[] {new ChainsCheckedOnce(trust)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new PinverException(PinverException.Kind.USAGE, "cannot set up TLS: " + e.getMessage());
        }
    }

    /** Whether Conscrypt's native library loads on this platform. */
    static boolean nativeAvailable() {
        try {
            return Conscrypt.isAvailable();
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("no native TLS: {}", e.toString());
            return false;
        }
    }

    /**
     * Conscrypt names the key exchange of a TLS 1.3 handshake {@code GENERIC}, which the JDK's trust
     * manager rejects as unknown; the JDK's own TLS 1.3 says {@code UNKNOWN}, for which it checks the
     * certificate's key usage for a signature, as TLS 1.3 needs. This passes the JDK's name on.
     */
    static final class Tls13AuthType extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager jdk;

        Tls13AuthType(X509ExtendedTrustManager jdk) {
            this.jdk = jdk;
        }

        static String jdkName(String authType) {
            return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkServerTrusted(chain, jdkName(authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            jdk.checkServerTrusted(chain, jdkName(authType), socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            jdk.checkServerTrusted(chain, jdkName(authType), engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkClientTrusted(chain, jdkName(authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            jdk.checkClientTrusted(chain, jdkName(authType), socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            jdk.checkClientTrusted(chain, jdkName(authType), engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jdk.getAcceptedIssuers();
        }
    }
}
