package dev.pinver.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.pin.Change;
import dev.pinver.pin.PinResult;
import dev.pinver.pin.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** {@code pin --format json}: each change, each dependency that could not be pinned, and the errors. */
public final class PinJson {

    private PinJson() {
    }

    public static void write(PinResult result, boolean written, Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeBooleanField("written", written);
            g.writeArrayFieldStart("changes");
            for (Change c : result.changes()) {
                g.writeStartObject();
                JsonFields.location(g, c.dependency());
                g.writeStringField("from", c.dependency().spec());
                g.writeStringField("to", c.newSpec());
                g.writeStringField("basis", c.basis());
                g.writeBooleanField("hashed", c.dependency().hashed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("skipped");
            for (Skipped s : result.skipped()) {
                g.writeStartObject();
                JsonFields.location(g, s.dependency());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonFields.errors(g, result.problems());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
