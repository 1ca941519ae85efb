package dev.pinver.cli;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.SourceText;
import dev.pinver.policy.Policy;
import dev.pinver.policy.PolicyLoader;
import dev.pinver.policy.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds and composes the policies that govern a manifest: the default preset, then the
 * repository's {@code .pinver.yaml} (the nearest one above the manifest, or {@code --config}) with
 * what it {@code extends}, then each {@code --policy}. Reading files happens here, at the edge.
 */
final class Policies {

    static final String CONFIG_FILE = ".pinver.yaml";

    private final Optional<Path> config;
    private final List<Policy> commandLine;
    private final Map<Path, Policy> byDirectory = new ConcurrentHashMap<>();

    private Policies(Optional<Path> config, List<String> policies) {
        this.config = config;
        List<Policy> loaded = new ArrayList<>();
        for (String p : policies) {
            loaded.add(presetOrFile(p, Path.of("."), new Location(Path.of("--policy"), 1, 1)));
        }
        this.commandLine = List.copyOf(loaded);
    }

    /** The policy for each manifest, as the options ask. */
    static Function<Path, Policy> resolver(CommonOptions options) {
        Optional<Path> config = Optional.ofNullable(options.config);
        config.ifPresent(c -> {
            if (!Files.isRegularFile(c)) {
                throw new PinverException(PinverException.Kind.USAGE, new Location(c, 1, 1), "no such config file");
            }
        });
        Policies policies = new Policies(config, options.policies);
        return manifest -> policies.forDirectory(dirOf(manifest));
    }

    private Policy forDirectory(Path dir) {
        return byDirectory.computeIfAbsent(dir, d -> {
            List<Policy> layers = new ArrayList<>();
            layers.add(Presets.load(Presets.DEFAULT).orElseThrow());
            config.or(() -> nearestConfig(d)).ifPresent(c -> layers.add(load(c, dirOf(c), new ArrayList<>()).policy()));
            layers.addAll(commandLine);
            return Policy.compose(layers);
        });
    }

    /** A setting of the repository's policy file, with the file that gives it: that file or one it extends. */
    record Given(String value, Path file) {
    }

    /**
     * What the repository's policy file ({@code --config}, else the nearest {@code .pinver.yaml}) says besides
     * its policy: the {@code upgrade} commands by name ({@code test}, {@code install}, {@code lock}) and the
     * {@code registries} by ecosystem, each laid over what the policy files it extends say, as its rules are;
     * files are named relative to the repository's file ({@code .pinver.yaml}, {@code ../team.yaml}); with
     * {@code registryLocations}, where each registry is written, for messages about it.
     */
    record RepositoryFile(Map<String, Given> upgrade, Map<String, Given> registries, Map<String, Location> registryLocations) {

        static final RepositoryFile NONE = new RepositoryFile(Map.of(), Map.of(), Map.of());

        RepositoryFile {
            upgrade = Map.copyOf(upgrade);
            registries = Map.copyOf(registries);
            registryLocations = Map.copyOf(registryLocations);
        }
    }

    static RepositoryFile repositoryFile(CommonOptions options, Path dir) {
        return Optional.ofNullable(options.config).or(() -> nearestConfig(dir))
                .map(file -> {
                    Loaded loaded = load(file, dirOf(file), new ArrayList<>());
                    return new RepositoryFile(loaded.upgrade(), loaded.registries(), loaded.registryLocations());
                })
                .orElse(RepositoryFile.NONE);
    }

    /** The nearest .pinver.yaml in {@code dir} or above it, stopping at the repository root. */
    private static Optional<Path> nearestConfig(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(CONFIG_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.exists(d.resolve(".git"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A policy file with what it extends applied first, and the upgrade commands and registries they give. */
    private record Loaded(Policy policy, Map<String, Given> upgrade, Map<String, Given> registries,
            Map<String, Location> registryLocations) {
    }

    /**
     * Reads a policy file and, first, the policy files and presets it extends; their upgrade commands and
     * registries are overridden by its own, which are named relative to {@code namesRelativeTo}.
     * {@code seen} guards against extends cycles.
     */
    private static Loaded load(Path file, Path namesRelativeTo, List<Path> seen) {
        Path real = file.toAbsolutePath().normalize();
        if (seen.contains(real)) {
            throw PinverException.badInput(new Location(file, 1, 1), "policy extends itself: " + seen);
        }
        seen.add(real);
        PolicyLoader.PolicyFile parsed = PolicyLoader.parseFile(SourceText.read(file), file);
        List<Policy> layers = new ArrayList<>();
        Map<String, Given> upgrade = new LinkedHashMap<>();
        Map<String, Given> registries = new LinkedHashMap<>();
        Map<String, Location> registryLocations = new LinkedHashMap<>();
        for (PolicyLoader.Reference ref : parsed.extendsPolicies()) {
            Optional<Policy> preset = Presets.load(ref.name());
            if (preset.isPresent()) {
                layers.add(preset.get());
            } else {
                Loaded base = load(policyFile(ref.name(), dirOf(file), ref.location()), namesRelativeTo, seen);
                layers.add(base.policy());
                upgrade.putAll(base.upgrade());
                registries.putAll(base.registries());
                registryLocations.putAll(base.registryLocations());
            }
        }
        layers.add(parsed.policy());
        Path named = namesRelativeTo.relativize(real);
        parsed.upgrade().test().ifPresent(c -> upgrade.put("test", new Given(c, named)));
        parsed.upgrade().install().ifPresent(c -> upgrade.put("install", new Given(c, named)));
        parsed.upgrade().lock().ifPresent(c -> upgrade.put("lock", new Given(c, named)));
        parsed.registries().forEach((ecosystem, url) -> registries.put(ecosystem, new Given(url, named)));
        registryLocations.putAll(parsed.registryLocations());
        seen.remove(real);
        return new Loaded(Policy.compose(layers), upgrade, registries, registryLocations);
    }

    private static Policy presetOrFile(String name, Path relativeTo, Location namedAt) {
        Optional<Policy> preset = Presets.load(name);
        if (preset.isPresent()) {
            return preset.get();
        }
        Path file = policyFile(name, relativeTo, namedAt);
        return load(file, dirOf(file), new ArrayList<>()).policy();
    }

    /** The policy file {@code name} (not a preset) names, relative to {@code relativeTo}. */
    private static Path policyFile(String name, Path relativeTo, Location namedAt) {
        Path path = relativeTo.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw PinverException.badInput(namedAt, "'" + name + "' is neither a preset ("
                    + String.join(", ", Presets.NAMES) + ") nor a policy file");
        }
        return path;
    }

    private static Path dirOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
