package dev.pinver.policy;

import dev.pinver.Location;
import dev.pinver.PinverException;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a policy file's text into a {@link Policy}. Every mistake, from broken YAML to a misspelt
 * key or a value out of range, becomes a {@link PinverException} of kind {@code BAD_INPUT} that
 * points at the offending node's line and column. The schema is described in
 * {@code policies/README.md}.
 */
public final class PolicyLoader {

    private static final List<String> TOP_KEYS = List.of("extends", "defaults", "rules", "upgrade", "registries");
    private static final List<String> UPGRADE_KEYS = List.of("test", "install", "lock");
    private static final List<String> REGISTRY_KEYS = List.of("pypi", "npm", "maven");
    private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final List<String> SETTING_KEYS = List.of(
            "pin", "breaking", "allow", "min-age", "prereleases", "ignore", "group", "reason", "style", "exact-pin",
            "notes");
    private static final List<String> RULE_KEYS = Stream.concat(Stream.of("ecosystem", "package"),
            SETTING_KEYS.stream()).toList();
    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([hdw])");
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");

    private final Path file;

    private PolicyLoader(Path file) {
        this.file = file;
    }

    /**
     * Parses one policy file; an empty file is the empty policy.
     *
     * @param text the file's contents
     * @param file where it came from, used in error locations
     */
    public static Policy parse(String text, Path file) {
        return parseFile(text, file).policy();
    }

    /**
     * Parses one policy file together with the policies it {@code extends}, which the caller resolves
     * (presets by name, other files relative to this one) and applies before it.
     */
    public static PolicyFile parseFile(String text, Path file) {
        PolicyLoader loader = new PolicyLoader(file);
        return loader.policyFile(loader.compose(text));
    }

    /**
     * A parsed policy file.
     *
     * @param policy what the file itself says
     * @param extendsPolicies the presets or files named by its {@code extends}, in order
     * @param upgrade the commands its {@code upgrade} section gives the upgrade gate
     * @param registries its {@code registries} section: a URL per ecosystem ({@code pypi}, {@code npm},
     *     {@code maven}), as {@code --registry ECOSYSTEM=URL} gives them; a path in the file is already a
     *     {@code file:} URL, resolved against the policy file's directory
     * @param registryLocations where each of {@code registries} is written, for messages about it
     */
    public record PolicyFile(Policy policy, List<Reference> extendsPolicies, UpgradeCommands upgrade,
            Map<String, String> registries, Map<String, Location> registryLocations) {

        public PolicyFile {
            extendsPolicies = List.copyOf(extendsPolicies);
            registries = Map.copyOf(registries);
            registryLocations = Map.copyOf(registryLocations);
        }
    }

    /**
     * The commands a repository gives {@code pinver upgrade} ({@code upgrade: {test, install, lock}}), each a
     * shell command line; what is left out is detected.
     */
    public record UpgradeCommands(Optional<String> test, Optional<String> install, Optional<String> lock) {

