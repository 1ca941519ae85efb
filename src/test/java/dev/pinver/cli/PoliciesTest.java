package dev.pinver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.PinverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesTest {

    private static CommonOptions noOptions() {
        return new CommonOptions();
    }

    @Test
    void theRepositoryFileLaysItsCommandsAndRegistriesOverThoseOfTheFilesItExtends(@TempDir Path root) throws Exception {
        Path repo = Files.createDirectories(root.resolve("repo"));
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(root.resolve("team.yaml"), """
                extends: [strict, base.yaml]
                upgrade: {test: make test, install: make deps}
                registries: {npm: npm-mirror, maven: "https://maven.team.example/"}
                """);
        Files.writeString(root.resolve("base.yaml"), """
                upgrade: {test: ./base-test, lock: "lock {package}"}
                registries: {pypi: "https://pypi.base.example/simple"}
                """);
        Files.writeString(repo.resolve(".pinver.yaml"), """
                extends: [../team.yaml]
                upgrade: {install: npm ci}
                registries: {maven: ../maven-repo}
                """);

        Policies.RepositoryFile file = Policies.repositoryFile(noOptions(), repo);

        assertEquals(Map.of(
                "test", new Policies.Given("make test", Path.of("../team.yaml")),
                "install", new Policies.Given("npm ci", Path.of(".pinver.yaml")),
                "lock", new Policies.Given("lock {package}", Path.of("../base.yaml"))), file.upgrade());
        assertEquals(Map.of(
                "pypi", new Policies.Given("https://pypi.base.example/simple", Path.of("../base.yaml")),
                "npm", new Policies.Given(root.resolve("npm-mirror").toUri() + "/", Path.of("../team.yaml")),
                "maven", new Policies.Given(root.resolve("maven-repo").toUri() + "/", Path.of(".pinver.yaml"))),
                file.registries());
    }

    @Test
    void withoutAPolicyFileThereIsNothing(@TempDir Path repo) throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        assertEquals(Policies.RepositoryFile.NONE, Policies.repositoryFile(noOptions(), repo));
    }

    @Test
    void aCycleOrAMissingFileIsBadInputAtItsName(@TempDir Path repo) throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".pinver.yaml"), "extends: [other.yaml]\n");
        Files.writeString(repo.resolve("other.yaml"), "extends: [.pinver.yaml]\n");
        PinverException cycle = assertThrows(PinverException.class, () -> Policies.repositoryFile(noOptions(), repo));
        assertTrue(cycle.getMessage().contains("policy extends itself"), cycle.getMessage());

        Files.writeString(repo.resolve(".pinver.yaml"), "upgrade: {test: t}\nextends: [gone.yaml]\n");
        PinverException missing = assertThrows(PinverException.class, () -> Policies.repositoryFile(noOptions(), repo));
        assertTrue(missing.getMessage().contains("'gone.yaml' is neither a preset"), missing.getMessage());
        assertEquals(2, missing.location().orElseThrow().line(), missing.toString());
    }
}
