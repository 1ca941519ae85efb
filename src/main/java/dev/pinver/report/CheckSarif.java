package dev.pinver.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.check.CheckReport;
import dev.pinver.check.Finding;
import dev.pinver.manifest.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** {@code check --format sarif}: SARIF 2.1.0 as GitHub code scanning accepts it. */
public final class CheckSarif {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String INVALID_MANIFEST = "invalid-manifest";

    private CheckSarif() {
    }

    public static void write(CheckReport report, String toolVersion, Writer out) {
        List<String> ruleIds = new ArrayList<>();
        report.findings().forEach(f -> addOnce(ruleIds, f.rule()));
        if (!report.problems().isEmpty()) {
            addOnce(ruleIds, INVALID_MANIFEST);
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "pinver");
            g.writeStringField("version", toolVersion);
            g.writeArrayFieldStart("rules");
            for (String id : ruleIds) {
                writeRule(g, id);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                writeResult(g, ruleIds.indexOf(f.rule()), f.rule(), level(f), f.message(),
                        DisplayPath.of(f.dependency().reportedAt().file()), f.dependency().reportedAt().line(),
                        f.dependency().reportedAt().column(), Math.max(1, f.dependency().span().length()));
            }
            for (Problem p : report.problems()) {
                writeResult(g, ruleIds.indexOf(INVALID_MANIFEST), INVALID_MANIFEST, "error", p.message(),
                        DisplayPath.of(p.location().file()), p.location().line(), p.location().column(), 1);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addOnce(List<String> ids, String id) {
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static void writeRule(JsonGenerator g, String id) throws IOException {
        RuleHelp.Text help = id.equals(INVALID_MANIFEST)
                ? new RuleHelp.Text("Manifest cannot be read", "The file could not be parsed; fix the reported line.")
                : RuleHelp.of(id);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", camel(id));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", help.summary());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", help.help());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", help.help());
        g.writeStringField("markdown", "**" + help.summary() + "**\n\n" + help.help());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, int ruleIndex, String ruleId, String level, String text,
            String uri, int line, int column, int length) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", ruleId);
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level);
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeStringField("uriBaseId", "%SRCROOT%");
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", line);
        g.writeNumberField("startColumn", column);
        g.writeNumberField("endColumn", column + length);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("pinverLocation/v1", ruleId + ":" + uri + ":" + line);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
