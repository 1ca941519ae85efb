package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pinver.version.InvalidSpecException;

/**
 * The small readers of untrusted release text: release-note HTML to text, release titles, tag versions and
 * dates read any text without an exception (a tag version may be refused with {@link InvalidSpecException}),
 * and tag versions order consistently.
 *
 * <p>Under {@code mvn verify} each test runs its seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ReleaseTextsFuzzTest#<test>} fuzzes it.
 */
class ReleaseTextsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void htmlTitlesAndDates(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        HtmlText.of(text);
        VersionTitle.parse(text);
        VersionTitle.isUnreleased(text);
        DateText.find(text);
        DateText.whole(text);
    }

    @FuzzTest(maxDuration = "60s")
    void tagVersionsOrderConsistently(FuzzedDataProvider data) {
        LenientVersion a;
        LenientVersion b;
        try {
            a = LenientVersion.parse(data.consumeString(40));
            b = LenientVersion.parse(data.consumeRemainingAsString());
        } catch (InvalidSpecException e) {
            return;
        }
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)), a + " vs " + b);
        assertEquals(0, a.compareTo(a), a.toString());
    }
}
