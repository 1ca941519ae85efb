package dev.pinver.notes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;

/**
 * {@code notes --format json}: DESIGN's schemaVersion 1,
 * {@code {"schemaVersion":1,"package","ecosystem","from","to","source","releases":[{"version","date","flagged":[lines],"markdown"}]}}.
 * {@code from}, {@code to} and {@code date} (ISO-8601) are null when absent; {@code markdown} is the
 * release's section (for reStructuredText sources, that text). Every string has its control
 * characters removed, since {@code jq -r} would print them raw.
 */
public final class NotesJson {

    private NotesJson() {
    }

    /** Writes the report and a final newline; {@code out} is flushed, not closed. */
    public static void write(NotesReport report, Writer out) {
        JsonFactory factory = new JsonFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("package", clean(report.packageName()));
            g.writeStringField("ecosystem", clean(report.ecosystem()));
            writeOptional(g, "from", report.from());
            writeOptional(g, "to", report.to());
            g.writeStringField("source", clean(report.source()));
            g.writeArrayFieldStart("releases");
            for (Release r : report.releases()) {
                g.writeStartObject();
                g.writeStringField("version", clean(r.version()));
                writeOptional(g, "date", r.date().map(Object::toString));
                g.writeArrayFieldStart("flagged");
                for (Flag f : r.flagged()) {
                    g.writeString(clean(f.line()));
                }
                g.writeEndArray();
                g.writeStringField("markdown", clean(r.text()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No control characters even in strings: {@code jq -r} prints them raw. */
    private static String clean(String s) {
        return UntrustedText.stripControls(s);
    }

    private static void writeOptional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, clean(value.get()));
        } else {
            g.writeNullField(field);
        }
    }
}
