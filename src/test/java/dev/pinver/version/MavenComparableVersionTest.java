package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maven 3's {@code ComparableVersion} (the order of maven-artifact, used by plugins such as
 * versions-maven-plugin) against Resolver's {@code GenericVersion} (the order Maven resolves ranges
 * with, and the one {@link MavenScheme} uses). The real {@code ComparableVersion} is loaded from the
 * Maven installation by {@link ComparableVersionOracle}.
 */
class MavenComparableVersionTest {

    /**
     * Cases of the corpus (taken from Maven 4's ComparableVersionTest) that Maven 3's
     * ComparableVersion answers differently: it orders the Arabic-Indic digit ٨ after 1 and, before
     * MNG-7714 was fixed, {@code final} after {@code sp}. Checked against 3.8.7, 3.9.6 and 3.10.0.
     */
    private static final Set<String> MAVEN3_DISAGREES_WITH_CORPUS = Set.of(
            "ComparableVersionTest.testNonAsciiDigits: ٨ < 1",
            "ComparableVersionTest.testMng7714: 1.0.final-redhat < 1.0-sp1-redhat",
            "ComparableVersionTest.testMng7714: 1.0.final-redhat < 1.0-sp-1-redhat",
            "ComparableVersionTest.testMng7714: 1.0.final-redhat < 1.0-sp.1-redhat");

    /** Where the documented differences live: x, Resolver's relation, ComparableVersion's relation, y, why. */
    private static final String DIFFERENCES = "/maven/generic-vs-comparable.tsv";

    private static ComparableVersionOracle comparable;

    /** One ordered pair and the relation a source expects between them. */
    private record Case(String source, String x, String y, int order) {
        String label() {
            return source + ": " + x + " " + symbol(order) + " " + y;
        }
    }

