package dev.pinver.manifest;

import dev.pinver.manifest.PomXml.Element;
import dev.pinver.manifest.PomXml.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pom says that pinver uses, each value with where it is written, before any {@code ${…}} is
 * resolved.
 *
 * @param path the pom file
 * @param document its parsed text
 * @param groupId its own {@code <groupId>}, absent when inherited from the parent
 * @param artifactId its {@code <artifactId>}
 * @param version its own {@code <version>}, absent when inherited from the parent
 * @param parent its {@code <parent>}
 * @param properties its {@code <properties>}, by name (a repeated name: the last one, as Maven reads it)
 * @param profileProperties each profile's {@code <properties>}, by profile id
 * @param declared the dependencies, plugins, extensions and parent it declares, in file order
 * @param repositories its {@code <repositories>}, raw
 * @param pluginRepositories its {@code <pluginRepositories>}, raw
 * @param url its {@code <url>}, raw, empty when absent
 * @param scm its {@code <scm>}, raw, with empty fields when absent
 */
record PomModel(
        Path path,
        PomXml.Document document,
        Optional<Text> groupId,
        Optional<Text> artifactId,
        Optional<Text> version,
        Optional<Parent> parent,
        Map<String, Text> properties,
        Map<String, Map<String, Text>> profileProperties,
        List<Declared> declared,
        List<PomProject.Repository> repositories,
        List<PomProject.Repository> pluginRepositories,
        String url,
        PomProject.Scm scm) {

    /** The groupId plugins have when they name none. */
    static final String DEFAULT_PLUGIN_GROUP = "org.apache.maven.plugins";
    /** The profile id Maven gives a profile without {@code <id>}. */
    static final String DEFAULT_PROFILE = "default";

    /**
     * The {@code <parent>} element.
     *
     * @param relativePath the {@code <relativePath>} text; absent when the element is absent (Maven then
     *     looks at {@code ../pom.xml}), an empty value for {@code <relativePath/>} (no local parent)
     */
    record Parent(Element element, Optional<Text> groupId, Optional<Text> artifactId, Optional<Text> version,
            Optional<Text> relativePath) {
    }

    /**
     * One dependency, plugin, extension or parent as declared.
     *
     * @param section where it is declared, e.g. {@code dependencies}, {@code build.plugins},
     *     {@code profiles.ci.dependencyManagement}
     * @param profile the id of the profile it is declared in, empty outside profiles
     * @param element its element ({@code <dependency>}, {@code <plugin>}, …)
     * @param plugin whether it is a plugin (whose groupId defaults to {@value #DEFAULT_PLUGIN_GROUP})
     */
    record Declared(String section, String profile, Element element, boolean plugin, Optional<Text> groupId,
            Optional<Text> artifactId, Optional<Text> version) {
    }

    /** The model of a parsed pom whose root element is {@code <project>}. */
    static PomModel of(Path path, PomXml.Document document) {
        return new Builder(path, document).build();
    }

    /** The groupId this pom has: its own, else its parent's. */
    Optional<Text> effectiveGroupId() {
        return groupId.or(() -> parent.flatMap(Parent::groupId));
    }

    /** The version this pom has: its own, else its parent's. */
    Optional<Text> effectiveVersion() {
        return version.or(() -> parent.flatMap(Parent::version));
    }

    /** Walks the elements of a pom in document order. */
    private static final class Builder {
        private final Path path;
        private final PomXml.Document document;
        private final Map<String, Text> properties = new LinkedHashMap<>();
        private final Map<String, Map<String, Text>> profileProperties = new HashMap<>();
        private final List<Declared> declared = new ArrayList<>();

        Builder(Path path, PomXml.Document document) {
            this.path = path;
            this.document = document;
        }

        PomModel build() {
            Element project = document.root();
            section(project, "", "");
            Optional<Parent> parent = project.child("parent").map(p -> new Parent(p, text(p, "groupId"),
                    text(p, "artifactId"), text(p, "version"), text(p, "relativePath")));
            return new PomModel(path, document, text(project, "groupId"), text(project, "artifactId"),
                    text(project, "version"), parent, properties, profileProperties, declared,
                    repositories(project, "repositories", "repository"),
                    repositories(project, "pluginRepositories", "pluginRepository"),
                    raw(project, "url"), scm(project));
        }

        /** The project itself (empty profile) or one profile: the parts both can hold. */
        private void section(Element container, String prefix, String profile) {
            boolean inProfile = !profile.isEmpty();
            for (Element child : container.children()) {
                switch (child.name()) {
                    case "parent" -> {
                        if (!inProfile) {
                            declare("parent", "", child, false);
                        }
                    }
                    case "dependencies" -> dependencies(child, prefix + "dependencies", profile);
                    case "dependencyManagement" -> child.children("dependencies")
                            .forEach(d -> dependencies(d, prefix + "dependencyManagement", profile));
                    case "build" -> build(child, prefix + "build", profile);
                    case "reporting" -> child.children("plugins")
                            .forEach(p -> plugins(p, prefix + "reporting.plugins", profile, false));
                    case "properties" -> {
                        Map<String, Text> into = inProfile
                                ? profileProperties.computeIfAbsent(profile, k -> new LinkedHashMap<>())
                                : properties;
                        child.children().forEach(p -> into.put(p.name(), document.text(p)));
                    }
                    case "profiles" -> {
                        if (!inProfile) {
                            for (Element p : child.children("profile")) {
                                String id = text(p, "id").map(Text::value).filter(v -> !v.isEmpty()).orElse(DEFAULT_PROFILE);
                                section(p, "profiles." + id + ".", id);
                            }
                        }
                    }
                    default -> {
                        // other project elements hold no dependencies
                    }
                }
            }
        }

        private void build(Element build, String section, String profile) {
            for (Element child : build.children()) {
                switch (child.name()) {
                    case "plugins" -> plugins(child, section + ".plugins", profile, true);
                    case "pluginManagement" -> child.children("plugins")
                            .forEach(p -> plugins(p, section + ".pluginManagement", profile, true));
                    case "extensions" -> child.children("extension")
                            .forEach(e -> declare(section + ".extensions", profile, e, false));
                    default -> {
                        // resources, directories, filters: nothing versioned
                    }
                }
            }
        }

        private void plugins(Element plugins, String section, String profile, boolean withDependencies) {
            for (Element plugin : plugins.children("plugin")) {
                Declared p = declare(section, profile, plugin, true);
                if (withDependencies) {
                    String name = p.artifactId().map(Text::value).orElse("plugin");
                    plugin.children("dependencies")
                            .forEach(d -> dependencies(d, section + "." + name + ".dependencies", profile));
                }
            }
        }

        private void dependencies(Element dependencies, String section, String profile) {
            dependencies.children("dependency").forEach(d -> declare(section, profile, d, false));
        }

        private Declared declare(String section, String profile, Element element, boolean plugin) {
            Declared d = new Declared(section, profile, element, plugin, text(element, "groupId"),
                    text(element, "artifactId"), text(element, "version"));
            declared.add(d);
            return d;
        }

        private List<PomProject.Repository> repositories(Element project, String listName, String itemName) {
            return project.children(listName).stream()
                    .flatMap(list -> list.children(itemName).stream())
                    .map(r -> new PomProject.Repository(raw(r, "id"), raw(r, "url")))
                    .toList();
        }

        private PomProject.Scm scm(Element project) {
            return project.child("scm")
                    .map(s -> new PomProject.Scm(raw(s, "connection"), raw(s, "developerConnection"), raw(s, "url"),
                            raw(s, "tag")))
                    .orElse(new PomProject.Scm("", "", "", ""));
        }

        private Optional<Text> text(Element parent, String name) {
            return document.childText(parent, name);
        }

        private String raw(Element parent, String name) {
            return text(parent, name).map(Text::value).orElse("");
        }
    }
}
