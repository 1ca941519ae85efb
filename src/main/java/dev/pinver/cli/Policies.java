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
            loaded.add(presetOrFile(p, Path.of("."), new Location(Path.of("--policy"), 1, 1), new ArrayList<>()));
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
            config.or(() -> nearestConfig(d)).ifPresent(c -> layers.add(file(c, new ArrayList<>())));
            layers.addAll(commandLine);
            return Policy.compose(layers);
        });
    }

    /**
     * The repository's own policy file ({@code --config}, else the nearest {@code .pinver.yaml}), parsed
     * without what it extends: where its {@code upgrade} commands and {@code registries} come from.
     */
    static Optional<PolicyLoader.PolicyFile> repositoryFile(CommonOptions options, Path dir) {
        return Optional.ofNullable(options.config).or(() -> nearestConfig(dir))
                .map(c -> PolicyLoader.parseFile(SourceText.read(c), c));
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

    /** A policy file with what it extends applied first; {@code seen} guards against extends cycles. */
    private static Policy file(Path file, List<Path> seen) {
        Path real = file.toAbsolutePath().normalize();
        if (seen.contains(real)) {
            throw PinverException.badInput(new Location(file, 1, 1), "policy extends itself: " + seen);
        }
        seen.add(real);
        PolicyLoader.PolicyFile parsed = PolicyLoader.parseFile(SourceText.read(file), file);
        List<Policy> layers = new ArrayList<>();
        for (PolicyLoader.Reference ref : parsed.extendsPolicies()) {
            layers.add(presetOrFile(ref.name(), dirOf(file), ref.location(), seen));
        }
        layers.add(parsed.policy());
        seen.remove(real);
        return Policy.compose(layers);
    }

    private static Policy presetOrFile(String name, Path relativeTo, Location namedAt, List<Path> seen) {
        Optional<Policy> preset = Presets.load(name);
        if (preset.isPresent()) {
            return preset.get();
        }
        Path path = relativeTo.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw PinverException.badInput(namedAt, "'" + name + "' is neither a preset ("
                    + String.join(", ", Presets.NAMES) + ") nor a policy file");
        }
        return file(path, seen);
    }

    private static Path dirOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
