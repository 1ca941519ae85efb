package dev.pinver.registry;

import dev.pinver.version.InvalidSpecException;
import dev.pinver.version.MavenVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.spi.connector.layout.RepositoryLayoutProvider;
import org.eclipse.aether.spi.connector.transport.GetTask;
import org.eclipse.aether.spi.connector.transport.TransportListener;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterProvider;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.NoTransporterException;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of Maven artifacts, read from repository metadata ({@code maven-metadata.xml}) through
 * Maven Resolver, the way Maven itself sees them: Maven Central, the active settings.xml profiles'
 * repositories and the pom's own, with settings.xml mirrors, credentials and proxies applied. Each
 * repository's metadata is downloaded with Resolver's transport for that repository and its layout, and the
 * versions merged; the download is kept in the local repository where Maven keeps it
 * ({@code maven-metadata-<repository id>.xml}), which is what offline lookups read and what answers for a
 * repository that fails. Resolver's own metadata resolution is not used: its lock files, tracking files and
 * update checks cost a cold run of 40 artifacts ~55 ms, and when to ask again is decided here instead.
 * With an {@link MavenOptions#answerCache()}, complete answers are kept there ({@link MavenAnswers}) and a
 * later lookup that finds its answer still good there asks no repository (unless refreshing); without
 * one, every lookup asks.
 *
 * <p>Failures are values: a failure for one artifact ({@link MavenFailure}) never affects the others, and
 * its message holds no credential. Resolver's own logging is switched off (it could print repository
 * URLs with credentials); everything it reports reaches the caller through the results instead.
 *
 * <p>Thread-safe. One instance holds one Resolver system and session; {@link #close()} releases them.
 */
public final class MavenRegistry implements AutoCloseable {

    static {
        for (String logger : List.of("org.eclipse.aether", "org.apache.http", "org.apache.maven")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "off");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MavenRegistry.class);
    private static final String METADATA = "maven-metadata.xml";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 60_000;

    private final RepositorySystem system;
    private final RepositorySystemSession.CloseableSession session;
    private final TransporterProvider transporters;
    private final RepositoryLayoutProvider layouts;
    private final Path localRepository;
    private final List<MavenEffectiveRepository> repositories;
    private final List<RemoteRepository> readable;
    private final List<String> refused;
    private final List<String> warnings;
    private final MavenFailures failures;
    private final boolean includeSnapshots;
    private final boolean offline;
    private final boolean refresh;
    private final Optional<MavenAnswers> answerCache;
    /** The repositories asked, as part of each {@link MavenAnswers} question. */
    private final String asked;
    private final MavenTls tls;
    private final ExecutorService executor;
    private final Map<String, Optional<Instant>> published = new ConcurrentHashMap<>();
    private final Map<RemoteRepository, Transporter> transporterByRepository = new ConcurrentHashMap<>();

    private MavenRegistry(MavenOptions options) {
        MavenSettings settings = options.settings();
        this.localRepository = options.localRepository().or(settings::localRepository)
                .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository")).toAbsolutePath();
        this.includeSnapshots = options.includeSnapshots();
        this.offline = options.offline() || settings.offline();
        this.failures = new MavenFailures(settings.secrets());
        this.refresh = options.refresh();
        this.answerCache = options.answerCache().map(c -> new MavenAnswers(c.dir(), c.ttl()));

        RepositorySystemSupplier supplier = new RepositorySystemSupplier();
        this.system = supplier.get();
        this.transporters = supplier.getTransporterProvider();
        this.layouts = supplier.getRepositoryLayoutProvider();

        List<String> notes = new ArrayList<>();
        DefaultAuthenticationSelector credentials = credentials(settings, notes);
        this.tls = new MavenTls(options.extraCaFile());
        this.session = session(system, options, localRepository, offline, credentials, tls);

        List<MavenEffectiveRepository> effective = new ArrayList<>();
        List<RemoteRepository> usable = new ArrayList<>();
        List<String> notAsked = new ArrayList<>();
        for (RemoteRepository repository : system.newResolutionRepositories(session, declared(settings, options))) {
            Optional<String> refusal = refusal(repository, options.allowInsecureHttp());
            refusal.ifPresentOrElse(r -> notAsked.add(failures.name(repository) + ": " + r), () -> usable.add(repository));
            Proxy proxy = repository.getProxy();
            effective.add(new MavenEffectiveRepository(
                    repository.getId(),
                    failures.redact(repository.getUrl()),
                    repository.getMirroredRepositories().stream().map(RemoteRepository::getId).toList(),
                    credentials.getAuthentication(repository) != null || settings.servers().stream()
                            .anyMatch(s -> s.id().equals(repository.getId()) && !s.headers().isEmpty()),
                    proxy == null ? Optional.empty() : Optional.of(proxy.getHost() + ":" + proxy.getPort()),
                    refusal));
        }
        notAsked.forEach(r -> notes.add("repository " + r));
        this.repositories = List.copyOf(effective);
        this.readable = List.copyOf(usable);
        this.refused = List.copyOf(notAsked);
        this.warnings = List.copyOf(notes);
        StringBuilder question = new StringBuilder(includeSnapshots ? "with snapshots" : "releases only");
        for (RemoteRepository r : readable) {
            question.append('\n').append(r.getId()).append(' ').append(r.getUrl()).append(' ')
                    .append(r.getPolicy(false).isEnabled()).append(' ').append(r.getPolicy(true).isEnabled());
        }
        this.asked = question.toString();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.parallelism(), task -> {
            Thread thread = new Thread(task, "pinver-maven-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static RepositorySystemSession.CloseableSession session(RepositorySystem system, MavenOptions options,
            Path localRepository, boolean offline, AuthenticationSelector credentials, MavenTls tls) {
        MavenSettings settings = options.settings();
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setOffline(offline)
                // as in Maven, a session cache: Resolver's HTTP transport keeps its connection pool there, so
                // lookups share a few TLS connections instead of opening one each
                .setCache(new DefaultRepositoryCache())
                .setMirrorSelector(mirrors(settings))
                .setAuthenticationSelector(withTls(credentials, tls))
                .setProxySelector(proxies(settings))
                .setConfigProperty("aether.transport.http.userAgent", "pinver")
                .setConfigProperty("aether.transport.http.connectTimeout", CONNECT_TIMEOUT_MS)
                .setConfigProperty("aether.transport.http.requestTimeout", REQUEST_TIMEOUT_MS);
        for (MavenSettings.Server server : settings.servers()) {
            if (!server.headers().isEmpty()) {
                builder.setConfigProperty("aether.transport.http.headers." + server.id(), server.headers());
            }
        }
        return builder.build();
    }

    /** Opens Resolver with these options; close the registry when done. */
    public static MavenRegistry open(MavenOptions options) {
        return new MavenRegistry(options);
    }

    /**
     * The repositories as declared, in Maven's order: the active settings profiles' repositories, then
     * the pom's, then Maven Central; a later one with an id already seen is dropped (a pom's
     * {@code central} replaces Maven's).
     */
    private static List<RemoteRepository> declared(MavenSettings settings, MavenOptions options) {
        Map<String, RemoteRepository> byId = new LinkedHashMap<>();
        List<MavenRepository> all = new ArrayList<>(settings.repositories());
        all.addAll(options.repositories());
        all.add(MavenRepository.CENTRAL);
        for (MavenRepository repository : all) {
            byId.putIfAbsent(repository.id(), new RemoteRepository.Builder(repository.id(), "default", repository.url())
                    .setReleasePolicy(policy(repository.releases()))
                    .setSnapshotPolicy(policy(repository.snapshots()))
                    .build());
        }
        return List.copyOf(byId.values());
    }

    /**
     * Only whether a repository serves releases and snapshots counts here: pinver downloads metadata itself
     * and decides itself when to ask again, so Resolver's update and checksum policies are never consulted.
     * (No checksum files are asked for: Maven's default policy only warns on a mismatch.)
     */
    private static RepositoryPolicy policy(boolean enabled) {
        return new RepositoryPolicy(enabled, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_IGNORE);
    }

    private static DefaultMirrorSelector mirrors(MavenSettings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : settings.mirrors()) {
            selector.add(m.id(), m.url(), m.layout(), false, m.blocked(), m.mirrorOf(), m.mirrorOfLayouts());
        }
        return selector;
    }

    private static DefaultAuthenticationSelector credentials(MavenSettings settings, List<String> notes) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (MavenSettings.Server server : settings.servers()) {
            if (server.encrypted()) {
                notes.add("server '" + server.id() + "' in settings.xml has an encrypted password, which pinver cannot"
                        + " decrypt; its credentials are not sent (put the plain password in an environment variable and"
                        + " write ${env.NAME} instead)");
            } else if (!server.username().isEmpty() || !server.password().isEmpty()) {
                selector.add(server.id(), new AuthenticationBuilder()
                        .addUsername(server.username()).addPassword(server.password()).build());
            }
        }
        return selector;
    }

    /** Each repository's credentials, if any, and pinver's TLS. */
    private static AuthenticationSelector withTls(AuthenticationSelector credentials, MavenTls tls) {
        return repository -> new AuthenticationBuilder().addCustom(credentials.getAuthentication(repository)).addCustom(tls).build();
    }

    private static DefaultProxySelector proxies(MavenSettings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (MavenSettings.Proxy p : settings.proxies()) {
            if (p.active()) {
                Authentication auth = p.username().isEmpty() && p.password().isEmpty() ? null
                        : new AuthenticationBuilder().addUsername(p.username()).addPassword(p.password()).build();
                selector.add(new Proxy(p.protocol(), p.host(), p.port(), auth), p.nonProxyHosts());
            }
        }
        return selector;
    }

    private static Optional<String> refusal(RemoteRepository repository, boolean allowInsecureHttp) {
        if (repository.isBlocked()) {
            return Optional.of("blocked by mirror '" + repository.getId() + "' in settings.xml");
        }
        if (repository.getUrl().isBlank()) {
            return Optional.of("no URL");
        }
        return switch (repository.getProtocol().toLowerCase(Locale.ROOT)) {
            case "https", "file" -> Optional.empty();
            case "http" -> allowInsecureHttp ? Optional.empty()
                    : Optional.of("plain http:// is refused; allow insecure http to read it");
            default -> Optional.of("unsupported protocol '" + repository.getProtocol() + "'");
        };
    }

    /** Every repository after settings.xml applied, in the order they are asked, refused ones included. */
    public List<MavenEffectiveRepository> repositories() {
        return repositories;
    }

    /** What the user should know about the configuration: refused repositories, credentials not sent. */
    public List<String> warnings() {
        return warnings;
    }

    /** The local repository used as cache (and, offline, as the only source). */
    public Path localRepository() {
        return localRepository;
    }

    /** The versions of one artifact, looked up in the calling thread. */
    public MavenOutcome versions(String groupId, String artifactId) {
        return lookup(new MavenCoordinates(groupId, artifactId));
    }

    /**
     * The versions of each artifact, looked up concurrently (at most {@link MavenOptions#parallelism()} at
     * once); one outcome per element of {@code coordinates}, in the same order, duplicates looked up once.
     */
    public List<MavenOutcome> versionsAll(List<MavenCoordinates> coordinates) {
        Map<MavenCoordinates, Future<MavenOutcome>> pending = new LinkedHashMap<>();
        for (MavenCoordinates c : coordinates) {
            pending.computeIfAbsent(c, key -> executor.submit(() -> lookup(key)));
        }
        List<MavenOutcome> outcomes = new ArrayList<>(coordinates.size());
        for (MavenCoordinates c : coordinates) {
            outcomes.add(await(c, pending.get(c)));
        }
        return outcomes;
    }

    private MavenOutcome await(MavenCoordinates coordinates, Future<MavenOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unexpected(coordinates, "interrupted");
        } catch (ExecutionException e) {
            return unexpected(coordinates, String.valueOf(e.getCause()));
        }
    }

    private MavenFailure unexpected(MavenCoordinates coordinates, String reason) {
        String message = failures.redact(coordinates + ": lookup failed: " + reason);
        return new MavenFailure(coordinates, MavenFailure.Kind.UNREACHABLE, message, List.of());
    }

    private MavenOutcome lookup(MavenCoordinates coordinates) {
        String problem = coordinates.problem();
        if (problem != null) {
            return new MavenFailure(coordinates, MavenFailure.Kind.INVALID, failures.redact(coordinates + ": " + problem),
                    List.of());
        }
        if (readable.isEmpty()) {
            return failures.summary(coordinates, List.of(), refused);
        }
        String question = coordinates + "\n" + asked;
        if (!refresh) {
            Optional<MavenVersions> kept = answerCache.flatMap(a -> a.read(question, coordinates, Instant.now()));
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        if (!offline) {
            tls.prepare(); // Resolver is about to ask a repository
        }
        try {
            return read(coordinates, question);
        } catch (RuntimeException e) {
            return unexpected(coordinates, e.toString());
        }
    }

    private record Found(RemoteRepository repository, MavenMetadata metadata, Optional<MavenAnswers.Source> source) {
    }

    /**
     * Asks each repository for the artifact's metadata (offline: reads the copies the local repository
     * holds), merges what they list, and keeps a complete answer as the answer to {@code question}.
     */
    private MavenOutcome read(MavenCoordinates coordinates, String question) {
        Metadata metadata = new DefaultMetadata(coordinates.groupId(), coordinates.artifactId(), METADATA,
                Metadata.Nature.RELEASE_OR_SNAPSHOT);
        List<Found> found = new ArrayList<>();
        List<MavenFailure.RepositoryFailure> answers = new ArrayList<>();
        List<MavenFailure.RepositoryFailure> incomplete = new ArrayList<>();
        for (RemoteRepository repository : readable) {
            Path copy = session.getLocalRepositoryManager().getAbsolutePathForRemoteMetadata(metadata, repository, "");
            Reading reading = offline ? fromCopy(coordinates, repository, copy)
                    : fromRepository(coordinates, repository, metadata, copy);
            reading.found().ifPresent(found::add);
            reading.failure().ifPresent(reading.found().isPresent() ? incomplete::add : answers::add);
        }
        if (found.isEmpty()) {
            return failures.summary(coordinates, answers, refused);
        }
        answers.stream().filter(a -> a.kind() != MavenFailure.Kind.NOT_FOUND).forEach(incomplete::add);
        MavenVersions versions = merge(coordinates, found, incomplete);
        if (incomplete.isEmpty() && found.stream().allMatch(f -> f.source().isPresent())) {
            answerCache.ifPresent(a -> a.write(question, versions,
                    found.stream().map(f -> f.source().get()).toList(), Instant.now()));
        }
        return versions;
    }

    /** What one repository gave: its metadata, why not, or both (a failed download answered by the copy before). */
    private record Reading(Optional<Found> found, Optional<MavenFailure.RepositoryFailure> failure) {

        static Reading of(Found found) {
            return new Reading(Optional.of(found), Optional.empty());
        }

        static Reading of(MavenFailure.RepositoryFailure failure) {
            return new Reading(Optional.empty(), Optional.of(failure));
        }
    }

    /** Offline: the copy the local repository holds. */
    private Reading fromCopy(MavenCoordinates coordinates, RemoteRepository repository, Path copy) {
        if (!Files.isRegularFile(copy)) {
            return Reading.of(failures.offline(repository));
        }
        try {
            return Reading.of(copyOf(coordinates, repository, copy));
        } catch (MavenMetadata.Malformed e) {
            return Reading.of(failures.malformed(repository, e.getMessage()));
        } catch (IOException e) {
            return Reading.of(failures.unreadableCopy(repository, e));
        }
    }

    /**
     * Online: the repository's metadata, kept as the local repository's copy; when the repository cannot be
     * read, the copy an earlier download left, with the failure.
     */
    private Reading fromRepository(MavenCoordinates coordinates, RemoteRepository repository, Metadata metadata, Path copy) {
        try {
            byte[] body = download(repository, metadata);
            MavenMetadata read = MavenMetadata.parse(body, coordinates);
            return Reading.of(new Found(repository, read, keep(copy, body)));
        } catch (MavenMetadata.Malformed e) {
            return Reading.of(failures.malformed(repository, e.getMessage()));
        } catch (Exception e) {
            MavenFailure.RepositoryFailure failure = isNotFound(repository, e) ? failures.notFound(repository)
                    : failures.of(repository, e);
            if (failure.kind() == MavenFailure.Kind.NOT_FOUND) {
                deleteCopy(copy); // it must not answer offline for a repository that no longer has it
                return Reading.of(failure);
            }
            return copyBefore(coordinates, repository, copy)
                    .map(before -> new Reading(Optional.of(before), Optional.of(new MavenFailure.RepositoryFailure(
                            failure.repository(), failure.kind(), failure.message() + " (the copy downloaded before was used)"))))
                    .orElse(Reading.of(failure));
        }
    }

    /**
     * The metadata file of {@code repository}, through Resolver's transport for it (settings.xml's mirror,
     * credentials, proxy and headers for that repository, pinver's TLS), held in memory up to
     * {@link MavenMetadata#MAX_BYTES}.
     *
     * @throws MavenMetadata.Malformed when the file is larger than that
     * @throws Exception the transport's failure, for {@link #isNotFound} and {@link MavenFailures#of}
     */
    private byte[] download(RemoteRepository repository, Metadata metadata) throws Exception {
        URI location = layouts.newRepositoryLayout(session, repository).getLocation(metadata, false);
        SizeLimit limit = new SizeLimit();
        GetTask task = new GetTask(location).setListener(limit);
        try {
            transporter(repository).get(task);
        } catch (Exception e) {
            if (limit.exceeded) {
                throw limit.failure();
            }
            throw e;
        }
        return task.getDataBytes();
    }

    /** Stops a download once it is larger than metadata can be. */
    private static final class SizeLimit extends TransportListener {

        private long received;
        private boolean exceeded;

        @Override
        public void transportStarted(long offset, long length) throws TransferCancelledException {
            check(length);
        }

        @Override
        public void transportProgressed(ByteBuffer data) throws TransferCancelledException {
            received += data.remaining();
            check(received);
        }

        private void check(long bytes) throws TransferCancelledException {
            if (bytes > MavenMetadata.MAX_BYTES) {
                exceeded = true;
                throw new TransferCancelledException("metadata larger than " + MavenMetadata.MAX_BYTES + " bytes");
            }
        }

        MavenMetadata.Malformed failure() {
            return new MavenMetadata.Malformed("metadata larger than the limit of " + MavenMetadata.MAX_BYTES + " bytes");
        }
    }

    private boolean isNotFound(RemoteRepository repository, Exception e) {
        Transporter transporter = transporterByRepository.get(repository);
        return transporter != null && transporter.classify(e) == Transporter.ERROR_NOT_FOUND;
    }

    /** Resolver's transport for {@code repository}, made on first use and shared by all lookups. */
    private Transporter transporter(RemoteRepository repository) throws NoTransporterException {
        synchronized (transporterByRepository) {
            Transporter transporter = transporterByRepository.get(repository);
            if (transporter == null) {
                transporter = transporters.newTransporter(session, repository);
                transporterByRepository.put(repository, transporter);
            }
            return transporter;
        }
    }

    /** The local repository's copy of a repository's metadata. */
    private static Found copyOf(MavenCoordinates coordinates, RemoteRepository repository, Path copy)
            throws MavenMetadata.Malformed, IOException {
        MavenAnswers.Source source = MavenAnswers.Source.of(copy);
        return new Found(repository, MavenMetadata.read(copy, coordinates), Optional.of(source));
    }

    /** The copy an earlier download left, when there is a sound one, to answer for a repository that failed now. */
    private static Optional<Found> copyBefore(MavenCoordinates coordinates, RemoteRepository repository, Path copy) {
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        try {
            return Optional.of(copyOf(coordinates, repository, copy));
        } catch (MavenMetadata.Malformed | IOException e) {
            LOG.debug("cannot use the copy {}: {}", copy, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Keeps a downloaded metadata file in the local repository, where Maven keeps it too: what {@code --offline}
     * and a failed download read later. Written whole or not at all.
     *
     * @return the copy as written; empty when it could not be written
     */
    private static Optional<MavenAnswers.Source> keep(Path copy, byte[] body) {
        if (!HttpCache.atomicWrite(copy, body)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MavenAnswers.Source.of(copy));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteCopy(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", copy, e.toString());
        }
    }

    private record Listing(String version, MavenVersion parsed, String repository, Optional<Instant> bound) {

        Listing alsoIn(Optional<Instant> other) {
            Optional<Instant> tighter = bound.isEmpty() ? other
                    : other.filter(o -> o.isBefore(bound.get())).or(() -> bound);
            return new Listing(version, parsed, repository, tighter);
        }
    }

    private MavenVersions merge(MavenCoordinates coordinates, List<Found> found, List<MavenFailure.RepositoryFailure> incomplete) {
        Map<String, Listing> listings = new LinkedHashMap<>();
        Optional<Instant> newest = Optional.empty();
        for (Found f : found) {
            Optional<Instant> updated = f.metadata().lastUpdated();
            if (updated.isPresent() && (newest.isEmpty() || updated.get().isAfter(newest.get()))) {
                newest = updated;
            }
            for (MavenVersion parsed : f.metadata().versions()) {
                String version = parsed.toString();
                boolean snapshot = parsed.isSnapshot();
                if ((snapshot && !includeSnapshots) || !f.repository().getPolicy(snapshot).isEnabled()) {
                    continue;
                }
                listings.merge(version, new Listing(version, parsed, f.repository().getId(), updated),
                        (first, later) -> first.alsoIn(later.bound()));
            }
        }
        List<MavenRelease> releases = listings.values().stream()
                .sorted(Comparator.comparing(Listing::parsed))
                .map(l -> new MavenRelease(l.version(), l.parsed(), l.repository(), l.bound()))
                .toList();
        return new MavenVersions(coordinates, releases, newest, incomplete);
    }

    /**
     * When a version was published, as the {@code Last-Modified} of its {@code .pom} (the modification time
     * of the file, for a {@code file:} repository), asked of the repositories in order until one has the pom.
     * One request per call, remembered for the life of the registry: meant for the few candidate versions a
     * {@code min-age} rule has to check, not for every version.
     *
     * @return empty when offline, for a snapshot (its pom is timestamped), when no repository has the pom,
     *     when the server sends no {@code Last-Modified}, or when the repositories cannot be reached
     */
    public Optional<Instant> publishedAt(String groupId, String artifactId, String version) {
        MavenCoordinates coordinates = new MavenCoordinates(groupId, artifactId);
        if (offline || coordinates.problem() != null || !isRelease(version)) {
            return Optional.empty();
        }
        String key = coordinates + ":" + version;
        Optional<Instant> known = published.get(key);
        if (known != null) {
            return known;
        }
        Artifact pom = new DefaultArtifact(groupId, artifactId, "", "pom", version);
        boolean failed = false;
        for (RemoteRepository repository : readable) {
            if (!repository.getPolicy(false).isEnabled()) {
                continue;
            }
            try {
                Optional<Optional<Instant>> answer = lastModified(repository, pom);
                if (answer.isPresent()) {
                    published.put(key, answer.get());
                    return answer.get();
                }
            } catch (Exception e) {
                failed = true;
            }
        }
        if (!failed) {
            published.put(key, Optional.empty());
        }
        return Optional.empty();
    }

    private static boolean isRelease(String version) {
        try {
            return !MavenVersion.parse(version).isSnapshot();
        } catch (InvalidSpecException e) {
            return false;
        }
    }

    /** Empty when the repository has no such pom; else its time, itself empty when the server gives none. */
    private Optional<Optional<Instant>> lastModified(RemoteRepository repository, Artifact pom) throws Exception {
        URI location = layouts.newRepositoryLayout(session, repository).getLocation(pom, false);
        if (repository.getProtocol().equalsIgnoreCase("file")) {
            String base = repository.getUrl().endsWith("/") ? repository.getUrl() : repository.getUrl() + "/";
            Path file = Path.of(URI.create(base).resolve(location));
            return Files.isRegularFile(file) ? Optional.of(Optional.of(Files.getLastModifiedTime(file).toInstant()))
                    : Optional.empty();
        }
        Path download = Files.createTempFile("pinver-", ".pom");
        try {
            Transporter transporter = transporter(repository);
            Instant asked = Instant.now();
            try {
                transporter.get(new GetTask(location).setDataPath(download));
            } catch (Exception e) {
                if (transporter.classify(e) == Transporter.ERROR_NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
            // Resolver's HTTP transport dates the file by Last-Modified when the server sends it; otherwise
            // the file keeps the time it was written, which is not before the request
            Instant modified = Files.getLastModifiedTime(download).toInstant();
            return Optional.of(modified.isBefore(asked.minusSeconds(1)) ? Optional.of(modified) : Optional.empty());
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** Stops the lookups still running and releases Resolver's session and system. */
    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (transporterByRepository) {
            transporterByRepository.values().forEach(Transporter::close);
            transporterByRepository.clear();
        }
        session.close();
        system.close();
    }
}
