package dev.pinver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.gate.Baseline;
import dev.pinver.gate.Result;
import dev.pinver.gate.Tried;
import dev.pinver.gate.UpgradeOutcome;
import dev.pinver.gate.UpgradeRun;
import dev.pinver.manifest.Ecosystem;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeJsonTest {

    @Test
    void writesTheUpgradeSchema() throws Exception {
        Path logs = Path.of(".git", "pinver", "logs");
        UpgradeRun run = new UpgradeRun(
                new Baseline(Result.PASSED, 1200, logs.resolve("baseline.log"), "4 passed", Optional.empty(), ""),
                List.of(
                        new UpgradeOutcome("fastapi", Ecosystem.PYPI, Path.of("requirements.txt"), "0.45.1", "0.47.1",
                                Optional.of("pinver/fastapi-0.47"), Result.PASSED,
                                List.of(new Tried("0.53.0", Result.FAILED), new Tried("0.49.4", Result.TIMEOUT),
                                        new Tried("0.47.1", Result.PASSED), new Tried("0.48.0", Result.FAILED)),
                                5400, Optional.of(logs.resolve("fastapi-0.47.1.log")), "tail", "", Optional.empty()),
                        new UpgradeOutcome("org.slf4j:slf4j-api", Ecosystem.MAVEN, Path.of("app", "pom.xml"), "1.7.36", "2.0.13",
                                Optional.empty(), Result.SKIPPED, List.of(), 3, Optional.empty(), "", "why", Optional.empty())));
        StringWriter out = new StringWriter();
        UpgradeJson.write(run, out);

        JsonNode expected = new ObjectMapper().readTree("""
                {"schemaVersion": 1,
                 "baseline": {"result": "passed", "durationMs": 1200, "log": ".git/pinver/logs/baseline.log"},
                 "upgrades": [
                  {"package": "fastapi", "ecosystem": "pypi", "manifest": "requirements.txt", "from": "0.45.1", "to": "0.47.1",
                   "branch": "pinver/fastapi-0.47", "result": "passed",
                   "tried": [{"version": "0.53.0", "result": "failed"}, {"version": "0.49.4", "result": "timeout"},
                             {"version": "0.47.1", "result": "passed"}, {"version": "0.48.0", "result": "failed"}],
                   "durationMs": 5400, "log": ".git/pinver/logs/fastapi-0.47.1.log"},
                  {"package": "org.slf4j:slf4j-api", "ecosystem": "maven", "manifest": "app/pom.xml", "from": "1.7.36",
                   "to": "2.0.13", "branch": null, "result": "skipped", "tried": [], "durationMs": 3, "log": null}
                 ]}
                """);
        assertEquals(expected, new ObjectMapper().readTree(out.toString()));
        assertEquals(List.of("schemaVersion", "baseline", "upgrades"),
                iterable(new ObjectMapper().readTree(out.toString()).fieldNames()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