    /** Loads the oracle on first use, so that each test reports itself skipped when there is none. */
    @BeforeEach
    void loadComparableVersion() {
        if (comparable == null) {
            comparable = ComparableVersionOracle.load();
            System.out.println("ComparableVersion from " + comparable.jar() + " (maven-artifact " + comparable.mavenVersion() + ")");
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (comparable != null) {
            comparable.close();
            comparable = null;
        }
    }

    private static boolean isMaven3() {
        return comparable.mavenVersion().startsWith("3.");
    }

    // ---- the ComparableVersion corpus against the real ComparableVersion

    @Test
    void corpusExpectationsHoldForTheInstalledComparableVersion() throws IOException {
        JsonNode corpus = readCorpus("versions/maven_comparableversion.json");
        Set<String> failures = new TreeSet<>();
        List<String> versions = new ArrayList<>();
        for (Case c : comparableCases(corpus)) {
            versions.add(c.x());
            versions.add(c.y());
            if (comparable.compare(c.x(), c.y()) != c.order() || comparable.compare(c.y(), c.x()) != -c.order()) {
                failures.add(c.label());
            }
        }
        for (JsonNode e : corpus.get("equal")) {
            if (e.get("equals_and_hashcode").asBoolean()) {
                List<String> group = equalGroup(e);
                for (String a : group) {
                    for (String b : group) {
                        if (!comparable.equal(a, b) || comparable.hash(a) != comparable.hash(b)) {
                            failures.add(e.get("from").asText() + ": equals/hashCode " + a + " = " + b);
                        }
                    }
                }
            }
        }
        for (JsonNode c : corpus.get("canonical")) {
            String actual = comparable.canonical(c.get("version").asText());
            if (!actual.equals(c.get("canonical").asText())) {
                failures.add(c.get("from").asText() + ": canonical " + c.get("version").asText() + " → " + actual);
            }
        }
        for (String v : versions) {
            String canonical = comparable.canonical(v);
            if (!comparable.canonical(canonical).equals(canonical)) {
                failures.add("canonical form of " + v + " is not stable: " + canonical);
            }
        }
        assertEquals(isMaven3() ? new TreeSet<>(MAVEN3_DISAGREES_WITH_CORPUS) : Set.of(), failures,
                "corpus cases maven-artifact " + comparable.mavenVersion() + " answers differently");
    }

    // ---- where the two orders differ

    /**
     * Every ordered pair of both corpus files, plus the pairs in {@value #DIFFERENCES}: a listed pair
     * must order exactly as listed in both schemes, and every other pair must order the same in
     * both. So the test fails when a new difference appears or a documented one disappears.
     */
    @Test
    void comparableVersionDiffersFromGenericVersionExactlyWhereDocumented() throws IOException {
        assumeTrue(isMaven3(), "differences are recorded for Maven 3's ComparableVersion, found " + comparable.mavenVersion());
        Map<String, String[]> documented = readDifferences();
        List<Case> cases = new ArrayList<>(genericCases(readCorpus("versions/maven_resolver_genericversion.json")));
        cases.addAll(comparableCases(readCorpus("versions/maven_comparableversion.json")));

        List<String> wrong = new ArrayList<>();
        for (String[] row : documented.values()) {
            String actual = symbol(generic(row[0], row[3])) + "\t" + symbol(comparable.compare(row[0], row[3]));
            if (!actual.equals(row[1] + "\t" + row[2])) {
                wrong.add("listed " + String.join(" ", row[0], row[1], row[2], row[3]) + " but found " + actual.replace('\t', ' '));
            }
        }
        Set<String> undocumented = new TreeSet<>();
        for (Case c : cases) {
            if (documented.containsKey(c.x() + "\t" + c.y())) {
                continue;
            }
            int g = generic(c.x(), c.y());
            int m = comparable.compare(c.x(), c.y());
            if (g != m) {
                undocumented.add(c.x() + "\t" + symbol(g) + "\t" + symbol(m) + "\t" + c.y() + "\t(" + c.source() + ")");
            }
        }
        assertEquals(List.of(), wrong, "documented pairs that no longer order as listed");
        assertEquals(Set.of(), undocumented, "pairs that order differently but are not in " + DIFFERENCES);
        long differing = documented.values().stream().filter(r -> !r[1].equals(r[2])).count();
        assertTrue(differing >= 20, "the list documents " + differing + " differences");
    }

    // ---- helpers

    private static int generic(String x, String y) {
        return Integer.signum(MavenVersion.of(x).compareTo(MavenVersion.of(y)));
    }

    private static String symbol(int sign) {
        return sign < 0 ? "<" : sign > 0 ? ">" : "=";
    }

    private static JsonNode readCorpus(String file) throws IOException {
        return new ObjectMapper().readTree(Corpus.file(file).toFile());
    }

    /** Rows of the differences file keyed by "x TAB y"; blank lines and {@code #} comments skipped. */
    private static Map<String, String[]> readDifferences() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (InputStream in = MavenComparableVersionTest.class.getResourceAsStream(DIFFERENCES)) {
            assertTrue(in != null, DIFFERENCES + " on the test class path");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                assertTrue(row.length == 5 && Set.of("<", "=", ">").containsAll(List.of(row[1], row[2])), "bad row: " + line);
                rows.put(row[0] + "\t" + row[3], row);
            }
        }
        return rows;
    }

    private static List<Case> genericCases(JsonNode corpus) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode p : corpus.get("pairs")) {
            int order = switch (p.get("order").asText()) {
                case "lt" -> -1;
                case "gt" -> 1;
                default -> 0;
            };
            cases.add(new Case(p.get("from").asText(), p.get("x").asText(), p.get("y").asText(), order));
        }
        for (JsonNode s : corpus.get("sequences")) {
            addAscending(cases, s.get("from").asText(), s.get("versions"));
        }
        return cases;
    }

    private static List<Case> comparableCases(JsonNode corpus) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode s : corpus.get("ordered_sequences")) {
            addAscending(cases, s.get("from").asText(), s.get("versions"));
        }
        for (JsonNode p : corpus.get("less_than")) {
            cases.add(new Case(p.get("from").asText(), p.get("lesser").asText(), p.get("greater").asText(), -1));
        }
        for (JsonNode e : corpus.get("equal")) {
            List<String> group = equalGroup(e);
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    cases.add(new Case(e.get("from").asText(), group.get(i), group.get(j), 0));
                }
            }
        }
        for (JsonNode p : corpus.get("same_order_not_equal")) {
            cases.add(new Case(p.get("from").asText(), p.get("a").asText(), p.get("b").asText(), 0));
        }
        return cases;
    }

    private static List<String> equalGroup(JsonNode e) {
        List<String> group = new ArrayList<>();
        if (e.has("all_equal")) {
            e.get("all_equal").forEach(n -> group.add(n.asText()));
        } else {
            group.add(e.get("a").asText());
            group.add(e.get("b").asText());
        }
        return group;
    }

    private static void addAscending(List<Case> cases, String from, JsonNode versions) {
        List<String> texts = new ArrayList<>();
        versions.forEach(n -> texts.add(n.asText()));
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                cases.add(new Case(from, texts.get(i), texts.get(j), -1));
            }
        }
    }
}
