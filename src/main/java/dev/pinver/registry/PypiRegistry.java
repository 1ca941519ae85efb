package dev.pinver.registry;

import dev.pinver.manifest.IndexOption;
import dev.pinver.manifest.Pep508;
import dev.pinver.registry.RegistryException.Reason;
import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.Pep440Version;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which releases of a PyPI project exist, merged over every configured index: PyPI's JSON API, or a
 * simple index in JSON (PEP 691) or HTML (PEP 503, 592, 629), chosen by the answer's content type.
 * Files are grouped into releases by PEP 440 version; file names or release keys that are not PEP 440
 * versions are skipped. An index that does not have the project is not an error; one that fails is
 * recorded in {@link PypiProject#failures()} while the others still count.
 */
public final class PypiRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PypiRegistry.class);

    private final Http http;
    private final List<PypiIndex> indexes;
    private final List<String> findLinks;

    public PypiRegistry(Http http, List<PypiIndex> indexes) {
        this(http, indexes, List.of());
    }

    /**
     * @param findLinks pip's {@code find-links}: local directories (paths or {@code file://} URLs) whose
     *     distribution files count as releases, and HTML pages (URLs, or local files) whose links do
     */
    public PypiRegistry(Http http, List<PypiIndex> indexes, List<String> findLinks) {
        this.http = http;
        this.indexes = List.copyOf(indexes);
        this.findLinks = List.copyOf(findLinks);
    }

    public List<PypiIndex> indexes() {
        return indexes;
    }

    /**
     * This registry with requirements files' index options applied, in order, as pip applies them
     * ({@link PipIndexes#withRequirementsOptions}, with {@code env} for {@code ${NAME}}); itself when
     * there are none.
     */
    public PypiRegistry withRequirementsOptions(List<IndexOption> options, Map<String, String> env) {
        if (options.isEmpty()) {
            return this;
        }
        List<String> urls = indexes.stream().map(PypiIndex::url).toList();
        return new PypiRegistry(http, PipIndexes.indexes(PipIndexes.withRequirementsOptions(urls, options, env)),
                PipIndexes.withRequirementsFindLinks(findLinks, options, env));
    }

    /** The releases of {@code name}, oldest first; see {@link #project}. */
    public List<PypiRelease> releases(String name) {
        return project(name).releases();
    }

    /**
     * What the indexes know about the project {@code name} (any spelling; it is normalised).
     *
     * @throws RegistryException {@code NOT_FOUND} when no index has it; the first failure when no index
     *     answered at all
     * @throws IllegalArgumentException when {@code name} is not a valid project name
     */
    public PypiProject project(String name) {
        if (!Pep508.isValidName(name)) {
            throw new IllegalArgumentException("not a valid project name: " + name);
        }
        String project = Pep508.normalise(name);
        List<IndexFile> files = new ArrayList<>();
        Map<String, String> projectUrls = new LinkedHashMap<>();
        List<RegistryException> failures = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        boolean found = false;
        for (PypiIndex index : indexes) {
            String url = index.projectUrl(project);
            try {
                if (index.api() == PypiIndex.Api.JSON) {
                    PypiJsonApi.Answer answer = http.get(url, "application/json", Optional.empty(), PypiJsonApi.REDUCTION);
                    files.addAll(answer.files());
                    answer.projectUrls().forEach(projectUrls::putIfAbsent);
                } else {
                    files.addAll(http.get(url, PypiIndex.SIMPLE_ACCEPT, Optional.empty(), new SimplePage(project)));
                }
                found = true;
            } catch (RegistryException e) {
                if (e.reason() == Reason.NOT_FOUND) {
                    lacking.add(e.url());
                } else {
                    failures.add(e);
                }
            }
        }
        for (String location : findLinks) {
            try {
                List<IndexFile> linked = linkedFiles(location, project);
                files.addAll(linked);
                found |= !linked.isEmpty();
            } catch (RegistryException e) {
                failures.add(e);
            }
        }
        if (!found) {
            throw notFound(project, failures, lacking);
        }
        return new PypiProject(project, merge(files), projectUrls, failures);
    }

    /**
     * The project's files at a {@code find-links} location, as pip reads one: a local directory's files
     * (not its subdirectories), else the links of the HTML page there. A local path that does not exist
     * has none (pip only warns).
     */
    private List<IndexFile> linkedFiles(String location, String project) {
        Optional<Path> local = localPath(location);
        if (local.isPresent() && Files.isDirectory(local.get())) {
            return directoryFiles(local.get(), location, project);
        }
        if (local.isPresent() && !Files.isRegularFile(local.get())) {
            LOG.debug("find-links {} does not exist", location);
            return List.of();
        }
        Http.Response response = http.get(local.map(path -> path.toUri().toString()).orElse(location), "text/html");
        return SimpleHtml.files(response.body(), response.url(), project);
    }

    /** The project's wheels and sdists in {@code directory}, by file name. */
    private static List<IndexFile> directoryFiles(Path directory, String location, String project) {
        List<IndexFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String filename = entry.getFileName().toString();
                DistFilename.version(filename, project).filter(v -> Files.isRegularFile(entry)).ifPresent(version ->
                        files.add(new IndexFile(version, filename, Optional.empty(), false, Optional.empty(), Optional.empty())));
            }
        } catch (IOException e) {
            throw new RegistryException(Reason.CONNECTION, location, "cannot list the find-links directory: " + e.getMessage());
        }
        files.sort(Comparator.comparing(IndexFile::filename));
        return files;
    }

    /** A {@code find-links} location as a local path: a plain path, or a {@code file://} URL. */
    private static Optional<Path> localPath(String location) {
        try {
            if (location.startsWith("file:")) {
                return Optional.of(Path.of(URI.create(location)));
            }
            return location.contains("://") ? Optional.empty() : Optional.of(Path.of(location).toAbsolutePath());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) { // InvalidPathException is one too
            return Optional.empty();
        }
    }

    private static RegistryException notFound(String project, List<RegistryException> failures, List<String> lacking) {
        if (!failures.isEmpty()) {
            RegistryException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            return first;
        }
        if (lacking.isEmpty()) {
            return new RegistryException(Reason.NOT_FOUND, "pypi:" + project, "no package index is configured");
        }
        String others = lacking.size() == 1 ? "" : " (nor on " + String.join(", ", lacking.subList(1, lacking.size())) + ")";
        return new RegistryException(Reason.NOT_FOUND, lacking.get(0), "no project " + project + others);
    }

    /** A simple index's page of one project (JSON or HTML, by its content type), kept as its files. */
    private record SimplePage(String project) implements Reduction<List<IndexFile>> {

        @Override
        public String name() {
            return "pypi-simple.1";
        }

        @Override
        public List<IndexFile> reduce(Http.Response response) {
            String type = response.mediaType();
            return switch (type) {
                case "application/vnd.pypi.simple.v1+json" -> SimpleJson.files(response.body(), response.url(), project);
                case "application/vnd.pypi.simple.v1+html", "text/html" -> SimpleHtml.files(response.body(), response.url(), project);
                default -> throw new RegistryException(Reason.MALFORMED, response.url(),
                        "unexpected Content-Type " + (type.isEmpty() ? "(none)" : type) + " for a simple index page");
            };
        }

        @Override
        public void write(List<IndexFile> files, DataOutput out) throws IOException {
            Reduction.writeString(out, project);
            IndexFile.writeAll(files, out);
        }

        @Override
        public List<IndexFile> read(DataInput in) throws IOException {
            String keptFor = Reduction.readString(in);
            if (!keptFor.equals(project)) {
                throw new IOException("kept for " + keptFor + ", not " + project);
            }
            return IndexFile.readAll(in);
        }
    }

    /** Files grouped into releases by version, oldest release first. */
    static List<PypiRelease> merge(List<IndexFile> files) {
        Map<Pep440Version, List<IndexFile>> byVersion = new TreeMap<>();
        for (IndexFile file : files) {
            try {
                byVersion.computeIfAbsent(Pep440Version.parse(file.version()), v -> new ArrayList<>()).add(file);
            } catch (InvalidSpecException e) {
                LOG.debug("skipping {}: {} is not a PEP 440 version", file.filename(), file.version());
            }
        }
        List<PypiRelease> releases = new ArrayList<>();
        byVersion.forEach((version, group) -> releases.add(release(version, group)));
        return releases;
    }

    private static PypiRelease release(Pep440Version version, List<IndexFile> files) {
        Optional<Instant> uploaded = files.stream().flatMap(f -> f.uploaded().stream()).min(Instant::compareTo);
        boolean yanked = files.stream().allMatch(IndexFile::yanked);
        Optional<String> reason = yanked
                ? files.stream().flatMap(f -> f.yankedReason().stream()).findFirst()
                : Optional.empty();
        Optional<String> requiresPython = files.stream().filter(f -> !f.yanked())
                .flatMap(f -> f.requiresPython().stream()).findFirst()
                .or(() -> files.stream().flatMap(f -> f.requiresPython().stream()).findFirst());
        return new PypiRelease(version.toString(), version, uploaded, yanked, reason, requiresPython);
    }
}
