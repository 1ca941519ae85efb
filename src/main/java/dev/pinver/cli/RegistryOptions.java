package dev.pinver.cli;

import dev.pinver.outdated.Registries;
import java.nio.file.Path;
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

    @Option(names = "--registry", paramLabel = "ECOSYSTEM=URL",
            description = "A registry per ecosystem: npm=URL, pypi=URL (a /simple index), maven=URL (in Central's place).")
    Map<String, String> registries = new LinkedHashMap<>();

    @Option(names = "--offline", description = "Answer only from the cache; a package not cached is an error.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where registry answers are cached (default: ~/.cache/pinver).")
    Path cacheDir;

    @Option(names = "--allow-insecure-http", description = "Allow plain http:// registries (refused by default).")
    boolean allowInsecureHttp;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CAs in this PEM file (private registries).")
    Path caFile;

    Registries.Options options() {
        Optional<String> pypi = Optional.ofNullable(indexUrl).or(() -> Optional.ofNullable(registries.get("pypi")));
        return new Registries.Options(pypi, extraIndexUrls, Optional.ofNullable(registries.get("npm")),
                Optional.ofNullable(registries.get("maven")), offline,
                Optional.ofNullable(cacheDir), allowInsecureHttp, Optional.ofNullable(caFile));
    }
}
