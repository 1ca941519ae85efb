package dev.pinver.registry;

import dev.pinver.registry.RegistryException.Reason;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.NpmVersion;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an npm packument, full or abbreviated ({@code application/vnd.npm.install-v1+json}), as a
 * stream: {@code name}, {@code dist-tags}, each version's {@code deprecated}, {@code time} (full form:
 * {@code created}, {@code modified} and one publish date per version; other entries such as
 * {@code unpublished} are skipped) and {@code modified} (abbreviated form). Everything else, including
 * each version's manifest, is skipped without being kept.
 */
final class Packument {

    private static final Logger LOG = LoggerFactory.getLogger(Packument.class);

    private Packument() {
    }

    /** Packuments as {@link Http} keeps them: only what {@link NpmPackage} holds. */
    static Reduction<NpmPackage> reduction(String requestedName) {
        return new Kept(requestedName);
    }

    /** The {@link Reduction} of packuments of one package. */
    private record Kept(String requestedName) implements Reduction<NpmPackage> {

        @Override
        public String name() {
            return "npm-package.1";
        }

        @Override
        public NpmPackage reduce(Http.Response response) {
            return Packument.read(response.body(), response.url(), requestedName);
        }

        @Override
        public void write(NpmPackage p, DataOutput out) throws IOException {
            Reduction.writeString(out, p.name());
            Reduction.writeOptionalInstant(out, p.modified());
            out.writeInt(p.distTags().size());
            for (Map.Entry<String, String> tag : p.distTags().entrySet()) {
                Reduction.writeString(out, tag.getKey());
                Reduction.writeString(out, tag.getValue());
            }
            out.writeInt(p.releases().size());
            for (NpmRelease release : p.releases()) {
                Reduction.writeString(out, release.version());
                Reduction.writeOptionalInstant(out, release.published());
                Reduction.writeOptionalString(out, release.deprecated());
            }
        }

        @Override
        public NpmPackage read(DataInput in) throws IOException {
            String name = Reduction.readString(in);
            if (!name.equals(requestedName)) {
                throw new IOException("kept for " + name + ", not " + requestedName);
            }
            Optional<Instant> modified = Reduction.readOptionalInstant(in);
            Map<String, String> distTags = new LinkedHashMap<>();
            for (int i = Reduction.readCount(in); i > 0; i--) {
                distTags.put(Reduction.readString(in), Reduction.readString(in));
            }
            List<NpmRelease> releases = Reduction.readList(in, release -> {
                String version = Reduction.readString(release);
                return new NpmRelease(version, NpmVersion.parse(version), Reduction.readOptionalInstant(release),
                        Reduction.readOptionalString(release));
            });
            return new NpmPackage(name, releases, distTags, modified);
        }
    }

    static NpmPackage read(byte[] body, String url, String requestedName) {
        return JsonReading.read(body, url, json -> {
            json.requireObject("the packument");
            String name = requestedName;
            Map<String, String> distTags = new LinkedHashMap<>();
            Map<String, Optional<String>> deprecated = new LinkedHashMap<>();
            Map<String, String> time = new HashMap<>();
            Optional<String> modified = Optional.empty();
            for (String field = json.nextField(); field != null; field = json.nextField()) {
                switch (field) {
                    case "name" -> name = json.string("name");
                    case "dist-tags" -> {
                        json.requireObject("dist-tags");
                        for (String tag = json.nextField(); tag != null; tag = json.nextField()) {
                            distTags.put(tag, json.string("dist-tags." + tag));
                        }
                    }
                    case "versions" -> {
                        json.requireObject("versions");
                        for (String version = json.nextField(); version != null; version = json.nextField()) {
                            deprecated.put(version, deprecation(json, version));
                        }
                    }
                    case "time" -> {
                        json.requireObject("time");
                        for (String key = json.nextField(); key != null; key = json.nextField()) {
                            if (json.isString()) {
                                time.put(key, json.string("time." + key));
                            } else {
                                json.skip();
                            }
                        }
                    }
                    case "modified" -> modified = Optional.of(json.string("modified"));
                    default -> json.skip();
                }
            }
            if (!name.equals(requestedName)) {
                throw json.malformed("the packument is for " + name + ", not " + requestedName);
            }
            List<NpmRelease> releases = new ArrayList<>();
            for (Map.Entry<String, Optional<String>> entry : deprecated.entrySet()) {
                String version = entry.getKey();
                NpmVersion parsed;
                try {
                    parsed = NpmVersion.parse(version);
                } catch (InvalidSpecException e) {
                    LOG.debug("{}: skipping version {}, not SemVer", url, version);
                    continue;
                }
                Optional<Instant> published = Optional.ofNullable(time.get(version)).map(t -> timestamp(t, url, "time." + version));
                releases.add(new NpmRelease(version, parsed, published, entry.getValue()));
            }
            releases.sort(Comparator.comparing(NpmRelease::parsed));
            Optional<Instant> changed = modified.or(() -> Optional.ofNullable(time.get("modified")))
                    .map(t -> timestamp(t, url, "modified"));
            return new NpmPackage(name, releases, distTags, changed);
        });
    }

    private static Optional<String> deprecation(JsonReading json, String version) throws IOException {
        json.requireObject("versions." + version);
        Optional<String> message = Optional.empty();
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            if (!field.equals("deprecated")) {
                json.skip();
            } else if (json.isBoolean()) {
                message = json.bool("deprecated") ? Optional.of("") : Optional.empty();
            } else {
                message = Optional.of(json.string("versions." + version + ".deprecated")).filter(m -> !m.isEmpty());
            }
        }
        return message;
    }

    private static Instant timestamp(String text, String url, String what) {
        return JsonReading.parseTimestamp(text).orElseThrow(() -> new RegistryException(Reason.MALFORMED, url,
                what + " is not an ISO 8601 timestamp: " + (text.length() > 40 ? text.substring(0, 40) + "…" : text)));
    }
}
