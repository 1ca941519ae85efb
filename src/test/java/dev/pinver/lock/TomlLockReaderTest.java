package dev.pinver.lock;

import static dev.pinver.lock.LockFixtures.assertBadInput;
import static dev.pinver.lock.LockFixtures.read;
import static dev.pinver.lock.LockFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TomlLockReaderTest {

    @Test
    void uvLockKeepsRegistryPackagesAndTheNewestOfAMarkerFork() {
        LockedVersions locked = read(TomlLockReader.uv(), "uv.lock");
        assertEquals(LockedVersions.UV, locked.format());
        // demo-app and demo-lib are the editable workspace projects, tomli-w comes from git;
        // numpy is forked three ways (<3.9, 3.9, >=3.10); torch comes from the PyTorch index
        assertEquals(List.of(
                "anyio 4.5.2",
                "certifi 2025.4.26",
                "h2 4.1.0",
                "httpx 0.27.2",
                "numpy 2.2.6",
                "torch 2.5.1+cpu"), render(locked));
    }

    @Test
    void poetryLockSkipsGitAndDirectorySourcesButKeepsAPrivateIndex() {
        LockedVersions locked = read(TomlLockReader.poetry(), "poetry.lock");
        assertEquals(LockedVersions.POETRY, locked.format());
        assertEquals(List.of(
                "annotated-types 0.7.0",
                "company-auth 3.4.1",
                "coverage 7.6.1",
                "numpy 1.26.4",
                "pydantic 2.10.6",
                "typing-extensions 4.12.2"), render(locked));
    }

    @Test
    void pdmLockSkipsEditablePathAndGitEntriesAndMergesExtrasEntries() {
        LockedVersions locked = read(TomlLockReader.pdm(), "pdm.lock");
        assertEquals(LockedVersions.PDM, locked.format());
        assertEquals(List.of(
                "click 8.1.8",
                "colorama 0.4.6",
                "exceptiongroup 1.2.2",
                "pytest 8.3.4",
                "scipy 1.15.1",
                "uvicorn 0.34.0",
                "zope-interface 7.2"), render(locked));
    }

    @Test
    void oldPdmExtrasNamesCountForTheirBaseName() {
        String text = """
                [[package]]
                name = "uvicorn"
                version = "0.22.0"

                [[package]]
                name = "uvicorn[standard]"
                version = "0.22.0"

                [[package]]
                name = "httpx[http2]"
                version = "0.24.1"
                """;
        assertEquals(List.of("uvicorn 0.22.0", "httpx 0.24.1"), render(TomlLockReader.pdm().read(Path.of("pdm.lock"), text)));
    }

    @Test
    void namesAreNormalisedAndLookedUpInAnySpelling() {
        String text = """
                [[package]]
                name = "Zope.Interface"
                version = "5.4.0"

                [[package]]
                name = "ruamel.yaml.clib"
                version = "0.2.8"

                [metadata]
                lock-version = "1.1"
                """;
        LockedVersions locked = TomlLockReader.poetry().read(Path.of("poetry.lock"), text);
        assertEquals(List.of("zope-interface 5.4.0", "ruamel-yaml-clib 0.2.8"), render(locked));
        assertEquals(Optional.of("5.4.0"), locked.versionOf("zope_interface"));
        assertEquals(Optional.of("0.2.8"), locked.versionOf("Ruamel.Yaml.Clib"));
        assertEquals(Optional.empty(), locked.versionOf("ruamel-yaml"));
    }

    @Test
    void aForkKeepsTheNewestByPep440OrderWhateverItsPlace() {
        String text = """
                [[package]]
                name = "matplotlib"
                version = "3.10.0"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "matplotlib"
                version = "3.9.4"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "pytz"
                version = "2024.2"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "pytz"
                version = "2024.1.post1"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "oldlib"
                version = "2004d"
                source = { registry = "https://pypi.org/simple" }

                [[package]]
                name = "oldlib"
                version = "1.0"
                source = { registry = "https://pypi.org/simple" }
                """;
        LockedVersions locked = TomlLockReader.uv().read(Path.of("uv.lock"), text);
        // "2004d" is no PEP 440 version: the first one seen stays
        assertEquals(List.of("matplotlib 3.10.0", "pytz 2024.2", "oldlib 2004d"), render(locked));
    }

    @Test
    void aLockWithoutPackagesLocksNothing() {
        String text = """
                version = 1
                revision = 3
                requires-python = ">=3.12"

                [[package]]
                name = "demo"
                source = { virtual = "." }
                """;
        assertEquals(List.of(), render(TomlLockReader.uv().read(Path.of("uv.lock"), "")));
        assertEquals(List.of(), render(TomlLockReader.uv().read(Path.of("uv.lock"), text)));
    }

    @Test
    void aByteOrderMarkIsReadAndCountedInColumns() {
        String text = "\uFEFF[[package]]\nname = \"idna\"\nversion = \"3.10\"\n";
        assertEquals(List.of("idna 3.10"), render(TomlLockReader.pdm().read(Path.of("pdm.lock"), text)));
        assertBadInput(TomlLockReader.pdm(), "\uFEFFpackage = 1\n", 1, 12, "expected [[package]] tables");
    }

    @Test
    void brokenTomlIsLocatedAtTheBadCharacter() {
        assertBadInput(TomlLockReader.poetry(), """
                [[package]]
                name = "idna
                version = "3.10"
                """, 2, 13, "invalid TOML: ");
        // tomlj counts the astral character as one column; the location counts characters (two)
        assertBadInput(TomlLockReader.poetry(), """
                [[package]]
                name = "idna"
                description = "\uD835\uDC9C" = 1
                """, 3, 20, "invalid TOML: ");
        assertBadInput(TomlLockReader.pdm(), """
                [[package]]
                name = "idna"
                version = "3.10"
                [[package]]
                name = "idna"
                name = "idna"
                """, 6, 1, "invalid TOML: ");
    }

    @Test
    void entriesWithoutUsableNameOrVersionAreLocated() {
        assertBadInput(TomlLockReader.uv(), """
                version = 1
                revision = 3

                [[package]]
                name = "idna"
                source = { registry = "https://pypi.org/simple" }
                """, 4, 1, "this [[package]] entry has no version");
        assertBadInput(TomlLockReader.poetry(), """
                [[package]]
                name = "idna"
                version = 3.10
                """, 3, 11, "version must be a string");
        assertBadInput(TomlLockReader.pdm(), """
                [metadata]
                lock_version = "4.5.0"

                [[package]]
                version = "3.10"
                """, 4, 1, "this [[package]] entry has no name");
        assertBadInput(TomlLockReader.pdm(), """
                [[package]]
                name = "-idna"
                version = "3.10"
                """, 2, 8, "not a valid package name: '-idna'");
        assertBadInput(TomlLockReader.uv(), """
                version = 1
                package = "idna"
                """, 2, 11, "expected [[package]] tables");
        assertBadInput(TomlLockReader.uv(), """
                [[package]]
                name = "idna"
                version = "3.10"
                source = "https://pypi.org/simple"
                """, 4, 10, "source must be a table");
        assertBadInput(TomlLockReader.poetry(), """
                [[package]]
                name = "idna"
                version = "3.10"

                [package.source]
                url = "https://example.com/simple"
                """, 5, 1, "[package.source] has no type");
    }
}
