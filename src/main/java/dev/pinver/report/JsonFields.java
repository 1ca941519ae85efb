package dev.pinver.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The fields every JSON report writes the same way: where a dependency is, and what could not be read. */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code manifest}, {@code line}, {@code column}, {@code ecosystem}, {@code package}: DESIGN's location fields. */
    static void location(JsonGenerator g, Dependency d) throws IOException {
        g.writeStringField("manifest", DisplayPath.of(d.reportedAt().file()));
        g.writeNumberField("line", d.reportedAt().line());
        g.writeNumberField("column", d.reportedAt().column());
        g.writeStringField("ecosystem", d.ecosystem().id());
        g.writeStringField("package", d.name());
    }

    /**
     * A dependency as {@code check} lists it: the location fields, {@code spec}, {@code section}, {@code source}
     * and {@code status}; {@code outdated} adds its own fields after these.
     */
    static void dependency(JsonGenerator g, Dependency d, String status) throws IOException {
        location(g, d);
        g.writeStringField("spec", d.spec());
        g.writeStringField("section", d.section());
        g.writeStringField("source", d.source().name().toLowerCase(Locale.ROOT));
        g.writeStringField("status", status);
    }

    /** The {@code errors} array: one entry per manifest line or file that could not be read. */
    static void errors(JsonGenerator g, List<Problem> problems) throws IOException {
        g.writeArrayFieldStart("errors");
        for (Problem p : problems) {
            g.writeStartObject();
            g.writeStringField("manifest", DisplayPath.of(p.location().file()));
            g.writeNumberField("line", p.location().line());
            g.writeNumberField("column", p.location().column());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
