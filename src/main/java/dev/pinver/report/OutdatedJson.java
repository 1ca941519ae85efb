package dev.pinver.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.manifest.Dependency;
import dev.pinver.notes.NotesSummary;
import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Outdated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/** {@code outdated --format json}: DESIGN's schemaVersion 1, one entry per dependency. */
public final class OutdatedJson {

    private OutdatedJson() {
    }

    public static void write(OutdatedReport report, Writer out) {
        write(report, Map.of(), out);
    }

    /**
     * With a {@code notes} object on each dependency that has a summary ({@code outdated --notes}):
     * {@code {"releases", "flagged", "source"}}, or {@code {"unavailable", "source"}} when none could be read.
     */
    public static void write(OutdatedReport report, Map<Dependency, NotesSummary> notes, Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("manifests", report.manifests());
            g.writeNumberField("dependencies", report.rows().size());
            g.writeNumberField("outdated", report.rows().stream()
                    .filter(r -> r.outdated().flatMap(Outdated::update).isPresent()).count());
            g.writeNumberField("breaking", report.rows().stream()
                    .filter(r -> r.outdated().map(Outdated::breaking).orElse(false)).count());
            g.writeNumberField("errors", report.errors());
            g.writeNumberField("incomplete", report.incomplete());
            g.writeEndObject();
            g.writeArrayFieldStart("dependencies");
            for (OutdatedReport.Row row : report.rows()) {
                g.writeStartObject();
                JsonFields.dependency(g, row.dependency(), row.status());
                if (row.error().isPresent()) {
                    g.writeStringField("error", row.error().get());
                } else {
                    Outdated o = row.outdated().orElseThrow();
                    optional(g, "resolved", o.resolved());
                    optional(g, "lockFile", row.lockFile().map(f -> DisplayPath.of(java.nio.file.Path.of(f))));
                    optional(g, "latestInRange", o.latestInRange());
                    optional(g, "latestCompatible", o.latestCompatible());
                    optional(g, "latest", o.latest());
                    g.writeStringField("update", o.update().map(u -> u.id()).orElse("none"));
                    g.writeBooleanField("breaking", o.breaking());
                    optional(g, "published", o.published().map(Object::toString));
                    g.writeBooleanField("resolvedYanked", o.resolvedYanked());
                    if (!row.incomplete().isEmpty()) {
                        g.writeArrayFieldStart("incomplete");
                        for (String failure : row.incomplete()) {
                            g.writeString(failure);
                        }
                        g.writeEndArray();
                    }
                    g.writeArrayFieldStart("heldBack");
                    for (Outdated.Held h : o.heldBack()) {
                        g.writeStartObject();
                        g.writeStringField("version", h.version());
                        g.writeStringField("eligible", h.eligible().toString());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    NotesSummary summary = notes.get(row.dependency());
                    if (summary != null) {
                        notes(g, summary);
                    }
                }
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

    private static void notes(JsonGenerator g, NotesSummary summary) throws IOException {
        g.writeObjectFieldStart("notes");
        if (summary.unavailable().isPresent()) {
            g.writeStringField("unavailable", summary.unavailable().get());
        } else {
            g.writeNumberField("releases", summary.releases());
            g.writeNumberField("flagged", summary.flagged());
        }
        optional(g, "source", Optional.of(summary.source()).filter(s -> !s.isEmpty()));
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }
}
