package dev.pinver;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed server certificates made for a test run by the JDK's keytool, and HTTPS WireMock servers presenting them. */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";

    /**
     * @param keystore the certificate and its key (PKCS12)
     * @param pem the certificate alone, as a PEM file for {@code --ca-file}
     */
    public record Certificate(Path keystore, Path pem) {
    }

    private TestCertificates() {
    }

    /** An EC certificate for the names of {@code san} (keytool's syntax: {@code ip:127.0.0.1,dns:localhost}), valid for two days. */
    public static Certificate make(Path dir, String name, String san) throws IOException, InterruptedException {
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pinver test",
                "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new Certificate(keystore, pem);
    }

    /** A started WireMock server on 127.0.0.1, HTTPS only, presenting {@code certificate}; stop it when done. */
    public static WireMockServer httpsServer(Certificate certificate) {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(certificate.keystore().toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        server.start();
        return server;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed: " + output);
    }
}
