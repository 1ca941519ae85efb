package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://user:pa55@host.example/simple              | https://***@host.example/simple
            https://token@host.example/                        | https://***@host.example/
            https://u:p@ss@host.example/x                      | https://***@host.example/x
            see https://a:b@x.example and http://c:d@y.example | see https://***@x.example and http://***@y.example
            https://host.example/x?token=abc&page=2            | https://host.example/x?token=***&page=2
            https://host.example/x?page=2&access_token=abc#f   | https://host.example/x?page=2&access_token=***#f
            mailto:someone@example.org                         | mailto:someone@example.org
            https://host.example/path/@scope%2fname            | https://host.example/path/@scope%2fname
            """)
    void urls(String text, String redacted) {
        assertEquals(redacted, Redact.url(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Bearer npm_abc123 was refused       | Bearer *** was refused
            401 for npm_abc123 and npm_abc123   | 401 for *** and ***
            nothing secret here                 | nothing secret here
            """)
    void knownSecrets(String text, String redacted) {
        assertEquals(redacted, Redact.text(text, List.of("npm_abc123", "")));
    }
}
