package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeAeadTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(bytes(32, 7), "AES");
    private static final GCMParameterSpec NONCE = new GCMParameterSpec(128, bytes(12, 3));
    private static final byte[] AAD = "record header".getBytes(UTF_8);

    @BeforeAll
    static void nativeLibrary() {
        assumeTrue(NativeAead.installed(), "Conscrypt has no native library for this platform");
    }

    @Test
    void theFirstAesGcmIsTheNativeOne() throws GeneralSecurityException {
        assertEquals("pinver-native-aes-gcm", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
        assertEquals("SunJCE", Cipher.getInstance("AES/CBC/PKCS5Padding").getProvider().getName());
    }

    @Test
    void readsWhatTheJdksCipherWroteAndTheOtherWayRound() throws GeneralSecurityException {
        byte[] plain = bytes(40_000, 11);
        byte[] fromJdk = run(Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), Cipher.ENCRYPT_MODE, plain);
        byte[] fromNative = run(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, plain);
        assertArrayEquals(fromJdk, fromNative);
        assertArrayEquals(plain, run(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, fromJdk));
    }

    @Test
    void rejectsATamperedRecord() throws GeneralSecurityException {
        byte[] sealed = run(Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"), Cipher.ENCRYPT_MODE, bytes(100, 5));
        sealed[10] ^= 1;
        assertThrows(AEADBadTagException.class, () -> run(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, sealed));
    }

    private static byte[] run(Cipher cipher, int mode, byte[] input) throws GeneralSecurityException {
        cipher.init(mode, KEY, NONCE);
        cipher.updateAAD(AAD);
        return cipher.doFinal(input);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i * 31 + seed);
        }
        return out;
    }
}
