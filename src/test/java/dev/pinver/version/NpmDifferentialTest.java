package dev.pinver.version;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares this package with the node-semver that npm bundles on this machine ({@code $(npm root
 * -g)/npm/node_modules/semver}), on a few thousand versions and ranges drawn from a seeded random
 * generator: version validity (strict and loose), ordering, range validity and canonical form (all
 * four option combinations), {@code satisfies}, and plain comparator membership against
 * {@link NpmRange#toVersionSet()}. One {@code node} process answers everything, JSON in and out.
 * Skipped, with a message, when node, npm or the module is missing.
 */
class NpmDifferentialTest {

    private static final long SEED = 20_240_611L;
    private static final int VERSIONS = 3000;
    private static final int RANGES = 3000;
    private static final int PAIRS = 4000;
    private static final int PROBES_PER_RANGE = 40;
    private static final boolean[] BOTH = {false, true};

    /** Reads the request on stdin, answers on stdout; argv[1] is the semver module's path. */
    private static final String ORACLE = """
            const semver = require(process.argv[1]);
            const Range = semver.Range;
            let input = '';
            process.stdin.setEncoding('utf8');
            process.stdin.on('data', d => { input += d; });
            process.stdin.on('end', () => {
              const req = JSON.parse(input);
              const parse = (v, loose) => { try { return new semver.SemVer(v, { loose }); } catch (e) { return null; } };
              const out = { valid: [], compare: [], ranges: [] };
              for (const v of req.versions) {
                out.valid.push([semver.valid(v, { loose: false }), semver.valid(v, { loose: true })]);
              }
              for (const [a, b] of req.pairs) {
                out.compare.push(semver.compare(req.versions[a], req.versions[b], { loose: true }));
              }
              req.ranges.forEach((r, i) => {
                const answers = [];
                for (const loose of [false, true]) {
                  for (const includePrerelease of [false, true]) {
                    const opts = { loose, includePrerelease };
                    let range = null;
                    try { range = new Range(r, opts); } catch (e) { range = null; }
                    const a = { valid: semver.validRange(r, opts), satisfies: '', members: '' };
                    if (range !== null) {
                      for (const p of req.probes[i]) {
                        const v = req.versions[p];
                        a.satisfies += semver.satisfies(v, r, opts) ? '1' : '0';
                        const sv = parse(v, loose);
                        a.members += sv === null ? '-'
                          : range.set.some(set => set.every(c => c.test(sv))) ? '1' : '0';
                      }
                    }
                    answers.push(a);
                  }
                }
                out.ranges.push(answers);
              });
              process.stdout.write(JSON.stringify(out));
            });
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> mismatches = new ArrayList<>();
    private int validRanges;
    private int satisfied;
    private int probed;

    @Test
    void agreesWithNpmsBundledSemver() throws Exception {
        Path module = semverModule();
        Generator gen = new Generator(new Random(SEED));
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < VERSIONS; i++) {
            versions.add(gen.version());
        }
        int firstProbe = versions.size();
        versions.addAll(Generator.probes());
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < RANGES; i++) {
            ranges.add(gen.range());
        }
        List<int[]> probes = new ArrayList<>();
        for (int i = 0; i < RANGES; i++) {
            int[] p = new int[PROBES_PER_RANGE];
            for (int k = 0; k < p.length; k++) {
                p[k] = k < 5 ? gen.random.nextInt(firstProbe) : firstProbe + gen.random.nextInt(versions.size() - firstProbe);
            }
            probes.add(p);
        }
        List<int[]> pairs = new ArrayList<>();
        List<Integer> looseValid = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            if (parsesLoose(versions.get(i))) {
                looseValid.add(i);
            }
        }
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(new int[] {looseValid.get(gen.random.nextInt(looseValid.size())),
                looseValid.get(gen.random.nextInt(looseValid.size()))});
        }

        JsonNode answer = askNode(module, versions, ranges, probes, pairs);

        checkVersions(versions, answer.get("valid"));
        checkOrder(versions, pairs, answer.get("compare"));
        for (int i = 0; i < ranges.size(); i++) {
            checkRange(ranges.get(i), probes.get(i), versions, answer.get("ranges").get(i));
        }
        System.err.println("npm differential: " + versions.size() + " versions, " + ranges.size() + " ranges ("
                + validRanges + " of " + 4 * ranges.size() + " range/option pairs valid), " + pairs.size()
                + " ordered pairs, " + probed + " satisfies checks (" + satisfied + " true), " + mismatches.size()
                + " mismatches");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " disagreements with node-semver, first ones:\n"
                + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
    }

    private static boolean parsesLoose(String v) {
        try {
            NpmVersion.parse(v, true);
            return true;
        } catch (InvalidSpecException e) {
            return false;
        }
    }

    private void checkVersions(List<String> versions, JsonNode valid) {
        for (int i = 0; i < versions.size(); i++) {
            for (int mode = 0; mode < 2; mode++) {
                String expected = valid.get(i).get(mode).isNull() ? null : valid.get(i).get(mode).asText();
                String actual;
                try {
                    NpmVersion v = NpmVersion.parse(versions.get(i), mode == 1);
                    actual = v.toString();
                } catch (InvalidSpecException e) {
                    actual = null;
                    if (e.offset() < 0 || e.offset() > versions.get(i).length()) {
                        mismatches.add("offset " + e.offset() + " outside " + quote(versions.get(i)));
                    }
                } catch (RuntimeException e) {
                    actual = "threw " + e;
                }
                if (!java.util.Objects.equals(expected, actual)) {
                    mismatches.add("valid(" + quote(versions.get(i)) + ", loose=" + (mode == 1) + "): node "
                            + expected + ", java " + actual);
                }
            }
        }
    }

    private void checkOrder(List<String> versions, List<int[]> pairs, JsonNode compare) {
        for (int i = 0; i < pairs.size(); i++) {
            String a = versions.get(pairs.get(i)[0]);
            String b = versions.get(pairs.get(i)[1]);
            int actual = Integer.signum(NpmVersion.parse(a, true).compareTo(NpmVersion.parse(b, true)));
            if (actual != compare.get(i).asInt()) {
                mismatches.add("compare(" + quote(a) + ", " + quote(b) + "): node " + compare.get(i) + ", java " + actual);
            }
        }
    }

    private void checkRange(String range, int[] probes, List<String> versions, JsonNode answers) {
        int k = 0;
        for (boolean loose : BOTH) {
            for (boolean includePrerelease : BOTH) {
                JsonNode a = answers.get(k++);
                String where = "range " + quote(range) + " loose=" + loose + " includePrerelease=" + includePrerelease;
                NpmScheme scheme = new NpmScheme(loose);
                NpmRange parsed;
                try {
                    parsed = scheme.parseRange(range, includePrerelease);
                } catch (InvalidSpecException e) {
                    if (!a.get("valid").isNull()) {
                        mismatches.add(where + ": node " + a.get("valid") + ", java invalid: " + e.getMessage());
                    } else if (e.offset() < 0 || e.offset() > range.length()) {
                        mismatches.add(where + ": offset " + e.offset() + " outside the text");
                    }
                    continue;
                } catch (RuntimeException e) {
                    mismatches.add(where + ": java threw " + e);
                    continue;
                }
                validRanges++;
                String canonical = parsed.toString().isEmpty() ? "*" : parsed.toString();
                if (!canonical.equals(a.get("valid").asText(null))) {
                    mismatches.add(where + ": node " + a.get("valid") + ", java " + canonical);
                    continue;
                }
                VersionSet<NpmVersion> set = includePrerelease ? null : parsed.toVersionSet();
                if (set != null && !set.equals(scheme.parseSpec(range))) {
                    mismatches.add(where + ": parseSpec differs from the range's own version set");
                }
                String satisfies = a.get("satisfies").asText();
                String members = a.get("members").asText();
                for (int p = 0; p < probes.length; p++) {
                    String text = versions.get(probes[p]);
                    NpmVersion v = parsesIn(text, loose);
                    boolean nodeSatisfies = satisfies.charAt(p) == '1';
                    boolean javaSatisfies = v != null && parsed.test(v);
                    probed++;
                    satisfied += nodeSatisfies ? 1 : 0;
                    if (nodeSatisfies != javaSatisfies) {
                        mismatches.add(where + " satisfies " + quote(text) + ": node " + nodeSatisfies);
                    }
                    if (v == null || set == null) {
                        continue;
                    }
                    boolean nodeMember = members.charAt(p) == '1';
                    if (set.contains(v) != nodeMember) {
                        mismatches.add(where + " interval membership of " + quote(text) + ": node " + nodeMember
                                + ", java " + set);
                    }
                    if (!v.isPrerelease() && set.contains(v) != nodeSatisfies) {
                        mismatches.add(where + " release " + quote(text) + ": satisfies " + nodeSatisfies
                                + " but version set " + set);
                    }
                }
            }
        }
    }

    private static NpmVersion parsesIn(String text, boolean loose) {
        try {
            return NpmVersion.parse(text, loose);
        } catch (InvalidSpecException e) {
            return null;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("\t", "\\t") + "'";
    }

    private JsonNode askNode(Path module, List<String> versions, List<String> ranges, List<int[]> probes,
            List<int[]> pairs) throws IOException, InterruptedException {
        ObjectNode req = json.createObjectNode();
        versions.forEach(req.putArray("versions")::add);
        ranges.forEach(req.putArray("ranges")::add);
        ArrayNode probeLists = req.putArray("probes");
        probes.forEach(p -> {
            ArrayNode a = probeLists.addArray();
            for (int i : p) {
                a.add(i);
            }
        });
        ArrayNode pairList = req.putArray("pairs");
        pairs.forEach(p -> pairList.addArray().add(p[0]).add(p[1]));

        Process node = new ProcessBuilder("node", "-e", ORACLE, module.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(json.writeValueAsBytes(req));
        }
        byte[] out;
        try (InputStream stdout = node.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "node did not finish");
        assertTrue(node.exitValue() == 0, "node exited with " + node.exitValue());
        return json.readTree(new String(out, StandardCharsets.UTF_8));
    }

    /** npm's bundled semver, or a skipped test saying what is missing. */
    private static Path semverModule() throws InterruptedException {
        String root;
        try {
            run("node", "--version");
            root = run("npm", "root", "-g").trim();
        } catch (IOException e) {
            return skip("node or npm not available (" + e.getMessage() + ")");
        }
        Path module = Path.of(root, "npm", "node_modules", "semver");
        if (!Files.isRegularFile(module.resolve("package.json"))) {
            return skip("npm's bundled semver not found at " + module);
        }
        return module;
    }

    private static Path skip(String why) {
        System.err.println("SKIPPED: npm differential test: " + why);
        assumeTrue(false, why);
        return null;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.trim());
        }
        return out;
    }

    /** Random versions and ranges, weighted towards the shapes and small numbers people write. */
    private static final class Generator {

        private static final String[] PRE_IDS = {"alpha", "beta", "rc", "0", "1", "2", "10", "x", "pre", "a1", "1a",
            "-", "x-y", "01", "beta-2", "00", "9007199254740991"};
        private static final String[] BUILDS = {"build", "001", "exp.sha.5114f85", "b-1", "x.y"};
        private static final String[] PREFIXES = {"v", "=", " ", "v ", "=v", "V", "  ", "v=", "\t"};
        private static final String[] OPERATORS = {"", "", "", "^", "^", "^", "~", "~", "~>", ">", ">=", ">=", "<",
            "<", "<=", "="};
        private static final String[] SPECIAL = {"", "*", "x", "X", "latest", ">=0.0.0", ">=0.0.0-0", "<0.0.0-0",
            "||", " || ", "1.2.3 ||", "* || 1.2.3-beta", "^*", "~x", ">*", "<=*", "1.x.3", "x.1", "**", "1.2.3*",
            ">= = 1.2.3", "^ 1.2 ^ 1", "~> 1.2", "1.2.3 - ", "- 1.2.3", "1.2.3 -  2.0.0", "=1.2.3 - 2",
            "^9007199254740991", "^9007199254740990.1", "<=99999999999999999999.x 1.2.3",
            "<=999999999999999999999.x 1.2.3", "^00.2.3", "~01.02", "1.2.3 foo", "foo || 1.2.3",
            "1.2.3 +build 1.2.4", "> +b 1.2.3", "^1.2.3-beta.1 || ^2.0.0-0"};
        private static final String MUTATION = "0123456789.-+vxX=*^~<> |ab";

        final Random random;

        Generator(Random random) {
            this.random = random;
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }

        private String number() {
            double r = random.nextDouble();
            if (r < 0.85) {
                return Integer.toString(random.nextInt(4));
            }
            if (r < 0.93) {
                return Integer.toString(random.nextInt(30));
            }
            return pick(new String[] {"01", "00", "9007199254740991", "9007199254740992", "99999999999999999999"});
        }

        private String prerelease() {
            int n = 1 + random.nextInt(chance(0.3) ? 3 : 1);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(pick(PRE_IDS));
            }
            return String.join(".", ids);
        }

        private String mutate(String s) {
            StringBuilder sb = new StringBuilder(s);
            int at = random.nextInt(sb.length() + 1);
            if (chance(0.5) && at < sb.length()) {
                sb.deleteCharAt(at);
            } else {
                sb.insert(at, MUTATION.charAt(random.nextInt(MUTATION.length())));
            }
            return sb.toString();
        }

        String version() {
            StringBuilder sb = new StringBuilder();
            if (chance(0.12)) {
                sb.append(pick(PREFIXES));
            }
            sb.append(number()).append('.').append(number()).append('.').append(number());
            if (chance(0.35)) {
                sb.append(chance(0.9) ? "-" : "").append(prerelease());
            }
            if (chance(0.1)) {
                sb.append('+').append(pick(BUILDS));
            }
            if (chance(0.05)) {
                sb.append(' ');
            }
            return chance(0.12) ? mutate(sb.toString()) : sb.toString();
        }

        /** All releases with parts 0..4, each also with a few pre-releases. */
        static List<String> probes() {
            List<String> out = new ArrayList<>();
            for (int a = 0; a <= 4; a++) {
                for (int b = 0; b <= 4; b++) {
                    for (int c = 0; c <= 4; c++) {
                        String r = a + "." + b + "." + c;
                        out.add(r);
                        out.add(r + "-0");
                        out.add(r + "-alpha");
                        out.add(r + "-beta.1");
                    }
                }
            }
            return out;
        }

        private String partial() {
            int parts = chance(0.6) ? 3 : 1 + random.nextInt(2);
            StringBuilder sb = new StringBuilder();
            if (chance(0.05)) {
                sb.append(chance(0.5) ? "v" : "=");
            }
            for (int i = 0; i < parts; i++) {
                sb.append(i > 0 ? "." : "").append(chance(0.12) ? pick(new String[] {"x", "X", "*"}) : number());
            }
            if (parts == 3 && chance(0.2)) {
                sb.append(chance(0.9) ? "-" : "").append(prerelease());
            }
            if (chance(0.05)) {
                sb.append('+').append(pick(BUILDS));
            }
            return sb.toString();
        }

        private String comparator() {
            return pick(OPERATORS) + (chance(0.08) ? " " : "") + partial();
        }

        private String set() {
            if (chance(0.12)) {
                return partial() + pick(new String[] {" - ", " - ", "  -  ", "\t-\t"}) + partial();
            }
            int n = 1 + random.nextInt(chance(0.3) ? 3 : 1);
            List<String> comparators = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                comparators.add(comparator());
            }
            return String.join(chance(0.9) ? " " : "  ", comparators);
        }

        String range() {
            if (chance(0.05)) {
                return pick(SPECIAL);
            }
            int n = 1 + random.nextInt(chance(0.25) ? 3 : 1);
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sets.add(set());
            }
            String r = String.join(pick(new String[] {" || ", "||", "  ||  ", " ||"}), sets);
            if (chance(0.05)) {
                r = " " + r + " ";
            }
            return chance(0.08) ? mutate(r) : r;
        }
    }
}
