package dev.pinver.registry;

import dev.pinver.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The fixtures under src/test/resources/registry/maven: two file repositories and settings.xml files. */
final class MavenFixtures {

    private MavenFixtures() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(MavenFixtures.class.getResource("/registry/maven/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture repository {@code name} ({@code releases} or {@code snapshots}) under {@code dir}, free to change. */
    static Path repository(String name, Path dir) {
        Path source = resource(name);
        Path target = dir.resolve(name);
        try {
            TestFiles.copyTree(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** A settings fixture read with only {@code variables} defined (nothing from the real environment). */
    static MavenSettings settings(String name, Map<String, String> variables) {
        Function<String, String> lookup = variables::get;
        return MavenSettings.read(resource("settings/" + name), lookup);
    }

    /** Options for tests: this local repository, these pom repositories, nothing from the user's ~/.m2. */
    static MavenOptions options(MavenSettings settings, Path localRepository, List<MavenRepository> repositories) {
        return MavenOptions.of(settings).withLocalRepository(localRepository).withRepositories(repositories);
    }

    static String url(Path directory) {
        return directory.toUri().toString();
    }
}
