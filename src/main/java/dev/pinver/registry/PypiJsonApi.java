package dev.pinver.registry;

import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads PyPI's JSON API ({@code /pypi/<name>/json}): {@code info.project_urls}, and under
 * {@code releases} each version's files with {@code upload_time_iso_8601}, {@code yanked},
 * {@code yanked_reason} and {@code requires_python}. A release without files is left out, as pip
 * cannot install it and simple indexes do not list it.
 */
final class PypiJsonApi {

    /** The parts of the answer pinver uses. */
    record Answer(List<IndexFile> files, Map<String, String> projectUrls) {
    }

    /** Answers as {@link Http} keeps them beside the cached body: files and project links. */
    static final Reduction<Answer> REDUCTION = new Reduction<>() {
        @Override
        public String name() {
            return "pypi-json.1";
        }

        @Override
        public Answer reduce(Http.Response response) {
            return PypiJsonApi.read(response.body(), response.url());
        }

        @Override
        public void write(Answer answer, DataOutput out) throws IOException {
            IndexFile.writeAll(answer.files(), out);
            out.writeInt(answer.projectUrls().size());
            for (Map.Entry<String, String> link : answer.projectUrls().entrySet()) {
                Reduction.writeString(out, link.getKey());
                Reduction.writeString(out, link.getValue());
            }
        }

        @Override
        public Answer read(DataInput in) throws IOException {
            List<IndexFile> files = IndexFile.readAll(in);
            Map<String, String> projectUrls = new LinkedHashMap<>();
            for (int i = Reduction.readCount(in); i > 0; i--) {
                projectUrls.put(Reduction.readString(in), Reduction.readString(in));
            }
            return new Answer(files, projectUrls);
        }
    };

    private PypiJsonApi() {
    }

    static Answer read(byte[] body, String url) {
        return JsonReading.read(body, url, json -> {
            json.requireObject("the answer");
            List<IndexFile> files = new ArrayList<>();
            Map<String, String> projectUrls = new LinkedHashMap<>();
            boolean sawReleases = false;
            for (String field = json.nextField(); field != null; field = json.nextField()) {
                switch (field) {
                    case "info" -> projectUrls.putAll(info(json));
                    case "releases" -> {
                        sawReleases = true;
                        json.requireObject("releases");
                        for (String version = json.nextField(); version != null; version = json.nextField()) {
                            json.requireArray("releases." + version);
                            while (json.nextElement()) {
                                files.add(file(json, version));
                            }
                        }
                    }
                    default -> json.skip();
                }
            }
            if (!sawReleases) {
                throw json.malformed("no releases");
            }
            return new Answer(files, projectUrls);
        });
    }

    private static Map<String, String> info(JsonReading json) throws IOException {
        json.requireObject("info");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            if (field.equals("project_urls") && json.current() != JsonToken.VALUE_NULL) {
                json.requireObject("info.project_urls");
                for (String label = json.nextField(); label != null; label = json.nextField()) {
                    Optional<String> link = json.nullableString("info.project_urls." + label);
                    if (link.isPresent()) {
                        urls.put(label, link.get());
                    }
                }
            } else {
                json.skip();
            }
        }
        return urls;
    }

    private static IndexFile file(JsonReading json, String version) throws IOException {
        json.requireObject("a file of " + version);
        String filename = null;
        boolean yanked = false;
        Optional<String> reason = Optional.empty();
        Optional<String> requiresPython = Optional.empty();
        Optional<Instant> uploaded = Optional.empty();
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "filename" -> filename = json.string("filename");
                case "yanked" -> yanked = json.bool("yanked");
                case "yanked_reason" -> reason = json.nullableString("yanked_reason").filter(r -> !r.isEmpty());
                case "requires_python" -> requiresPython = json.nullableString("requires_python").filter(r -> !r.isBlank());
                case "upload_time_iso_8601" -> uploaded = json.nullableTimestamp("upload_time_iso_8601");
                default -> json.skip();
            }
        }
        if (filename == null) {
            throw json.malformed("a file of " + version + " has no filename");
        }
        return new IndexFile(version, filename, uploaded, yanked, yanked ? reason : Optional.empty(), requiresPython);
    }
}
