package dev.pinver.outdated;

import dev.pinver.manifest.Ecosystem;
import dev.pinver.registry.Http;
import dev.pinver.registry.HttpOptions;
import dev.pinver.registry.NpmConfig;
import dev.pinver.registry.NpmRegistry;
import dev.pinver.registry.PipIndexes;
import dev.pinver.registry.PypiRegistry;
import dev.pinver.registry.Redact;
import dev.pinver.PinverException;
import dev.pinver.manifest.PomReader;
import dev.pinver.manifest.SourceText;
import dev.pinver.registry.MavenOptions;
import dev.pinver.registry.MavenRegistry;
import dev.pinver.registry.MavenRepository;
import dev.pinver.registry.MavenSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Builds each ecosystem's release source from the user's configuration: the one place registries are wired. */
public final class Registries {

    /**
     * What the command line says about registries.
     *
     * @param indexUrl PyPI's index ({@code --index-url}), replacing pip's configured one
     * @param extraIndexUrls more PyPI indexes ({@code --extra-index-url})
     * @param findLinks more places with PyPI releases ({@code --find-links}), directories or HTML pages, after those pip's configuration names
     * @param npmRegistry the npm registry ({@code --registry npm=URL}), replacing .npmrc's
     * @param mavenRepository a Maven repository ({@code --registry maven=URL}) used in place of Central
     * @param offline answer only from the cache
     * @param cacheDir where answers are cached; empty for the XDG default
     * @param allowInsecureHttp let plain {@code http://} registries be used
     * @param caFile an extra PEM bundle of trusted CAs
     * @throws PinverException of kind {@code USAGE} for a plain {@code http://} registry without {@code allowInsecureHttp}:
     *     a wrong setting, said once, not once per package
     */
    public record Options(Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks, Optional<String> npmRegistry,
            Optional<String> mavenRepository, boolean offline, Optional<Path> cacheDir, boolean allowInsecureHttp, Optional<Path> caFile) {

        public Options {
            extraIndexUrls = List.copyOf(extraIndexUrls);
            findLinks = List.copyOf(findLinks);
            if (!allowInsecureHttp) {
                Stream.of(indexUrl.stream(), extraIndexUrls.stream(), findLinks.stream(), npmRegistry.stream(), mavenRepository.stream())
                        .flatMap(urls -> urls)
                        .map(Registries::plainHttpRefusal)
                        .flatMap(Optional::stream)
                        .findFirst()
                        .ifPresent(refusal -> {
                            throw new PinverException(PinverException.Kind.USAGE, refusal);
                        });
            }
        }
    }

    /**
     * Why {@code url} is not used without {@code --allow-insecure-http}, in one line with the URL redacted:
     * it is plain {@code http://}. Empty for any other URL.
     */
    public static Optional<String> plainHttpRefusal(String url) {
        String given = url.strip();
        return given.regionMatches(true, 0, "http://", 0, "http://".length())
                ? Optional.of(Redact.url(given) + ": plain http:// is refused; use https:// or --allow-insecure-http")
                : Optional.empty();
    }

    private Registries() {
    }

    /**
     * The clients behind the release sources, for commands that need more than releases (release
     * notes read project URLs and repository links).
     *
     * @param http the one HTTP client every registry shares
     * @param pypi PyPI's indexes
     * @param npmConfig which npm registry serves which package, with which credentials
     * @param npm the npm registry
     * @param maven opens Maven Resolver on first use, so runs without a pom never pay for it
     * @param env the environment they were configured from, for {@code ${NAME}} in requirements files' index options
     */
    public record Clients(Http http, PypiRegistry pypi, NpmConfig npmConfig, NpmRegistry npm,
            Supplier<MavenRegistry> maven, Map<String, String> env) {
    }

    /**
     * @param projectDir where project-level configuration (.npmrc) is looked for
     */
    public static Clients clients(Options options, Path projectDir, Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        HttpOptions http = HttpOptions.defaults(env)
                .withOffline(options.offline())
                .withAllowInsecureHttp(options.allowInsecureHttp());
        http = options.cacheDir().map(http::withCacheDir).orElse(http);
        http = options.caFile().map(http::withExtraCaFile).orElse(http);
        Http client = new Http(http);
        PipIndexes.Sources pip = PipIndexes.sources(env, home, options.indexUrl(), options.extraIndexUrls());
        NpmConfig npm = NpmConfig.load(projectDir, home, env);
        npm = options.npmRegistry().map(npm::withRegistry).orElse(npm);
        List<String> findLinks = new ArrayList<>(pip.findLinks());
        findLinks.addAll(options.findLinks());
        PypiRegistry pypi = new PypiRegistry(client, PipIndexes.indexes(pip.indexUrls()), findLinks);
        return new Clients(client, pypi, npm, new NpmRegistry(client, npm),
                () -> maven(options, projectDir, client.options()), env);
    }

    /** The release source of each ecosystem pinver has a registry client for. */
    public static Map<Ecosystem, ReleaseSource> sources(Clients clients) {
        Map<Ecosystem, ReleaseSource> sources = new EnumMap<>(Ecosystem.class);
        sources.put(Ecosystem.PYPI, new PypiSource(clients.pypi(), clients.env()));
        sources.put(Ecosystem.NPM, new NpmSource(clients.npm()));
        sources.put(Ecosystem.MAVEN, new MavenSource(clients.maven()));
        return sources;
    }

    /**
     * @param projectDir where project-level configuration (.npmrc) is looked for
     */
    public static Map<Ecosystem, ReleaseSource> sources(Options options, Path projectDir, Map<String, String> env) {
        return sources(clients(options, projectDir, env));
    }

    /**
     * Maven Resolver with the user's settings.xml, the repositories of the project's own pom, and
     * Central (or the repository {@code --registry maven=URL} names, in Central's place). With a
     * {@code --cache-dir}, its local repository lives there instead of in {@code ~/.m2}. Its complete answers
     * are kept in the HTTP cache's directory, for the HTTP cache's TTL.
     */
    private static MavenRegistry maven(Options options, Path projectDir, HttpOptions http) {
        MavenOptions maven = MavenOptions.of(MavenSettings.load(Optional.empty()))
                .withOffline(options.offline())
                .withAllowInsecureHttp(options.allowInsecureHttp())
                .withAnswerCache(http.cacheDir(), http.ttl());
        List<MavenRepository> repositories = new ArrayList<>();
        options.mavenRepository().ifPresent(url -> repositories.add(MavenRepository.of("central", url)));
        Path pom = projectDir.resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
            try {
                new PomReader().project(pom, SourceText.read(pom)).repositories()
                        .forEach(r -> repositories.add(MavenRepository.of(r.id(), r.url())));
            } catch (PinverException e) {
                // the pom itself is reported by the manifest reader; without it Central still answers
            }
        }
        maven = maven.withRepositories(repositories);
        maven = http.extraCaFile().map(maven::withExtraCaFile).orElse(maven);
        if (options.cacheDir().isPresent()) {
            maven = maven.withLocalRepository(options.cacheDir().get().resolve("maven"));
        }
        return MavenRegistry.open(maven);
    }
}
