package dev.pinver.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.check.CheckReport;
import dev.pinver.check.Finding;
import dev.pinver.policy.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** {@code check --format json}: DESIGN's schemaVersion 1, written as a stream. */
public final class CheckJson {

    private CheckJson() {
    }

    public static void write(CheckReport report, Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("manifests", report.manifests());
            g.writeNumberField("dependencies", report.dependencies().size());
            g.writeNumberField("findings", report.findings().size());
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.id() + "s", report.count(s));
            }
            g.writeNumberField("problems", report.problems().size());
            g.writeEndObject();
            g.writeArrayFieldStart("dependencies");
            for (CheckReport.Checked c : report.dependencies()) {
                g.writeStartObject();
                JsonFields.dependency(g, c.dependency(), c.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                g.writeStartObject();
                JsonFields.location(g, f.dependency());
                g.writeStringField("spec", f.dependency().spec());
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("message", f.message());
                g.writeStringField("suggested", f.suggested());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonFields.errors(g, report.problems());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
