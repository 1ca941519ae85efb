package dev.pinver.registry;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a project page of a JSON simple index (PEP 691, {@code application/vnd.pypi.simple.v1+json}):
 * {@code meta.api-version} (major 1), and for each entry of {@code files} its {@code filename},
 * {@code yanked} (a boolean, or a string giving the reason), {@code requires-python} and PEP 700's
 * {@code upload-time}. The version of a file comes from its name, as with HTML pages.
 */
final class SimpleJson {

    private SimpleJson() {
    }

    static List<IndexFile> files(byte[] page, String url, String project) {
        return JsonReading.read(page, url, json -> {
            json.requireObject("the page");
            List<IndexFile> files = new ArrayList<>();
            boolean sawMeta = false;
            for (String field = json.nextField(); field != null; field = json.nextField()) {
                switch (field) {
                    case "meta" -> {
                        checkMeta(json);
                        sawMeta = true;
                    }
                    case "files" -> {
                        json.requireArray("files");
                        while (json.nextElement()) {
                            file(json, project).ifPresent(files::add);
                        }
                    }
                    default -> json.skip();
                }
            }
            if (!sawMeta) {
                throw json.malformed("no meta.api-version");
            }
            return files;
        });
    }

    private static void checkMeta(JsonReading json) throws IOException {
        json.requireObject("meta");
        String version = null;
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            if (field.equals("api-version")) {
                version = json.string("meta.api-version");
            } else {
                json.skip();
            }
        }
        if (version == null || (!version.startsWith("1.") && !version.equals("1"))) {
            throw json.malformed("unsupported simple repository API version " + version);
        }
    }

    private static Optional<IndexFile> file(JsonReading json, String project) throws IOException {
        json.requireObject("a file entry");
        String filename = null;
        boolean yanked = false;
        Optional<String> reason = Optional.empty();
        Optional<String> requiresPython = Optional.empty();
        Optional<Instant> uploaded = Optional.empty();
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "filename" -> filename = json.string("filename");
                case "yanked" -> {
                    if (json.isString()) {
                        yanked = true;
                        reason = Optional.of(json.string("yanked")).filter(r -> !r.isEmpty());
                    } else {
                        yanked = json.bool("yanked");
                    }
                }
                case "requires-python" -> requiresPython = json.nullableString("requires-python").filter(r -> !r.isBlank());
                case "upload-time" -> uploaded = json.nullableTimestamp("upload-time");
                default -> json.skip();
            }
        }
        if (filename == null) {
            throw json.malformed("a file entry has no filename");
        }
        Optional<String> version = DistFilename.version(filename, project);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IndexFile(version.get(), filename, uploaded, yanked, reason, requiresPython));
    }
}
