package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Every case of the shared corpus {@code versions/maven_resolver_genericversion.json} (Maven's own
 * tests for its Resolver-backed version order and ranges), run through {@link MavenScheme}.
 */
class MavenGenericVersionCorpusTest {

    /** Texts Resolver reads but pinver refuses as versions: Resolver reads the empty text as {@code 0}. */
    private static final Set<String> REFUSED = Set.of("");

    private final MavenScheme scheme = new MavenScheme();

    private static JsonNode corpus() throws IOException {
        return new ObjectMapper().readTree(Corpus.file("versions/maven_resolver_genericversion.json").toFile());
    }

    /** The version as pinver reads it; for a refused text, checks the refusal and compares Resolver's reading. */
    private MavenVersion version(String text) {
        if (REFUSED.contains(text)) {
            assertThrows(InvalidSpecException.class, () -> scheme.parseVersion(text));
            return MavenVersion.of(text);
        }
        return scheme.parseVersion(text);
    }

    @Test
    void pairs() throws IOException {
        JsonNode pairs = corpus().get("pairs");
        assertTrue(pairs.size() > 100, "corpus has its pairs");
        for (JsonNode p : pairs) {
            checkPair(p.get("x").asText(), p.get("y").asText(), p.get("order").asText(), p.get("from").asText());
            if (p.has("note")) {
                Locale saved = Locale.getDefault();
                try {
                    Locale.setDefault(Locale.forLanguageTag("tr"));
                    checkPair(p.get("x").asText(), p.get("y").asText(), p.get("order").asText(), p.get("from").asText() + " (tr)");
                } finally {
                    Locale.setDefault(saved);
                }
            }
        }
    }

    private void checkPair(String x, String y, String order, String from) {
        MavenVersion a = version(x);
        MavenVersion b = version(y);
        String what = from + ": " + x + " " + order + " " + y;
        int expected = switch (order) {
            case "lt" -> -1;
            case "gt" -> 1;
            case "eq" -> 0;
            default -> throw new IllegalStateException("unknown order " + order);
        };
        assertEquals(expected, Integer.signum(a.compareTo(b)), what);
        assertEquals(-expected, Integer.signum(b.compareTo(a)), what + " (reversed)");
        if (expected == 0) {
            assertEquals(a, b, what);
            assertEquals(a.hashCode(), b.hashCode(), what + " (hashCode)");
        } else {
            assertNotEquals(a, b, what);
        }
    }

    @Test
    void sequences() throws IOException {
        for (JsonNode s : corpus().get("sequences")) {
            List<String> texts = new ArrayList<>();
            s.get("versions").forEach(n -> texts.add(n.asText()));
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    checkPair(texts.get(i), texts.get(j), "lt", s.get("from").asText());
                }
            }
        }
    }

    @Test
    void validRangesParse() throws IOException {
        for (JsonNode r : corpus().get("ranges").get("valid")) {
            String range = r.get("range").asText();
            VersionSet<MavenVersion> set = scheme.parseSpec(range);
            assertFalse(set.isEmpty(), range);
            assertTrue(set.hasUpperBound(), range);
        }
    }

    /**
     * The corpus's invalid ranges come from Maven's range parser, which demands brackets. In a
     * {@code <version>} element a bracket-less text is a plain version, so {@code 1.0} is valid there;
     * every other case must be refused.
     */
    @Test
    void invalidRangesAreRefused() throws IOException {
        for (JsonNode r : corpus().get("ranges").get("invalid")) {
            String range = r.get("range").asText();
            if (range.equals("1.0")) {
                assertEquals(VersionSet.of(Interval.exactly(scheme.parseVersion("1.0"))), scheme.parseSpec(range));
            } else {
                assertThrows(InvalidSpecException.class, () -> scheme.parseSpec(range), range);
            }
        }
    }

    @Test
    void rangesContain() throws IOException {
        for (JsonNode c : corpus().get("ranges").get("contains")) {
            String range = c.get("range").asText();
            String v = c.get("version").asText();
            assertEquals(c.get("expected").asBoolean(), scheme.parseSpec(range).contains(scheme.parseVersion(v)), range + " ∋ " + v);
        }
    }

    /**
     * {@link MavenVersion#release()} agrees with Resolver's order for every corpus version that starts
     * with a number: the version lies between the lowest version of its release and the lowest
     * version of the next release at the same depth.
     */
    @Test
    void releaseNumbersAgreeWithTheOrder() throws IOException {
        JsonNode corpus = corpus();
        Set<String> texts = new LinkedHashSet<>();
        corpus.get("pairs").forEach(p -> {
            texts.add(p.get("x").asText());
            texts.add(p.get("y").asText());
        });
        corpus.get("sequences").forEach(s -> s.get("versions").forEach(n -> texts.add(n.asText())));
        texts.removeAll(REFUSED);
        int checked = 0;
        for (String text : texts) {
            MavenVersion v = scheme.parseVersion(text);
            List<Integer> release = v.release();
            if (release.isEmpty()) {
                continue;
            }
            List<Integer> next = new ArrayList<>(release);
            next.set(next.size() - 1, next.get(next.size() - 1) + 1);
            assertTrue(scheme.lowestOf(release).compareTo(v) <= 0, text + " ≥ lowestOf" + release);
            assertTrue(v.compareTo(scheme.lowestOf(next)) < 0, text + " < lowestOf" + next);
            checked++;
        }
        assertTrue(checked > 150, "checked " + checked);
    }
}
