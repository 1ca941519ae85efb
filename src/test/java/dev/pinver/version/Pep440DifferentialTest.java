package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares this implementation with Python's {@code packaging} on this machine: a few thousand
 * versions and specifier sets drawn from a seeded {@link Random} (epochs, every pre/post/dev
 * spelling and separator, local labels, leading v, whitespace, wildcards, {@code ~=}, {@code !=},
 * {@code ===}, and mutations that make them invalid), sent to one python3 process. Validity,
 * normalised text, sort order, {@code is_prerelease} and {@code SpecifierSet.contains} with
 * prereleases None and True must agree on every case. Skipped, visibly, without python3 and packaging.
 */
class Pep440DifferentialTest {

    private static final int VERSIONS = 3000;
    private static final int SPECS = 1500;
    private static final String[] PRE = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview"};
    private static final String[] POST = {"post", "rev", "r"};
    private static final String[] OPS = {"~=", "==", "!=", "<=", ">=", "<", ">", "==="};
    private static final String NOISE = ".-_+!a1 *,~=v";

    private final Random random = new Random(440);

    @Test
    void agreesWithPackaging() throws Exception {
        assumePackaging();
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < VERSIONS; i++) {
            versions.add(maybeMutate(version(true)));
        }
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < SPECS; i++) {
            specs.add(maybeMutate(specSet()));
        }
        List<Pep440SpecifierSet> parsedSpecs = new ArrayList<>();
        List<Integer> checkSpec = new ArrayList<>();
        List<String> checkVersion = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Pep440SpecifierSet set = parseOrNull(specs.get(i));
            parsedSpecs.add(set);
            if (set != null) {
                for (String candidate : candidates(set)) {
                    checkSpec.add(i);
                    checkVersion.add(candidate);
                }
            }
        }

        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode();
        versions.forEach(request.putArray("versions")::add);
        specs.forEach(request.putArray("specs")::add);
        ArrayNode checks = request.putArray("checks");
        for (int i = 0; i < checkSpec.size(); i++) {
            checks.addArray().add(checkSpec.get(i)).add(checkVersion.get(i));
        }
        JsonNode answer = json.readTree(runOracle(json.writeValueAsString(request)));

        List<String> mismatches = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        List<Pep440Version> parsed = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode expected = answer.get("versions").get(i);
            Pep440Version v = parseVersionOrNull(versions.get(i));
            parsed.add(v);
            if (expected.get("valid").asBoolean() != (v != null)) {
                mismatches.add("validity of version '" + versions.get(i) + "': packaging " + expected.get("valid"));
            } else if (v != null) {
                valid.add(i);
                if (!expected.get("normalized").asText().equals(v.toString())) {
                    mismatches.add("normalised '" + versions.get(i) + "': packaging " + expected.get("normalized")
                            + ", here " + v);
                }
                if (expected.get("prerelease").asBoolean() != v.isPrerelease()) {
                    mismatches.add("is_prerelease of '" + versions.get(i) + "'");
                }
            }
        }
        List<Integer> sorted = new ArrayList<>(valid);
        sorted.sort(Comparator.comparing(parsed::get));
        List<Integer> expectedOrder = new ArrayList<>();
        answer.get("sorted").forEach(n -> expectedOrder.add(n.asInt()));
        if (mismatches.isEmpty() && !sorted.equals(expectedOrder)) {
            for (int k = 0; k < sorted.size(); k++) {
                if (!sorted.get(k).equals(expectedOrder.get(k))) {
                    mismatches.add("sort order differs at position " + k + ": here " + versions.get(sorted.get(k))
                            + ", packaging " + versions.get(expectedOrder.get(k)));
                    break;
                }
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            boolean expected = answer.get("specs").get(i).asBoolean();
            if (expected != (parsedSpecs.get(i) != null)) {
                mismatches.add("validity of spec '" + specs.get(i) + "': packaging " + expected);
            }
        }
        for (int i = 0; i < checkSpec.size(); i++) {
            JsonNode expected = answer.get("contains").get(i);
            if (expected.isNull()) {
                continue;
            }
            Pep440SpecifierSet set = parsedSpecs.get(checkSpec.get(i));
            String v = checkVersion.get(i);
            boolean byDefault = set.contains(v, null);
            boolean withPre = set.contains(v, true);
            if (byDefault != expected.get(0).asBoolean() || withPre != expected.get(1).asBoolean()) {
                mismatches.add("'" + v + "' in '" + set + "': packaging " + expected + ", here [" + byDefault + ","
                        + withPre + "]");
            }
        }
        System.out.println("differential against packaging " + answer.get("packaging").asText() + ": "
                + versions.size() + " versions, " + specs.size() + " specifier sets, " + checkSpec.size()
                + " contains checks, " + mismatches.size() + " mismatches");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first ones:\n"
                + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
        assertTrue(valid.size() > VERSIONS / 2 && valid.size() < VERSIONS, "the generator makes both kinds");
        long validSpecs = parsedSpecs.stream().filter(s -> s != null).count();
        assertTrue(validSpecs > SPECS / 2 && validSpecs < SPECS, "valid and invalid specifier sets");
    }

    private static void assumePackaging() throws IOException, InterruptedException {
        String reason = null;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import packaging.version, packaging.specifiers")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                reason = "python3 has no 'packaging' module";
            }
        } catch (IOException e) {
            reason = "python3 is not installed";
        }
        if (reason != null) {
            System.err.println("SKIPPED: " + reason + "; PEP 440 differential test not run");
            assumeTrue(false, reason);
        }
    }

    private static String runOracle(String request) throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(Pep440DifferentialTest.class.getResource("/pep440/packaging_oracle.py").toURI());
        Process p = new ProcessBuilder("python3", script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(request.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("packaging oracle failed");
        }
        return out;
    }

    private static Pep440Version parseVersionOrNull(String text) {
        try {
            return Pep440Version.parse(text);
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    private static Pep440SpecifierSet parseOrNull(String text) {
        try {
            return Pep440SpecifierSet.parse(text);
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    /** A version in any of packaging's spellings; {@code local} allows a local label. */
    private String version(boolean local) {
        StringBuilder sb = new StringBuilder();
        if (chance(10)) {
            sb.append(random.nextBoolean() ? "v" : "V");
        }
        if (chance(8)) {
            sb.append(number()).append('!');
        }
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "." : "").append(number());
        }
        if (chance(30)) {
            sb.append(separator()).append(cased(pick(PRE))).append(separator());
            if (random.nextInt(4) > 0) {
                sb.append(number());
            }
        }
        if (chance(25)) {
            if (random.nextInt(4) == 0) {
                sb.append('-').append(number());
            } else {
                sb.append(separator()).append(cased(pick(POST))).append(separator());
                if (random.nextInt(4) > 0) {
                    sb.append(number());
                }
            }
        }
        if (chance(25)) {
            sb.append(separator()).append(cased("dev")).append(separator());
            if (random.nextInt(4) > 0) {
                sb.append(number());
            }
        }
        if (local && chance(15)) {
            sb.append('+');
            int segments = 1 + random.nextInt(3);
            for (int i = 0; i < segments; i++) {
                sb.append(i > 0 ? pick(new String[] {".", "-", "_"}) : "");
                sb.append(random.nextBoolean() ? number() : cased(pick(new String[] {"abc", "ubuntu1", "x", "0a"})));
            }
        }
        if (chance(5)) {
            return pick(new String[] {" ", "\t", "\n", " \u00a0"}) + sb + pick(new String[] {"", " ", "\r\n"});
        }
        return sb.toString();
    }

    private String number() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return "0" + random.nextInt(10);
        }
        if (kind == 1) {
            return "1" + "0".repeat(random.nextInt(25));
        }
        return Integer.toString(kind < 12 ? random.nextInt(3) : random.nextInt(20));
    }

    private String separator() {
        return pick(new String[] {"", "", "", ".", "-", "_"});
    }

    private String cased(String s) {
        return switch (random.nextInt(4)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
            default -> s;
        };
    }

    private String specSet() {
        int clauses = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < clauses; i++) {
            sb.append(i > 0 ? pick(new String[] {",", ", ", " ,", ",,"}) : "");
            sb.append(clause());
        }
        return sb.toString();
    }

    private String clause() {
        String op = pick(OPS);
        String space = chance(15) ? " " : "";
        if (op.equals("===")) {
            String text = random.nextBoolean() ? version(true) : pick(new String[] {"foobar", "1.0", "1.01", "1.0.0"});
            return op + space + text.strip();
        }
        String v = version(op.equals("==") || op.equals("!=")).strip();
        if ((op.equals("==") || op.equals("!=")) && chance(30)) {
            StringBuilder prefix = new StringBuilder(chance(10) ? "1!" : "");
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                prefix.append(i > 0 ? "." : "").append(random.nextInt(3));
            }
            v = prefix + ".*";
        }
        return space + op + space + v + space;
    }

    /** Versions close to each clause's edges, where the rules differ, and a few unrelated ones. */
    private List<String> candidates(Pep440SpecifierSet set) {
        List<String> out = new ArrayList<>();
        for (Pep440Specifier s : set.specifiers()) {
            String written = s.isWildcard() ? s.version().substring(0, s.version().length() - 2) : s.version();
            Pep440Version v = parseVersionOrNull(written);
            if (v == null) {
                out.add(written);
                continue;
            }
            String pub = v.publicVersion().toString();
            String base = v.baseVersion().toString();
            out.add(written);
            out.add(written.toUpperCase(Locale.ROOT));
            out.add(pub + "+local.7");
            out.add(pub + ".post1");
            out.add(pub + ".dev0");
            out.add(base + ".post0.dev0");
            out.add(base + "a1");
            out.add(base + ".0");
            out.add(base + ".1");
            out.add(bumpLast(v));
            out.add(bumpLast(v) + ".dev0");
        }
        for (int i = 0; i < 3; i++) {
            out.add(version(true).strip());
        }
        return out;
    }

    private static String bumpLast(Pep440Version v) {
        List<String> parts = new ArrayList<>();
        v.release().forEach(n -> parts.add(n.toString()));
        int last = parts.size() - 1;
        parts.set(last, new BigInteger(parts.get(last)).add(BigInteger.ONE).toString());
        String epoch = v.epoch().signum() == 0 ? "" : v.epoch() + "!";
        return epoch + String.join(".", parts);
    }

    private String maybeMutate(String text) {
        if (!chance(10) || text.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        int at = random.nextInt(sb.length() + 1);
        char c = NOISE.charAt(random.nextInt(NOISE.length()));
        switch (random.nextInt(3)) {
            case 0 -> sb.insert(at, c);
            case 1 -> sb.deleteCharAt(Math.min(at, sb.length() - 1));
            default -> sb.setCharAt(Math.min(at, sb.length() - 1), c);
        }
        return sb.toString();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
