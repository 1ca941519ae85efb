package dev.pinver.manifest;

import dev.pinver.manifest.PomXml.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${…}} references the way Maven interpolates a pom, over the pom and the chain of its
 * local parents (nearest first). A name is looked up, in this order:
 * <ol>
 *   <li>{@code project.*} and {@code pom.*} model values: {@code version}, {@code groupId}, {@code artifactId}
 *       (each inherited from {@code <parent>} when the pom has none) and {@code parent.version},
 *       {@code parent.groupId}, {@code parent.artifactId};</li>
 *   <li>for a reference made inside a profile, that profile's {@code <properties>} (they apply exactly when
 *       that profile is active); other profiles' properties are never used;</li>
 *   <li>the {@code <properties>} of the pom, then of each parent;</li>
 *   <li>the same model values unprefixed ({@code ${version}}, deprecated but still read by Maven 3).</li>
 * </ol>
 * Model values always belong to the pom being read, even in a value defined in a parent, since Maven
 * interpolates the child's effective model. {@link #interpolate} also knows where that pom lies:
 * {@code ${project.basedir}} (or {@code ${basedir}}) and {@code ${project.baseUri}}. Names defined elsewhere ({@code settings.xml}, {@code -D},
 * environment, Java system properties) are unknown here.
 */
final class PomProperties {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}]+)}");

    private final List<PomModel> chain;

    /** @param chain the pom being read, then its parents, nearest first */
    PomProperties(List<PomModel> chain) {
        this.chain = List.copyOf(chain);
    }

    /**
     * Where the value of {@code property} is written: in {@code pom}, as {@code text}. {@code projectVersion}
     * when it is the project's own version ({@code project.version} and its aliases).
     */
    record Definition(String property, PomModel pom, Text text, boolean projectVersion) {
    }

    /** What following a property gives. */
    sealed interface Resolution permits Resolved, Unresolved, Cycle {
    }

    /**
     * A property followed through any chain of {@code ${other}} values to the one holding a value without
     * references; {@code projectVersion} when the chain passed through the project's own version.
     */
    record Resolved(Definition definition, boolean projectVersion) implements Resolution {
    }

    /**
     * A property that is not defined here, or whose value mixes references with other text;
     * {@code projectVersion} when the chain passed through the project's own version before stopping.
     */
    record Unresolved(boolean projectVersion) implements Resolution {
    }

    /** A property whose value leads back to itself: {@code names} is the chain, its first name repeated at the end. */
    record Cycle(List<String> names) implements Resolution {
    }

    /** The property name when {@code value} is exactly one reference {@code ${name}}. */
    static Optional<String> reference(String value) {
        Matcher m = REFERENCE.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Follows {@code property}, referenced from inside {@code profile} (empty outside profiles). */
    Resolution resolve(String property, String profile) {
        List<String> seen = new ArrayList<>();
        boolean projectVersion = false;
        String name = property;
        while (true) {
            if (seen.contains(name)) {
                List<String> cycle = new ArrayList<>(seen.subList(seen.indexOf(name), seen.size()));
                cycle.add(name);
                return new Cycle(cycle);
            }
            seen.add(name);
            Optional<Definition> found = lookup(name, profile);
            if (found.isEmpty()) {
                return new Unresolved(projectVersion);
            }
            Definition definition = found.get();
            projectVersion |= definition.projectVersion();
            String value = definition.text().value();
            Optional<String> next = reference(value);
            if (next.isPresent()) {
                name = next.get();
            } else if (value.contains("${")) {
                return new Unresolved(projectVersion);
            } else {
                return new Resolved(definition, projectVersion);
            }
        }
    }

    /** {@code value} with every reference that resolves replaced by its value; the others are kept. */
    String interpolate(String value, String profile) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = resolve(m.group(1), profile) instanceof Resolved r
                    ? r.definition().text().value()
                    : location(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Maven's model values that name where the pom being read lies: its directory, as a path and as a URI. */
    private Optional<String> location(String name) {
        Path dir = chain.get(0).path().toAbsolutePath().normalize().getParent();
        return switch (name) {
            case "basedir", "project.basedir", "pom.basedir" -> Optional.of(dir.toString());
            case "project.baseUri", "pom.baseUri" -> Optional.of(directoryUri(dir));
            default -> Optional.empty();
        };
    }

    /** A directory's URI, ending in a slash as Maven's {@code baseUri} does, whether or not it exists here. */
    private static String directoryUri(Path dir) {
        String uri = dir.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private Optional<Definition> lookup(String name, String profile) {
        PomModel pom = chain.get(0);
        if (name.startsWith("project.") || name.startsWith("pom.")) {
            Optional<Definition> model = modelValue(name, name.substring(name.indexOf('.') + 1));
            if (model.isPresent()) {
                return model;
            }
        }
        if (!profile.isEmpty()) {
            Text text = pom.profileProperties().getOrDefault(profile, Map.of()).get(name);
            if (text != null) {
                return Optional.of(new Definition(name, pom, text, false));
            }
        }
        for (PomModel p : chain) {
            Text text = p.properties().get(name);
            if (text != null) {
                return Optional.of(new Definition(name, p, text, false));
            }
        }
        return modelValue(name, name);
    }

    /** A model value of the pom being read, {@code key} without its {@code project.} prefix. */
    private Optional<Definition> modelValue(String name, String key) {
        PomModel pom = chain.get(0);
        Optional<PomModel.Parent> parent = pom.parent();
        Optional<Text> text = switch (key) {
            case "version" -> pom.effectiveVersion();
            case "groupId" -> pom.effectiveGroupId();
            case "artifactId" -> pom.artifactId();
            case "parent.version" -> parent.flatMap(PomModel.Parent::version);
            case "parent.groupId" -> parent.flatMap(PomModel.Parent::groupId);
            case "parent.artifactId" -> parent.flatMap(PomModel.Parent::artifactId);
            default -> Optional.empty();
        };
        return text.map(t -> new Definition(name, pom, t, key.equals("version")));
    }
}