        /** No commands: all detected. */
        public static final UpgradeCommands NONE = new UpgradeCommands(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A preset name or file path named in a policy, with where it is named. */
    public record Reference(String name, Location location) {
    }

    private Node compose(String text) {
        try {
            return new Yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage()
                    : e.getContext() == null ? e.getProblem()
                    : e.getContext() + ", " + e.getProblem();
            throw PinverException.badInput(mark == null ? new Location(file, 1, 1) : at(mark),
                    "not valid YAML: " + problem);
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML also throws IllegalArgumentException, for a tag it cannot take (one with spaces)
            throw PinverException.badInput(new Location(file, 1, 1), "not valid YAML: " + e.getMessage());
        }
    }

    private PolicyFile policyFile(Node root) {
        if (root == null || isNull(root)) {
            return new PolicyFile(Policy.empty(), List.of(), UpgradeCommands.NONE, Map.of(), Map.of());
        }
        Map<String, Node> top = mapping(root, "a policy", TOP_KEYS);
        List<Reference> extendsPolicies = new ArrayList<>();
        if (top.containsKey("extends")) {
            for (Node n : oneOrMore(top.get("extends"))) {
                String name = scalar(n, "extends");
                if (name.isBlank()) {
                    throw error(n, "'extends' names a preset or a policy file, not nothing");
                }
                extendsPolicies.add(new Reference(name.strip(), at(n.getStartMark())));
            }
        }
        UpgradeCommands upgrade = UpgradeCommands.NONE;
        if (top.containsKey("upgrade")) {
            Map<String, Node> commands = mapping(top.get("upgrade"), "'upgrade'", UPGRADE_KEYS);
            upgrade = new UpgradeCommands(command(commands, "test"), command(commands, "install"),
                    command(commands, "lock"));
        }
        Map<String, String> registries = new LinkedHashMap<>();
        Map<String, Location> registryLocations = new LinkedHashMap<>();
        if (top.containsKey("registries")) {
            mapping(top.get("registries"), "'registries'", REGISTRY_KEYS).forEach((ecosystem, node) -> {
                registries.put(ecosystem, registryUrl(node, ecosystem));
                registryLocations.put(ecosystem, at(node.getStartMark()));
            });
        }
        return new PolicyFile(policy(top), extendsPolicies, upgrade, registries, registryLocations);
    }

    /** A registry's URL as written, or a path (relative to the policy file) as a {@code file:} URL. */
    private String registryUrl(Node node, String ecosystem) {
        String value = scalar(node, ecosystem).strip();
        if (value.isEmpty()) {
            throw error(node, "'" + ecosystem + "' is a registry URL or a directory, not empty");
        }
        if (URL_SCHEME.matcher(value).matches()) {
            return value;
        }
        Path dir = file.toAbsolutePath().getParent();
        String url = dir.resolve(value).normalize().toUri().toString();
        return url.endsWith("/") ? url : url + "/";
    }

    private Optional<String> command(Map<String, Node> commands, String key) {
        if (!commands.containsKey(key)) {
            return Optional.empty();
        }
        String line = scalar(commands.get(key), key);
        if (line.isBlank()) {
            throw error(commands.get(key), "'" + key + "' is a command line, not empty");
        }
        return Optional.of(line.strip());
    }

    private Policy policy(Map<String, Node> top) {
        Overrides defaults = top.containsKey("defaults")
                ? overrides(mapping(top.get("defaults"), "'defaults'", SETTING_KEYS))
                : Overrides.none();
        List<Rule> rules = new ArrayList<>();
        Node rulesNode = top.get("rules");
        if (rulesNode != null && !isNull(rulesNode)) {
            if (!(rulesNode instanceof SequenceNode seq)) {
                throw error(rulesNode, "'rules' must be a list of rules, each starting with '- '");
            }
            for (Node item : seq.getValue()) {
                rules.add(rule(item));
            }
        }
        return new Policy(defaults, rules);
    }

    private Rule rule(Node node) {
        Map<String, Node> fields = mapping(node, "a rule", RULE_KEYS);
        Set<Ecosystem> ecosystems = EnumSet.noneOf(Ecosystem.class);
        if (fields.containsKey("ecosystem")) {
            for (Node n : oneOrMore(fields.get("ecosystem"))) {
                ecosystems.add(choice(n, "ecosystem", Ecosystem.values(), Ecosystem::id));
            }
        }
        List<PackagePattern> packages = new ArrayList<>();
        if (fields.containsKey("package")) {
            for (Node n : oneOrMore(fields.get("package"))) {
                String name = scalar(n, "package");
                if (name.isBlank()) {
                    throw error(n, "'package' must be a name or glob, not empty");
                }
                packages.add(new PackagePattern(name.strip()));
            }
        }
        Overrides overrides = overrides(fields);
        if (overrides.isEmpty()) {
            throw error(node, "this rule sets nothing; give it at least one of " + String.join(", ", SETTING_KEYS));
        }
        return new Rule(at(node.getStartMark()), ecosystems, packages, overrides);
    }

    private Overrides overrides(Map<String, Node> f) {
        return new Overrides(
                f.containsKey("pin") ? choice(f.get("pin"), "pin", PinMode.values(), PinMode::id) : null,
                f.containsKey("breaking")
                        ? choice(f.get("breaking"), "breaking", BreakingMode.values(), BreakingMode::id) : null,
                f.containsKey("allow") ? allow(f.get("allow")) : null,
                f.containsKey("min-age") ? duration(f.get("min-age")) : null,
                f.containsKey("prereleases") ? bool(f.get("prereleases"), "prereleases") : null,
                f.containsKey("ignore") ? strings(f.get("ignore"), "ignore") : null,
                f.containsKey("group") ? scalar(f.get("group"), "group") : null,
                f.containsKey("reason") ? scalar(f.get("reason"), "reason") : null,
                f.containsKey("style") ? choice(f.get("style"), "style", SpecStyle.values(), SpecStyle::id) : null,
                f.containsKey("exact-pin")
                        ? choice(f.get("exact-pin"), "exact-pin", Severity.values(), Severity::id) : null,
                f.containsKey("notes") ? scalar(f.get("notes"), "notes") : null);
    }

    /** The values of a mapping by key, after checking that every key is allowed and appears once. */
    private Map<String, Node> mapping(Node node, String what, List<String> allowed) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping of keys to values, not " + describe(node));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k) || isNull(keyNode)) {
                throw error(keyNode, "keys in " + what + " must be plain names");
            }
            String key = k.getValue();
            if (!allowed.contains(key)) {
                throw error(keyNode, "unknown key '" + key + "' in " + what + "; allowed keys: "
                        + String.join(", ", allowed));
            }
            Node first = keys.putIfAbsent(key, keyNode);
            if (first != null) {
                throw error(keyNode, "duplicate key '" + key + "' (first at line " + at(first.getStartMark()).line() + ")");
            }
            values.put(key, t.getValueNode());
        }
        return values;
    }

    private String scalar(Node node, String key) {
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            throw error(node, "'" + key + "' needs a single value, not " + describe(node));
        }
        return s.getValue();
    }

    private <E> E choice(Node node, String key, E[] values, Function<E, String> id) {
        String text = scalar(node, key);
        for (E e : values) {
            if (id.apply(e).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw error(node, "bad value '" + text + "' for " + key + "; expected one of "
                + Stream.of(values).map(id).collect(Collectors.joining(", ")));
    }

    private List<Node> items(Node node, String key) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, "'" + key + "' must be a list such as [a, b], not " + describe(node));
        }
        return seq.getValue();
    }

    /** A single value or a list of them, as {@code ecosystem} and {@code package} accept. */
    private static List<Node> oneOrMore(Node node) {
        return node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    }

    private Set<UpdateKind> allow(Node node) {
        Set<UpdateKind> kinds = EnumSet.noneOf(UpdateKind.class);
        for (Node n : items(node, "allow")) {
            kinds.add(choice(n, "allow", UpdateKind.values(), UpdateKind::id));
        }
        return kinds;
    }

    private List<String> strings(Node node, String key) {
        List<String> out = new ArrayList<>();
        for (Node n : items(node, key)) {
            out.add(scalar(n, key));
        }
        return out;
    }

    private Duration duration(Node node) {
        Matcher m = DURATION.matcher(scalar(node, "min-age").strip());
        if (!m.matches()) {
            throw error(node, "bad value '" + scalar(node, "min-age")
                    + "' for min-age; expected a number and a unit (h, d or w), such as 12h, 3d or 2w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private boolean bool(Node node, String key) {
        if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(node.getTag())) {
            throw error(node, "'" + key + "' must be true or false");
        }
        return TRUE_WORDS.contains(s.getValue().toLowerCase(Locale.ROOT));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private PinverException error(Node node, String message) {
        return PinverException.badInput(at(node.getStartMark()), message);
    }

    private Location at(Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
