package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.pinver.PinverException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust pinver uses: the platform's default trust store, plus, when given, the certificates of
 * a PEM file (a private CA). A server chain is accepted when either of them accepts it; host names are
 * checked as usual.
 */
final class TrustStores {

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private TrustStores() {
    }

    /**
     * The platform's trust store, plus the certificates of {@code extraCaFile} when given. The CA file is
     * read and checked at once; the platform's store, whose ~150 certificates take ~25 ms to read at
     * start-up, is read on a background thread, so that it overlaps the first connection's set-up (a
     * chain is only checked once the server has sent it).
     *
     * @throws PinverException of kind {@code USAGE} when the CA file cannot be used; the future fails
     *     when the platform's trust store cannot be read
     */
    static CompletableFuture<X509ExtendedTrustManager> loading(Optional<Path> extraCaFile) {
        Optional<X509ExtendedTrustManager> extra;
        try {
            extra = extraCaFile.isPresent() ? Optional.of(trustManager(keyStore(extraCaFile.get()))) : Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new PinverException(PinverException.Kind.USAGE, "cannot set up TLS: " + e.getMessage());
        }
        CompletableFuture<X509ExtendedTrustManager> system = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                system.complete(trustManager(null));
            } catch (GeneralSecurityException | RuntimeException e) {
                system.completeExceptionally(e);
            }
        }, "pinver-trust-store");
        reader.setDaemon(true);
        reader.start();
        return extra.isEmpty() ? system : system.thenApply(platform -> new EitherTrustManager(platform, extra.get()));
    }

    private static KeyStore keyStore(Path pemFile) throws GeneralSecurityException {
        List<X509Certificate> certificates = readPem(pemFile);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("extra-ca-" + i, certificates.get(i));
        }
        return store;
    }

    /** The certificates of a PEM bundle; text around the blocks (comments, other keys) is ignored. */
    static List<X509Certificate> readPem(Path pemFile) {
        String text;
        try {
            text = Files.readString(pemFile, US_ASCII);
        } catch (IOException e) {
            throw new PinverException(PinverException.Kind.USAGE, "cannot read CA file " + pemFile + ": " + e.getMessage());
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM_CERTIFICATE.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new PinverException(PinverException.Kind.USAGE, "CA file " + pemFile + " holds a bad certificate: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new PinverException(PinverException.Kind.USAGE, "CA file " + pemFile + " holds no PEM certificate");
        }
        return out;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Trusts a chain when the first manager or, failing that, the second does. */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        /** One check against a trust manager; throws when it rejects. */
        private interface Check {
            void run(X509ExtendedTrustManager manager) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException rejected) {
                try {
                    check.run(second);
                } catch (CertificateException alsoRejected) {
                    rejected.addSuppressed(alsoRejected);
                    throw rejected;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(m -> m.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Stream.of(first.getAcceptedIssuers()), Stream.of(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
