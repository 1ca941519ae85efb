package dev.pinver.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pinver.gate.Baseline;
import dev.pinver.gate.Tried;
import dev.pinver.gate.UpgradeOutcome;
import dev.pinver.gate.UpgradeRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code upgrade --format json}: {@code {"schemaVersion":1,"baseline":{"result","durationMs","log"},
 * "upgrades":[{"package","ecosystem","manifest","from","to","branch","result","tried":[{"version","result"}],
 * "durationMs","log"}]}}. Paths are shown as {@link DisplayPath} shows them; {@code branch} and {@code log}
 * are null when there is none.
 */
public final class UpgradeJson {

    private UpgradeJson() {
    }

    public static void write(UpgradeRun run, Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            Baseline baseline = run.baseline();
            g.writeObjectFieldStart("baseline");
            g.writeStringField("result", baseline.result().id());
            g.writeNumberField("durationMs", baseline.durationMs());
            g.writeStringField("log", DisplayPath.of(baseline.log()));
            g.writeEndObject();
            g.writeArrayFieldStart("upgrades");
            for (UpgradeOutcome u : run.upgrades()) {
                g.writeStartObject();
                g.writeStringField("package", u.packageName());
                g.writeStringField("ecosystem", u.ecosystem().id());
                g.writeStringField("manifest", DisplayPath.of(u.manifest()));
                g.writeStringField("from", u.from());
                g.writeStringField("to", u.to());
                g.writeStringField("branch", u.branch().orElse(null));
                g.writeStringField("result", u.result().id());
                g.writeArrayFieldStart("tried");
                for (Tried t : u.tried()) {
                    g.writeStartObject();
                    g.writeStringField("version", t.version());
                    g.writeStringField("result", t.result().id());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("durationMs", u.durationMs());
                g.writeStringField("log", path(u.log()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(Optional<Path> p) {
        return p.map(DisplayPath::of).orElse(null);
    }
}
