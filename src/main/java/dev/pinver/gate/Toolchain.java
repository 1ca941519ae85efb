package dev.pinver.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinver.manifest.TomlParsing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The commands a gate runs in a checkout, in this order: {@code setup} (only when what it creates is
 * missing), {@code lock} (for the packages being upgraded), {@code install}, {@code test}; and, when
 * they were detected, what they were detected from, for reports.
 *
 * @param detected one line per detected command, e.g. {@code tests: pytest (pyproject.toml has [tool.pytest])}
 */
public record Toolchain(Optional<Setup> setup, Optional<LockCommand> lock, Optional<Command> install,
        Optional<Command> test, List<String> detected) {

    /** npm's placeholder test script from {@code npm init}, which fails on purpose. */
    private static final String NPM_PLACEHOLDER = "echo \"Error: no test specified\" && exit 1";
    private static final String VENV = ".venv";

    /**
     * A command that prepares a fresh checkout, run only when {@code creates} (relative to the checkout)
     * does not exist: the user's virtualenv is never copied, so an isolated checkout makes its own.
     */
    public record Setup(Command command, String creates) {
    }

    public Toolchain {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(test, "test");
        detected = List.copyOf(detected);
    }

    /** Only a test command, nothing to set up, lock or install. */
    public static Toolchain testing(Command test) {
        return new Toolchain(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(test), List.of());
    }

    public Toolchain withTest(Command command) {
        return new Toolchain(setup, lock, install, Optional.of(command), detected);
    }

    public Toolchain withInstall(Optional<Command> command) {
        return new Toolchain(setup, lock, command, test, detected);
    }

    public Toolchain withLock(Optional<LockCommand> command) {
        return new Toolchain(setup, command, install, test, detected);
    }

    public Toolchain withSetup(Optional<Setup> command) {
        return new Toolchain(command, lock, install, test, detected);
    }

    /**
     * The commands for the project at {@code root} (the user's repository, whose {@code .venv} is looked at
     * but never used by an isolated gate), with the reason for each.
     *
     * <ul>
     * <li>tests: pytest when pyproject.toml has a {@code [tool.pytest...]} table, or pytest.ini exists, or
     *     setup.cfg has {@code [tool:pytest]}, or tox.ini has {@code [pytest]}, or a Python project has a
     *     {@code tests/} folder ({@code .venv/bin/python -m pytest} when there is a {@code .venv} or a
     *     uv.lock, {@code poetry run pytest} with a poetry.lock, else {@code python3 -m pytest});
     *     {@code ./mvnw -B test} or {@code mvn -B test} for a pom.xml; {@code npm test} for a package.json
     *     with a test script other than npm's placeholder;</li>
     * <li>install: {@code .venv/bin/pip install -r requirements.txt} when {@code .venv} and requirements.txt
     *     exist (with a setup step that makes the {@code .venv} from the user's interpreter), {@code uv sync}
     *     with uv.lock, {@code poetry install} with poetry.lock, {@code npm ci} with package-lock.json, else
     *     {@code npm install} with package.json;</li>
     * <li>lock: {@code uv lock --upgrade-package X}, {@code poetry lock --no-update},
     *     {@code pip-compile --upgrade-package X requirements.in}, {@code npm install --package-lock-only},
     *     by which of uv.lock, poetry.lock, requirements.in, package-lock.json exists.</li>
     * </ul>
     */
    public static Toolchain detect(Path root) {
        List<String> detected = new ArrayList<>();
        boolean venv = Files.isDirectory(root.resolve(VENV));
        boolean uv = Files.isRegularFile(root.resolve("uv.lock"));
        boolean poetry = Files.isRegularFile(root.resolve("poetry.lock"));
        boolean npmLock = Files.isRegularFile(root.resolve("package-lock.json"));
        boolean packageJson = Files.isRegularFile(root.resolve("package.json"));
        boolean requirements = Files.isRegularFile(root.resolve("requirements.txt"));

        Optional<Command> test = pytestReason(root).map(reason -> {
            Command command = venv || uv ? Command.of(".venv/bin/python", "-m", "pytest")
                    : poetry ? Command.of("poetry", "run", "pytest") : Command.of("python3", "-m", "pytest");
            detected.add("tests: " + command.display() + " (" + reason + ")");
            return command;
        });
        if (test.isEmpty() && Files.isRegularFile(root.resolve("pom.xml"))) {
            boolean wrapper = Files.isRegularFile(root.resolve("mvnw"));
            test = Optional.of(wrapper ? Command.of("./mvnw", "-B", "test") : Command.of("mvn", "-B", "test"));
            detected.add("tests: " + test.get().display() + " (pom.xml" + (wrapper ? " and mvnw" : "") + ")");
        }
        if (test.isEmpty() && packageJson && npmTestScript(root)) {
            test = Optional.of(Command.of("npm", "test"));
            detected.add("tests: npm test (package.json has a test script)");
        }

        Optional<Setup> setup = Optional.empty();
        Optional<Command> install = Optional.empty();
        if (venv && requirements) {
            setup = Optional.of(new Setup(Command.of(root.resolve(VENV).resolve("bin").resolve("python").toString(),
                    "-m", "venv", VENV), VENV));
            install = Optional.of(Command.of(".venv/bin/pip", "install", "-r", "requirements.txt"));
            detected.add("install: .venv/bin/pip install -r requirements.txt (.venv and requirements.txt;"
                    + " a checkout without .venv makes one with the .venv's interpreter)");
        } else if (uv) {
            install = Optional.of(Command.of("uv", "sync"));
            detected.add("install: uv sync (uv.lock)");
        } else if (poetry) {
            install = Optional.of(Command.of("poetry", "install"));
            detected.add("install: poetry install (poetry.lock)");
        } else if (npmLock) {
            install = Optional.of(Command.of("npm", "ci"));
            detected.add("install: npm ci (package-lock.json)");
        } else if (packageJson) {
            install = Optional.of(Command.of("npm", "install"));
            detected.add("install: npm install (package.json without package-lock.json)");
        }

        Optional<LockCommand> lock = Optional.empty();
        if (uv) {
            lock = Optional.of(new LockCommand(List.of("uv", "lock"), List.of("--upgrade-package", LockCommand.PACKAGE),
                    List.of()));
            detected.add("lock: uv lock --upgrade-package X (uv.lock)");
        } else if (poetry) {
            lock = Optional.of(LockCommand.fixed(Command.of("poetry", "lock", "--no-update")));
            detected.add("lock: poetry lock --no-update (poetry.lock)");
        } else if (Files.isRegularFile(root.resolve("requirements.in"))) {
            lock = Optional.of(new LockCommand(List.of("pip-compile"), List.of("--upgrade-package", LockCommand.PACKAGE),
                    List.of("requirements.in")));
            detected.add("lock: pip-compile --upgrade-package X requirements.in (requirements.in)");
        } else if (npmLock) {
            lock = Optional.of(LockCommand.fixed(Command.of("npm", "install", "--package-lock-only")));
            detected.add("lock: npm install --package-lock-only (package-lock.json)");
        }
        if (test.isEmpty()) {
            detected.add("tests: none found (no pytest configuration or tests/ folder, pom.xml, or package.json test script)");
        }
        return new Toolchain(setup, lock, install, test, detected);
    }

    /** Why the project looks like a pytest project, or empty. */
    private static Optional<String> pytestReason(Path root) {
        Path pyproject = root.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            try {
                if (TomlParsing.hasTable(Files.readString(pyproject), "tool.pytest")) {
                    return Optional.of("pyproject.toml has [tool.pytest]");
                }
            } catch (IOException e) {
                // unreadable: not evidence of pytest
            }
        }
        if (Files.isRegularFile(root.resolve("pytest.ini"))) {
            return Optional.of("pytest.ini");
        }
        if (hasSection(root.resolve("setup.cfg"), "tool:pytest")) {
            return Optional.of("setup.cfg has [tool:pytest]");
        }
        if (hasSection(root.resolve("tox.ini"), "pytest")) {
            return Optional.of("tox.ini has [pytest]");
        }
        boolean python = Stream.of("pyproject.toml", "requirements.txt", "setup.py", "setup.cfg")
                .anyMatch(f -> Files.isRegularFile(root.resolve(f)));
        if (python && Files.isDirectory(root.resolve("tests"))) {
            return Optional.of("a Python project with a tests/ folder");
        }
        return Optional.empty();
    }

    /** Whether an INI file has a {@code [section]} header. */
    private static boolean hasSection(Path ini, String section) {
        if (!Files.isRegularFile(ini)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(ini, StandardCharsets.UTF_8)) {
            String header = "[" + section + "]";
            return lines.anyMatch(l -> l.strip().equals(header));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static boolean npmTestScript(Path root) {
        try {
            JsonNode script = new ObjectMapper().readTree(root.resolve("package.json").toFile()).path("scripts").path("test");
            return script.isTextual() && !script.asText().isBlank() && !script.asText().strip().equals(NPM_PLACEHOLDER);
        } catch (IOException e) {
            return false;
        }
    }
}
