package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Release notes are untrusted text from changelogs and forges: any of it splits into releases without an
 * exception, each release's text is part of the changelog, and made into a pull-request body it stays
 * within GitHub's limit.
 *
 * <p>Under {@code mvn verify} each test runs its seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ReleaseNotesFuzzTest#<test>} fuzzes it.
 */
class ReleaseNotesFuzzTest {

    private static void splits(byte[] bytes, ChangelogFormat format) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Release r : Changelog.parse(text, format).releases()) {
            assertTrue(text.contains(r.text()), r.version());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void markdownChangelog(byte[] text) {
        splits(text, ChangelogFormat.MARKDOWN);
    }

    @FuzzTest(maxDuration = "60s")
    void restructuredTextChangelog(byte[] text) {
        splits(text, ChangelogFormat.RESTRUCTURED_TEXT);
    }

    @FuzzTest(maxDuration = "60s")
    void pullRequestBody(byte[] bytes) {
        String body = PrBody.sanitise(new String(bytes, StandardCharsets.UTF_8), "https://example.org/notes");
        assertTrue(body.length() <= PrBody.LIMIT, "length " + body.length());
    }
}
