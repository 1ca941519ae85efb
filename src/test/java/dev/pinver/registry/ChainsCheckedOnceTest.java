package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinver.TestCertificates;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainsCheckedOnceTest {

    @TempDir
    static Path keys;

    private static X509Certificate[] chainA;
    private static X509Certificate[] chainB;

    @BeforeAll
    static void certificates() throws Exception {
        chainA = new X509Certificate[] {read(TestCertificates.make(keys, "a", "dns:a.example").pem())};
        chainB = new X509Certificate[] {read(TestCertificates.make(keys, "b", "dns:b.example").pem())};
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Counts server checks; refuses chain B; the first check waits until released, so that others pile up behind it. */
    private static final class Counting extends X509ExtendedTrustManager {
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        private void check(X509Certificate[] chain) throws CertificateException {
            checks.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (chain[0].equals(chainB[0])) {
                throw new CertificateException("chain B is not trusted");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static SSLEngine engineFor(String host) throws Exception {
        return SSLContext.getDefault().createSSLEngine(host, 443);
    }

    @Test
    void concurrentHandshakesWithOneChainAndHostShareOneCheck() throws Exception {
        Counting counting = new Counting();
        ChainsCheckedOnce once = new ChainsCheckedOnce(counting);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> accepted = new ArrayList<>();
            List<Future<?>> refused = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accepted.add(pool.submit(() -> {
                    once.checkServerTrusted(chainA, "UNKNOWN", engineFor("a.example"));
                    return null;
                }));
            }
            Thread.sleep(200); // let them queue behind the first check
            counting.release.countDown();
            for (Future<?> f : accepted) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, counting.checks.get());

            for (int i = 0; i < 4; i++) {
                refused.add(pool.submit(() -> {
                    assertThrows(CertificateException.class, () -> once.checkServerTrusted(chainB, "UNKNOWN", engineFor("b.example")));
                    return null;
                }));
            }
            for (Future<?> f : refused) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(2, counting.checks.get(), "a refusal is shared as well");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherHostOrKeyExchangeIsCheckedAgain() throws Exception {
        Counting counting = new Counting();
        counting.release.countDown();
        ChainsCheckedOnce once = new ChainsCheckedOnce(counting);
        once.checkServerTrusted(chainA, "UNKNOWN", engineFor("a.example"));
        once.checkServerTrusted(chainA, "UNKNOWN", engineFor("a.example"));
        assertEquals(1, counting.checks.get());
        once.checkServerTrusted(chainA, "UNKNOWN", engineFor("mirror.example"));
        assertEquals(2, counting.checks.get());
        once.checkServerTrusted(chainA, "ECDHE_RSA", engineFor("a.example"));
        assertEquals(3, counting.checks.get());
        once.checkClientTrusted(chainA, "UNKNOWN", engineFor("a.example"));
        once.checkClientTrusted(chainA, "UNKNOWN", engineFor("a.example"));
        assertEquals(5, counting.checks.get(), "client chains are not remembered");
    }

    @Test
    void checksWaitForTheTrustManagerStillBeingMadeAndFailWhenItCannotBe() throws Exception {
        Counting counting = new Counting();
        counting.release.countDown();
        CompletableFuture<X509ExtendedTrustManager> making = new CompletableFuture<>();
        ChainsCheckedOnce once = new ChainsCheckedOnce(making);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> check = pool.submit(() -> {
                once.checkServerTrusted(chainA, "UNKNOWN", engineFor("a.example"));
                return null;
            });
            Thread.sleep(100);
            assertFalse(check.isDone(), "the check went on without a trust manager");
            making.complete(counting);
            check.get(10, TimeUnit.SECONDS);
            assertEquals(1, counting.checks.get());
        } finally {
            pool.shutdownNow();
        }

        ChainsCheckedOnce broken = new ChainsCheckedOnce(
                CompletableFuture.failedFuture(new KeyStoreException("cacerts is damaged")));
        CertificateException refused = assertThrows(CertificateException.class,
                () -> broken.checkServerTrusted(chainA, "UNKNOWN", engineFor("a.example")));
        assertEquals("cannot read the trust store: cacerts is damaged", refused.getMessage());
    }
}
