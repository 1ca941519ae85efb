package dev.pinver.registry;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BoringSSL's AES-GCM (through Conscrypt's JNI library) as the JCA's first {@code AES/GCM/NoPadding},
 * which the JDK's TLS implementation looks up for every connection: the TLS handshake, certificates and
 * the HTTP client stay the JDK's, only the record cipher runs native. Decrypting the tens of megabytes of
 * npm packuments in pure Java costs a short-lived JVM a quarter of a second of CPU (measured with the
 * launcher's C1-only JIT and ChaCha20, the faster Java cipher there); native it is a few milliseconds.
 * Loading the library costs 30–50 ms, once, on the first request that needs the network.
 *
 * <p>Only that one algorithm is provided, so nothing else the JCA serves changes. Where Conscrypt has no
 * library for the platform (its jar has Linux, macOS and Windows on x86-64, and 32-bit Windows; not ARM),
 * nothing is installed.
 */
final class NativeAead {

    private static final Logger LOG = LoggerFactory.getLogger(NativeAead.class);
    private static final String NAME = "pinver-native-aes-gcm";
    private static final boolean INSTALLED = install();

    private NativeAead() {
    }

    /** Whether {@code AES/GCM/NoPadding} is native in this JVM; installs it on the first call. */
    static boolean installed() {
        return INSTALLED;
    }

    private static boolean install() {
        try {
            if (!Conscrypt.isAvailable()) {
                LOG.debug("no native AES-GCM: Conscrypt has no library for this platform");
                return false;
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("no native AES-GCM: {}", e.toString());
            return false;
        }
        Security.insertProviderAt(new AesGcm(), 1);
        return true;
    }

    /** A provider of Conscrypt's AES-GCM cipher alone. */
    private static final class AesGcm extends Provider {
        private static final long serialVersionUID = 1L;

        AesGcm() {
            super(NAME, "1", "AES/GCM/NoPadding from BoringSSL, for TLS records");
            putService(new Service(this, "Cipher", "AES/GCM/NoPadding", "org.conscrypt.OpenSSLAeadCipherAES$GCM",
                    List.of(), Map.of()));
        }
    }
}
