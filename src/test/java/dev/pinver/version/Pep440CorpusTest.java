package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.Corpus;
import dev.pinver.version.Pep440SpecifierSet.Candidate;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code versions/pep440_packaging.json} (extracted from packaging's own test suite).
 * Specifier-level cases ({@code Specifier(...)}) run through a one-clause {@link Pep440SpecifierSet}
 * after checking the clause parses alone; packaging's {@code Specifier} and {@code SpecifierSet}
 * agree on every such case (checked against packaging 26.2). Three corpus sections test newer
 * packaging API than 26.2 (is_subset, is_superset, is_disjoint): they run against the interval sets.
 */
class Pep440CorpusTest {

    private static JsonNode corpus() throws IOException {
        return new ObjectMapper().readTree(Corpus.file("versions/pep440_packaging.json").toFile());
    }

    private static Stream<DynamicTest> each(JsonNode cases, String prefix, Consumer<JsonNode> check) {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : cases) {
            String name = prefix + "[" + i++ + "] " + (c.isTextual() ? c.asText() : c.toString());
            tests.add(dynamicTest(name, () -> check.accept(c)));
        }
        return tests.stream();
    }

    private static Pep440Version v(JsonNode c) {
        return Pep440Version.parse(c.get("version").asText());
    }

    private static Boolean nullableBoolean(JsonNode n) {
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    /** A corpus item: a string, or {"Version": "..."} for a packaging Version object. */
    private static Candidate candidate(JsonNode item) {
        return item.isObject() ? Candidate.of(Pep440Version.parse(item.get("Version").asText()))
                : Candidate.of(item.asText());
    }

    @TestFactory
    Stream<DynamicTest> versions() throws IOException {
        JsonNode v = corpus().get("version");
        return Stream.of(
                each(v.at("/valid/cases"), "valid", c -> Pep440Version.parse(c.asText())),
                each(v.at("/invalid/cases"), "invalid",
                        c -> assertThrows(InvalidSpecException.class, () -> Pep440Version.parse(c.asText()))),
                each(v.at("/normalized/cases"), "normalized",
                        c -> assertEquals(c.get("normalized").asText(), v(c).toString())),
                each(v.at("/str/cases"), "str", c -> assertEquals(c.get("expected").asText(), v(c).toString())),
                each(v.at("/public/cases"), "public",
                        c -> assertEquals(c.get("public").asText(), v(c).publicVersion().toString())),
                each(v.at("/base_version/cases"), "base_version",
                        c -> assertEquals(c.get("base_version").asText(), v(c).baseVersion().toString())),
                each(v.at("/epoch/cases"), "epoch",
                        c -> assertEquals(BigInteger.valueOf(c.get("epoch").asLong()), v(c).epoch())),
                each(v.at("/release/cases"), "release", c -> {
                    List<BigInteger> expected = new ArrayList<>();
                    c.get("release").forEach(n -> expected.add(n.bigIntegerValue()));
                    assertEquals(expected, v(c).release());
                }),
                each(v.at("/local/cases"), "local",
                        c -> assertEquals(c.get("local").isNull() ? null : c.get("local").asText(),
                                v(c).local().orElse(null))),
                each(v.at("/pre/cases"), "pre", c -> assertEquals(
                        c.get("pre").isNull() ? null : c.get("pre").get(0).asText() + c.get("pre").get(1).asText(),
                        v(c).pre().map(Pep440Version.Pre::toString).orElse(null))),
                each(v.at("/dev/cases"), "dev", c -> assertEquals(
                        c.get("dev").isNull() ? null : c.get("dev").bigIntegerValue(), v(c).dev().orElse(null))),
                each(v.at("/post/cases"), "post", c -> assertEquals(
                        c.get("post").isNull() ? null : c.get("post").bigIntegerValue(), v(c).post().orElse(null))),
                each(v.at("/is_prerelease/cases"), "is_prerelease",
                        c -> assertEquals(c.get("expected").asBoolean(), v(c).isPrerelease())),
                each(v.at("/is_devrelease/cases"), "is_devrelease",
                        c -> assertEquals(c.get("expected").asBoolean(), v(c).isDevRelease())),
                each(v.at("/is_postrelease/cases"), "is_postrelease",
                        c -> assertEquals(c.get("expected").asBoolean(), v(c).isPostRelease())))
                .flatMap(s -> s);
    }

    /** "This list must be in the correct sorting order": every pair, with equals and hashCode. */
    @TestFactory
    Stream<DynamicTest> ordering() throws IOException {
        List<Pep440Version> ordered = new ArrayList<>();
        corpus().at("/version/ordered/cases").forEach(c -> ordered.add(Pep440Version.parse(c.asText())));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int at = i;
            tests.add(dynamicTest("ordered[" + i + "] " + ordered.get(i), () -> {
                for (int j = 0; j < ordered.size(); j++) {
                    Pep440Version a = ordered.get(at);
                    Pep440Version b = ordered.get(j);
                    assertEquals(Integer.signum(Integer.compare(at, j)), Integer.signum(a.compareTo(b)), a + " vs " + b);
                    assertEquals(at == j, a.equals(b), a + " equals " + b);
                }
                assertEquals(Pep440Version.parse(ordered.get(at).toString()).hashCode(), ordered.get(at).hashCode());
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> specifiers() throws IOException {
        JsonNode s = corpus().get("specifier");
        return Stream.of(
                each(s.at("/valid/cases"), "valid", c -> Pep440Specifier.parse(c.asText())),
                each(s.at("/invalid/cases"), "invalid",
                        c -> assertThrows(InvalidSpecException.class, () -> Pep440Specifier.parse(c.asText()))),
                each(s.at("/versions_valid_after_each_operator/cases"), "after each operator", c -> {
                    List<String> ops = c.asText().contains("+") ? List.of("==", "!=")
                            : List.of("~=", "==", "!=", "<=", ">=", "<", ">");
                    ops.forEach(op -> Pep440Specifier.parse(op + c.asText()));
                }),
                each(s.at("/str/cases"), "str", c -> assertEquals(c.get("expected").asText(),
                        Pep440Specifier.parse(c.get("specifier").asText()).toString())),
                each(s.at("/operator_property/cases"), "operator", c -> assertEquals(c.get("op").asText(),
                        Pep440Specifier.parse(c.get("spec").asText()).operator().symbol())),
                each(s.at("/version_property/cases"), "version", c -> assertEquals(c.get("version").asText(),
                        Pep440Specifier.parse(c.get("spec").asText()).version())),
                each(s.at("/equality_true/cases"), "equality_true", c -> equality(c, true)),
                each(s.at("/equality_false/cases"), "equality_false", c -> equality(c, false)),
                each(s.at("/prereleases_property/cases"), "prereleases", c -> assertEquals(
                        nullableBoolean(c.get("expected")),
                        Pep440Specifier.parse(c.get("specifier").asText()).impliesPrereleases())),
                each(s.at("/prereleases_setter/cases"), "prereleases setter", c -> prereleasesSetter(c, "specifier")),
                each(s.at("/filter/cases"), "filter", c -> filter(c, c.get("specifier").asText())),
                each(s.at("/filter_arbitrary_equality/cases"), "filter ===", c -> filter(c, c.get("specifier").asText())))
                .flatMap(x -> x);
    }

    /** operator.eq / operator.ne of two specifiers; {@code expected} is what the operator returns. */
    private static void equality(JsonNode c, boolean expected) {
        Pep440Specifier left = Pep440Specifier.parse(c.get("left").asText());
        Pep440Specifier right = Pep440Specifier.parse(c.get("right").asText());
        boolean equal = c.get("op").asText().equals("operator.eq") == expected;
        assertEquals(equal, left.equals(right));
        if (equal) {
            assertEquals(left.hashCode(), right.hashCode());
        }
    }

    private static void prereleasesSetter(JsonNode c, String specField) {
        String spec = c.get(specField).asText();
        if (specField.equals("specifier")) {
            Pep440Specifier.parse(spec);
        }
        Pep440SpecifierSet set = Pep440SpecifierSet.parse(spec);
        String version = c.get("version").asText();
        assertEquals(c.get("initial_contains").asBoolean(),
                set.withPrereleases(nullableBoolean(c.get("initial_prereleases"))).contains(version, null));
        assertEquals(c.get("final_contains").asBoolean(),
                set.withPrereleases(nullableBoolean(c.get("set_prereleases"))).contains(version, null));
    }

    /** Filtering keeps the candidates themselves, so the output is compared item by item with the input. */
    private static void filter(JsonNode c, String spec) {
        filter(c, spec, nullableBoolean(c.get("specifier_prereleases")), nullableBoolean(c.get("prereleases")));
    }

    private static void filter(JsonNode c, String spec, Boolean setPrereleases, Boolean callPrereleases) {
        List<Candidate> input = new ArrayList<>();
        JsonNode items = c.has("input") ? c.get("input") : c.get("versions");
        items.forEach(n -> input.add(candidate(n)));
        Pep440SpecifierSet set = Pep440SpecifierSet.parse(spec).withPrereleases(setPrereleases);
        List<Candidate> out = set.filter(input, callPrereleases);
        List<JsonNode> actual = new ArrayList<>();
        for (Candidate o : out) {
            int index = -1;
            for (int i = 0; i < input.size() && index < 0; i++) {
                if (input.get(i) == o) {
                    index = i;
                }
            }
            actual.add(items.get(index));
        }
        List<JsonNode> expected = new ArrayList<>();
        c.get("expected").forEach(expected::add);
        assertEquals(expected, actual);
    }

    @TestFactory
    Stream<DynamicTest> specifierSets() throws IOException {
        JsonNode s = corpus().get("specifier_set");
        return Stream.of(
                each(s.at("/empty_contains_all/cases"), "empty contains all",
                        c -> assertTrue(Pep440SpecifierSet.parse("").withPrereleases(true).contains(c.asText(), null))),
                each(s.at("/empty_filter/cases"), "empty filter",
                        c -> filter(c, "", nullableBoolean(c.get("prereleases")), null)),
                each(s.at("/empty_filter_ordering/cases"), "empty filter ordering", c -> filter(c, "")),
                each(s.at("/prereleases_setter/cases"), "prereleases setter", c -> prereleasesSetter(c, "spec_str")),
                each(s.at("/filter/cases"), "filter", c -> filter(c, c.get("specifier").asText())),
                each(s.at("/filter_exclusionary_bridges/cases"), "filter bridges",
                        c -> filter(c, c.get("specifier").asText())),
                each(s.at("/str/cases"), "str", c -> assertEquals(c.get("expected").asText(),
                        Pep440SpecifierSet.parse(c.get("specifier").asText()).toString())),
                // SpecifierSet(left) & SpecifierSet(right) concatenates the clauses
                each(s.at("/combine/cases"), "combine", c -> assertEquals(
                        Pep440SpecifierSet.parse(c.get("expected").asText()),
                        Pep440SpecifierSet.parse(c.get("left").asText() + "," + c.get("right").asText()))),
                each(s.at("/is_subset/cases"), "is_subset", c -> assertEquals(c.get("expected").asBoolean(),
                        set(c, "left").isSubsetOf(set(c, "right")))),
                each(s.at("/is_superset/cases"), "is_superset", c -> assertEquals(c.get("expected").asBoolean(),
                        set(c, "right").isSubsetOf(set(c, "left")))),
                each(s.at("/is_disjoint/cases"), "is_disjoint", c -> assertEquals(c.get("expected").asBoolean(),
                        !set(c, "left").intersects(set(c, "right")))),
                each(s.at("/unsatisfiable/cases"), "unsatisfiable", c -> unsatisfiable(c, null, true)),
                each(s.at("/satisfiable/cases"), "satisfiable", c -> unsatisfiable(c, null, false)),
                each(s.at("/unsatisfiable_prereleases_false/cases"), "unsatisfiable without pre-releases",
                        c -> unsatisfiable(c, false, true)),
                each(s.at("/satisfiable_prereleases_false/cases"), "satisfiable without pre-releases",
                        c -> unsatisfiable(c, false, false)),
                each(s.at("/unsatisfiable_post_release_boundary/cases"), "post-release boundary",
                        c -> unsatisfiable(c, null, true)))
                .flatMap(x -> x);
    }

    private static VersionSet<Pep440Version> set(JsonNode c, String field) {
        return Pep440SpecifierSet.parse(c.get(field).asText()).versions();
    }

    private static void unsatisfiable(JsonNode c, Boolean prereleases, boolean expected) {
        Pep440SpecifierSet set = Pep440SpecifierSet.parse(c.asText()).withPrereleases(prereleases);
        assertEquals(expected, set.isUnsatisfiable());
        if (prereleases == null && !c.asText().contains("===")) {
            // without ===, the interval translation must agree: empty exactly when unsatisfiable
            assertEquals(expected, set.versions().isEmpty());
        }
    }

    @TestFactory
    Stream<DynamicTest> contains() throws IOException {
        return each(corpus().at("/contains/cases"), "contains", c -> {
            String spec = c.get("spec").asText();
            if (c.get("api").asText().equals("Specifier")) {
                Pep440Specifier.parse(spec);
            }
            Pep440SpecifierSet set = Pep440SpecifierSet.parse(spec)
                    .withPrereleases(nullableBoolean(c.get("spec_prereleases")));
            JsonNode version = c.get("version");
            Candidate candidate = c.path("version_is_object").asBoolean()
                    ? Candidate.of(Pep440Version.parse(version.asText())) : candidate(version);
            boolean installed = c.path("installed").asBoolean(false);
            assertEquals(c.get("expected").asBoolean(),
                    set.contains(candidate, nullableBoolean(c.get("contains_prereleases")), installed));
        });
    }

    @TestFactory
    Stream<DynamicTest> sectionsAreAllCovered() throws IOException {
        JsonNode root = corpus();
        List<String> seen = new ArrayList<>();
        root.get("version").fieldNames().forEachRemaining(n -> seen.add("version/" + n));
        root.get("specifier").fieldNames().forEachRemaining(n -> seen.add("specifier/" + n));
        root.get("specifier_set").fieldNames().forEachRemaining(n -> seen.add("specifier_set/" + n));
        List<String> covered = List.of("version/valid", "version/invalid", "version/ordered", "version/normalized",
                "version/str", "version/public", "version/base_version", "version/epoch", "version/release",
                "version/local", "version/pre", "version/is_prerelease", "version/dev", "version/is_devrelease",
                "version/post", "version/is_postrelease", "specifier/valid", "specifier/invalid",
                "specifier/versions_valid_after_each_operator", "specifier/str", "specifier/equality_true",
                "specifier/equality_false", "specifier/prereleases_setter", "specifier/prereleases_property",
                "specifier/filter", "specifier/filter_arbitrary_equality", "specifier/operator_property",
                "specifier/version_property", "specifier_set/empty_contains_all", "specifier_set/empty_filter",
                "specifier_set/empty_filter_ordering", "specifier_set/prereleases_setter", "specifier_set/filter",
                "specifier_set/filter_exclusionary_bridges", "specifier_set/str", "specifier_set/combine",
                "specifier_set/is_subset", "specifier_set/is_superset", "specifier_set/is_disjoint",
                "specifier_set/unsatisfiable", "specifier_set/satisfiable",
                "specifier_set/unsatisfiable_prereleases_false", "specifier_set/satisfiable_prereleases_false",
                "specifier_set/unsatisfiable_post_release_boundary");
        return Stream.of(dynamicTest("every corpus section has a test", () -> {
            assertEquals(List.copyOf(covered).stream().sorted().toList(), seen.stream().sorted().toList());
            assertNotEquals(0, root.at("/contains/cases").size());
        }));
    }
}
