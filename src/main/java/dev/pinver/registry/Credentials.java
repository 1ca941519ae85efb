package dev.pinver.registry;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;

/**
 * What a request authenticates with: a user and password (HTTP basic) or a bearer token. The
 * {@code toString} of each shape masks the secret, so a credential printed by accident leaks nothing.
 */
public sealed interface Credentials {

    /** The value of the {@code Authorization} header. */
    String header();

    /** The strings that must never appear in output: the password or token in every form sent. */
    List<String> secrets();

    /** HTTP basic authentication. */
    record Basic(String user, String password) implements Credentials {

        @Override
        public String header() {
            return "Basic " + encoded();
        }

        private String encoded() {
            return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
        }

        @Override
        public List<String> secrets() {
            return List.of(password, encoded());
        }

        @Override
        public String toString() {
            return "Basic[" + user + ":" + Redact.MASK + "]";
        }
    }

    /** A bearer token, as npm registries and most APIs take it. */
    record Bearer(String token) implements Credentials {

        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public List<String> secrets() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "Bearer[" + Redact.MASK + "]";
        }
    }

    /**
     * Credentials given already encoded, as npm's {@code _auth} is: {@code base64(user:password)}
     * sent as basic authentication.
     */
    record EncodedBasic(String base64) implements Credentials {

        @Override
        public String header() {
            return "Basic " + base64;
        }

        @Override
        public List<String> secrets() {
            return List.of(base64);
        }

        @Override
        public String toString() {
            return "Basic[" + Redact.MASK + "]";
        }
    }
}
