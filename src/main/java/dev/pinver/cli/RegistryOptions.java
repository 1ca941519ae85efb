package dev.pinver.cli;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.outdated.OutdatedService;
import dev.pinver.outdated.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options of the commands that ask registries. */
final class RegistryOptions {

    @Option(names = "--index-url", paramLabel = "URL",
            description = "PyPI index to use instead of pip's configured one (a /simple index, https:// or file://).")
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "Another PyPI index; repeatable.")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = "--find-links", paramLabel = "DIR|URL",
            description = "Also take PyPI releases from this directory of wheels and sdists, or from the links of this "
                    + "HTML page, as pip's --find-links does; repeatable.")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "ECOSYSTEM=URL",
            description = "A registry per ecosystem: npm=URL, pypi=URL (a /simple index), maven=URL (in Central's place); "
                    + "overrides .pinver.yaml's registries.")
    Map<String, String> registries = new LinkedHashMap<>();

    @Option(names = "--offline", description = "Answer only from the cache; a package not cached is an error.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where registry answers are cached (default: ~/.cache/pinver).")
    Path cacheDir;

    @Option(names = "--allow-insecure-http", description = "Allow plain http:// registries (refused by default).")
    boolean allowInsecureHttp;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CAs in this PEM file (private registries).")
    Path caFile;

    /**
     * The registry clients, with project-level configuration read from the first PATH: the registries of its
     * policy file ({@code --config}, else the nearest {@code .pinver.yaml}), which these options override,
     * {@code .npmrc} and the pom's repositories.
     */
    Registries.Clients clients(List<Path> paths, CommonOptions common) {
        Path first = paths.get(0);
        Path projectDir = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        Map<String, String> configured = new LinkedHashMap<>();
        Policies.RepositoryFile file = Policies.repositoryFile(common, projectDir);
        file.registries().forEach((ecosystem, given) -> {
            boolean overridden = registries.containsKey(ecosystem) || (ecosystem.equals("pypi") && indexUrl != null);
            if (!allowInsecureHttp && !overridden) {
                // said where it is written, as any bad setting of a policy file is
                Registries.plainHttpRefusal(given.value()).ifPresent(refusal -> {
                    throw PinverException.badInput(file.registryLocations().get(ecosystem), refusal);
                });
            }
            configured.put(ecosystem, given.value());
        });
        return Registries.clients(options(configured), projectDir, System.getenv());
    }

    /** {@code outdated}'s service over these clients. */
    static OutdatedService outdated(CheckService checker, Registries.Clients clients) {
        return new OutdatedService(checker, Registries.sources(clients), Clock.systemUTC());
    }

    /** These options over {@code configured}, the registries a policy file names by ecosystem. */
    Registries.Options options(Map<String, String> configured) {
        Map<String, String> urls = new LinkedHashMap<>(configured);
        urls.putAll(registries);
        Optional<String> pypi = Optional.ofNullable(indexUrl).or(() -> Optional.ofNullable(urls.get("pypi")));
        return new Registries.Options(pypi, extraIndexUrls, findLinks, Optional.ofNullable(urls.get("npm")),
                Optional.ofNullable(urls.get("maven")), offline,
                Optional.ofNullable(cacheDir), allowInsecureHttp, Optional.ofNullable(caFile));
    }
}
