package dev.pinver.manifest;

import java.util.List;

/**
 * Who a pom says its project is and where it points, for registry look-ups and release notes;
 * {@code ${…}} references are resolved as {@link PomReader} resolves versions (an unresolved one stays
 * as written).
 *
 * @param groupId the project's groupId, its own or else its parent's
 * @param artifactId the project's artifactId
 * @param version the project's version, its own or else its parent's, with every reference that resolves
 *     replaced (so a CI-friendly {@code ${revision}${changelist}} reads as the values of both properties)
 * @param snapshot whether {@code version} is a snapshot (ends with {@code SNAPSHOT}, as Maven decides it)
 * @param repositories the {@code <repositories>} of this pom, then those of its local parents that it does
 *     not override by id (profiles' repositories are not included)
 * @param pluginRepositories the {@code <pluginRepositories>}, the same way
 * @param url this pom's own {@code <url>} as written (not inherited: Maven appends the module path to an
 *     inherited one); empty when absent
 * @param scm this pom's own {@code <scm>} as written, with empty fields when absent
 */
public record PomProject(
        String groupId,
        String artifactId,
        String version,
        boolean snapshot,
        List<Repository> repositories,
        List<Repository> pluginRepositories,
        String url,
        Scm scm) {

    public PomProject {
        repositories = List.copyOf(repositories);
        pluginRepositories = List.copyOf(pluginRepositories);
    }

    /** {@code groupId:artifactId}, the name pinver gives Maven packages. */
    public String name() {
        return groupId + ":" + artifactId;
    }

    /** One {@code <repository>} or {@code <pluginRepository>}: its {@code <id>} and {@code <url>}, empty when absent. */
    public record Repository(String id, String url) {
    }

    /** The {@code <scm>} element's connections, browsable {@code url} and {@code tag}, each empty when absent. */
    public record Scm(String connection, String developerConnection, String url, String tag) {
    }
}
