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
import java.util.List;
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

    private List<SourceRef> npm(String name) {
        String url = npm.registryFor(name) + name.replace("/", "%2f");
        Http.Response response = http.get(url, "application/json", npm.credentialsFor(url));
        String repository = "";
        String directory = "";
        String homepage = "";
        String bugs = "";
        try (JsonParser p = JSON.createParser(response.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RegistryException(Reason.MALFORMED, response.url(), "the packument is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "repository" -> {
                        if (value == JsonToken.START_OBJECT) {
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
                    case "bugs" -> bugs = value == JsonToken.START_OBJECT ? urlField(p) : stringOrEmpty(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new RegistryException(Reason.MALFORMED, response.url(), "the packument is not valid JSON");
        }
        return ProjectLinks.npm(repository, directory, homepage, bugs, urls);
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
