package dev.pinver.notes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pinver.PinverException;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.PomProject;
import dev.pinver.manifest.PomReader;
import dev.pinver.registry.Http;
import dev.pinver.registry.NpmConfig;
import dev.pinver.registry.PypiRegistry;
import dev.pinver.registry.RegistryException;
import dev.pinver.registry.RegistryException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a package's registry says its sources are ({@link ProjectLinks} ranks them): PyPI's
 * {@code project_urls} (JSON API indexes only; simple indexes have none), the {@code repository},
 * {@code homepage} and {@code bugs} of an npm packument, and a Maven artifact's own pom
 * ({@code <scm>}, {@code <url>}; links a parent pom would give are not followed).
 */
public final class RegistryLinks {

    /** Maven Central, where poms are read unless another repository is given. */
    public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";

    private static final JsonFactory JSON = new JsonFactory();
    /** A Maven coordinate part as it may appear in a repository path: no slashes, no {@code ..}. */
    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final Http http;
    private final PypiRegistry pypi;
    private final NpmConfig npm;
    private final String mavenRepository;
    private final RepositoryUrls urls;

    /**
     * @param mavenRepository the Maven repository poms are read from, ending with {@code /}
     */
    public RegistryLinks(Http http, PypiRegistry pypi, NpmConfig npm, String mavenRepository, RepositoryUrls urls) {
        this.http = http;
        this.pypi = pypi;
        this.npm = npm;
        this.mavenRepository = mavenRepository.endsWith("/") ? mavenRepository : mavenRepository + "/";
        this.urls = urls;
    }

    /**
     * The sources the registry names for a package, best first.
     *
     * @param version the release whose metadata to read, where the registry keeps it per release
     *     (Maven); empty when unknown
     * @throws RegistryException when the registry cannot be asked or has no such package
     */
    public List<SourceRef> of(Ecosystem ecosystem, String name, Optional<String> version) {
        return switch (ecosystem) {
            case PYPI -> {
                try {
                    yield ProjectLinks.pypi(pypi.project(name).projectUrls(), urls);
                } catch (IllegalArgumentException e) {
                    throw new RegistryException(Reason.REFUSED, "pypi:" + name, "not a valid project name");
                }
            }
            case NPM -> npm(name);
            case MAVEN -> version.map(v -> maven(name, v)).orElse(List.of());
        };
    }

    /**
     * The project links of an npm package: the packument's own {@code repository}, {@code homepage} and
     * {@code bugs}, or, when it has none (registries and mirrors that serve reduced packuments), those of
     * the manifest of its {@code latest} version, where npm itself reads them ({@code npm repo}).
     */
    private List<SourceRef> npm(String name) {
        String url = npm.registryFor(name) + name.replace("/", "%2f");
        Http.Response response = http.get(url, "application/json", npm.credentialsFor(url));
        NpmLinks own = new NpmLinks();
        Map<String, NpmLinks> byVersion = new HashMap<>();
        String latest = null;
        try (JsonParser p = JSON.createParser(response.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RegistryException(Reason.MALFORMED, response.url(), "the packument is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dist-tags") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = p.currentName();
                        p.nextToken();
                        String version = stringOrEmpty(p);
                        latest = tag.equals("latest") ? version : latest;
                    }
                } else if (field.equals("versions") && p.currentToken() == JsonToken.START_OBJECT) {
                    // dist-tags usually come first; where they do not, every version's links are kept
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String version = p.currentName();
                        p.nextToken();
                        if ((latest == null || latest.equals(version)) && p.currentToken() == JsonToken.START_OBJECT) {
                            NpmLinks links = new NpmLinks();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                p.nextToken();
                                links.read(key, p);
                            }
                            byVersion.put(version, links);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    own.read(field, p);
                }
            }
        } catch (IOException e) {
            throw new RegistryException(Reason.MALFORMED, response.url(), "the packument is not valid JSON");
        }
        NpmLinks links = own.isEmpty() && latest != null ? byVersion.getOrDefault(latest, own) : own;
        return ProjectLinks.npm(links.repository, links.directory, links.homepage, links.bugs, urls);
    }

    /** The link fields of a packument or of one version's manifest; empty when absent. */
    private static final class NpmLinks {
        String repository = "";
        String directory = "";
        String homepage = "";
        String bugs = "";

        boolean isEmpty() {
            return repository.isEmpty() && homepage.isEmpty() && bugs.isEmpty();
        }

        /** Reads the value of {@code field}, which the parser is at, when it is a link; skips it otherwise. */
        void read(String field, JsonParser p) throws IOException {
            switch (field) {
                case "repository" -> {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            if (key.equals("url")) {
                                repository = stringOrEmpty(p);
                            } else if (key.equals("directory")) {
                                directory = stringOrEmpty(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        repository = stringOrEmpty(p);
                    }
                }
                case "homepage" -> homepage = stringOrEmpty(p);
                case "bugs" -> bugs = p.currentToken() == JsonToken.START_OBJECT ? urlField(p) : stringOrEmpty(p);
                default -> p.skipChildren();
            }
        }
    }

    private List<SourceRef> maven(String name, String version) {
        int colon = name.indexOf(':');
        String group = colon < 0 ? "" : name.substring(0, colon);
        String artifact = colon < 0 ? "" : name.substring(colon + 1);
        if (!COORDINATE.matcher(group).matches() || !COORDINATE.matcher(artifact).matches()
                || !COORDINATE.matcher(version).matches() || version.contains("..")) {
            throw new RegistryException(Reason.REFUSED, "maven:" + name + ":" + version, "not a group:artifact:version");
        }
        String file = artifact + "-" + version + ".pom";
        String url = mavenRepository + group.replace('.', '/') + "/" + artifact + "/" + version + "/" + file;
        Http.Response response = http.get(url, "application/xml, text/xml;q=0.9, */*;q=0.5");
        PomProject pom;
        try {
            pom = new PomReader(p -> Optional.empty()).project(Path.of(file), new String(response.body(), UTF_8));
        } catch (PinverException e) {
            throw new RegistryException(Reason.MALFORMED, response.url(), "not a readable pom");
        }
        return ProjectLinks.pom(pom, urls);
    }

    /** The current value when it is a string, else empty (the value is skipped). */
    private static String stringOrEmpty(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    /** The {@code url} field of the object the parser is at. */
    private static String urlField(JsonParser p) throws IOException {
        String url = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("url")) {
                url = stringOrEmpty(p);
            } else {
                p.skipChildren();
            }
        }
        return url;
    }
}
