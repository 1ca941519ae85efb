package dev.pinver.registry;

import java.util.Objects;

/**
 * A remote repository as a pom's {@code <repositories>} or a settings.xml profile declares it, before
 * mirrors, credentials and proxies apply (see {@link MavenEffectiveRepository} for after).
 *
 * @param id its {@code <id>}, which mirrors' {@code mirrorOf} and servers' credentials refer to
 * @param url its {@code <url>}, as written
 * @param releases whether release versions are taken from it ({@code <releases><enabled>})
 * @param snapshots whether snapshot versions are taken from it ({@code <snapshots><enabled>})
 */
public record MavenRepository(String id, String url, boolean releases, boolean snapshots) {

    /** Maven Central as Maven's super POM declares it: releases only. */
    public static final MavenRepository CENTRAL =
            new MavenRepository("central", "https://repo.maven.apache.org/maven2", true, false);

    public MavenRepository {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }

    /** A repository with Maven's default policies, releases and snapshots both enabled (what a pom's (id, url) means). */
    public static MavenRepository of(String id, String url) {
        return new MavenRepository(id, url, true, true);
    }
}
