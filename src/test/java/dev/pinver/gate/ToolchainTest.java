package dev.pinver.gate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which commands are detected from which files; each case is a directory made of the files named. */
class ToolchainTest {

    @TempDir
    Path temp;

    private static final String NONE = "-";

    /** files ("name=content", a name ending in / is a directory), then test, install, lock (for fastapi), setup. */
    static Stream<Arguments> projects() {
        return Stream.of(
                Arguments.of(List.of("pyproject.toml=[tool.pytest.ini_options]\naddopts = \"-q\"\n"),
                        "python3 -m pytest", NONE, NONE, NONE),
                Arguments.of(List.of("pyproject.toml=[tool.black]\n", "pytest.ini=[pytest]\n"),
                        "python3 -m pytest", NONE, NONE, NONE),
                Arguments.of(List.of("setup.cfg=[metadata]\nname = x\n\n[tool:pytest]\ntestpaths = tests\n"),
                        "python3 -m pytest", NONE, NONE, NONE),
                Arguments.of(List.of("requirements.txt=fastapi\n", "tests/"),
                        "python3 -m pytest", NONE, NONE, NONE),
                Arguments.of(List.of("requirements.txt=fastapi\n", "tests/", ".venv/"),
                        ".venv/bin/python -m pytest", ".venv/bin/pip install -r requirements.txt", NONE,
                        "{root}/.venv/bin/python -m venv .venv"),
                Arguments.of(List.of("pyproject.toml=[tool.pytest.ini_options]\n", "uv.lock=version = 1\n"),
                        ".venv/bin/python -m pytest", "uv sync", "uv lock --upgrade-package fastapi", NONE),
                Arguments.of(List.of("pyproject.toml=[tool.pytest.ini_options]\n", "poetry.lock=\n"),
                        "poetry run pytest", "poetry install", "poetry lock --no-update", NONE),
                Arguments.of(List.of("requirements.in=fastapi\n", "requirements.txt=fastapi==0.45.1\n", "tests/"),
                        "python3 -m pytest", NONE, "pip-compile --upgrade-package fastapi requirements.in", NONE),
                Arguments.of(List.of("pom.xml=<project/>\n"), "mvn -B test", NONE, NONE, NONE),
                Arguments.of(List.of("pom.xml=<project/>\n", "mvnw=#!/bin/sh\n"), "./mvnw -B test", NONE, NONE, NONE),
                Arguments.of(List.of("package.json={\"scripts\": {\"test\": \"jest\"}}", "package-lock.json={}"),
                        "npm test", "npm ci", "npm install --package-lock-only", NONE),
                Arguments.of(List.of("package.json={\"scripts\": {\"test\": \"node --test\"}}"),
                        "npm test", "npm install", NONE, NONE),
                Arguments.of(List.of("package.json={\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}"),
                        NONE, "npm install", NONE, NONE),
                Arguments.of(List.of("tests/", "README.md=hello\n"), NONE, NONE, NONE, NONE),
                Arguments.of(List.of("pyproject.toml=[tool.pytest\n"), NONE, NONE, NONE, NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void detects(List<String> files, String test, String install, String lock, String setup) throws IOException {
        Path root = Files.createDirectory(temp.resolve("project"));
        for (String file : files) {
            if (file.endsWith("/")) {
                Files.createDirectories(root.resolve(file));
            } else {
                int eq = file.indexOf('=');
                Files.writeString(root.resolve(file.substring(0, eq)), file.substring(eq + 1), UTF_8);
            }
        }
        Toolchain found = Toolchain.detect(root);
        assertEquals(test, shown(found.test()));
        assertEquals(install, shown(found.install()));
        assertEquals(lock, found.lock().map(l -> l.forPackages(List.of("fastapi")).display()).orElse(NONE));
        assertEquals(setup.replace("{root}", root.toString()), found.setup().map(s -> s.command().display()).orElse(NONE));
        assertEquals(found.test().isPresent() ? 0 : 1,
                found.detected().stream().filter(d -> d.startsWith("tests: none found")).count());
    }

    private static String shown(Optional<Command> command) {
        return command.map(Command::display).orElse(NONE);
    }

    @org.junit.jupiter.api.Test
    void configuredCommandsReplaceDetectedOnes() throws IOException {
        Files.writeString(temp.resolve("uv.lock"), "version = 1\n", UTF_8);
        Toolchain configured = Toolchain.detect(temp)
                .withTest(Command.shell("make check"))
                .withInstall(Optional.empty())
                .withLock(Optional.of(LockCommand.fixed(Command.of("uv", "lock"))))
                .withSetup(Optional.of(new Toolchain.Setup(Command.of("uv", "venv"), ".venv")));
        assertEquals(Optional.of(Command.of("sh", "-c", "make check")), configured.test());
        assertEquals(Optional.empty(), configured.install());
        assertEquals("uv lock", configured.lock().get().forPackages(List.of("fastapi")).display());
        assertEquals("uv venv", configured.setup().get().command().display());
        assertEquals(List.of("install: uv sync (uv.lock)", "lock: uv lock --upgrade-package X (uv.lock)",
                "tests: none found (no pytest configuration or tests/ folder, pom.xml, or package.json test script)"),
                configured.detected());
    }

    @org.junit.jupiter.api.Test
    void lockCommandsRepeatTheirPackageArgumentsPerPackage() {
        LockCommand uv = new LockCommand(List.of("uv", "lock"), List.of("--upgrade-package", LockCommand.PACKAGE), List.of());
        assertEquals(List.of("uv", "lock", "--upgrade-package", "fastapi", "--upgrade-package", "pydantic"),
                uv.forPackages(List.of("fastapi", "pydantic")).argv());
        assertEquals(List.of("poetry", "lock", "--no-update"),
                LockCommand.fixed(Command.of("poetry", "lock", "--no-update")).forPackages(List.of("a", "b")).argv());
    }
}
