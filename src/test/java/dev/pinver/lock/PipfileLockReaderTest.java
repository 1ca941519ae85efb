package dev.pinver.lock;

import static dev.pinver.lock.LockFixtures.assertBadInput;
import static dev.pinver.lock.LockFixtures.read;
import static dev.pinver.lock.LockFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipfileLockReaderTest {

    private static final PipfileLockReader READER = new PipfileLockReader();

    @Test
    void readsDefaultThenDevelopSkippingEditablePathGitAndFileEntries() {
        LockedVersions locked = read(READER, "Pipfile.lock");
        assertEquals(LockedVersions.PIPENV, locked.format());
        assertEquals(List.of(
                "certifi 2024.8.30",
                "charset-normalizer 3.4.0",
                "django 5.1.4",
                "requests 2.32.3",
                "urllib3 2.2.3",
                "iniconfig 2.0.0",
                "pytest 8.3.3"), render(locked));
        assertEquals(Optional.of("5.1.4"), locked.versionOf("Django"));
        assertEquals(Optional.empty(), locked.versionOf("django-money"));
        assertEquals(Optional.empty(), locked.versionOf("pytest-django"));
    }

    @Test
    void defaultWinsOverDevelopAndNamesAreNormalised() {
        String text = """
                {
                    "_meta": {"pipfile-spec": 6},
                    "default": {
                        "Django": {"version": "==4.2.17"},
                        "legacy_lib": {"version": "===2004d"}
                    },
                    "develop": {
                        "django": {"version": "==5.1.4"},
                        "types-requests": {"version": "==2.32.0.20241016"}
                    }
                }
                """;
        assertEquals(List.of("django 4.2.17", "legacy-lib 2004d", "types-requests 2.32.0.20241016"),
                render(READER.read(Path.of("Pipfile.lock"), text)));
    }

    @Test
    void aVersionThatIsNotAnExactPinIsLocatedAtItsValue() {
        assertBadInput(READER, """
                {
                    "default": {
                        "idna": {
                            "version": "*"
                        }
                    }
                }
                """, 4, 24, "the version of idna must be an exact pin");
        assertBadInput(READER, """
                {
                    "develop": {
                        "idna": {"hashes": [], "version": ">=3.7"}
                    }
                }
                """, 3, 43, "the version of idna must be an exact pin");
        assertBadInput(READER, """
                {
                    "default": {
                        "idna": {"version": 3}
                    }
                }
                """, 3, 29, "the version of idna must be an exact pin");
    }

    @Test
    void malformedStructureIsLocated() {
        assertBadInput(READER, """
                {
                    "default": ["idna==3.10"]
                }
                """, 2, 16, "\"default\" must be an object of packages");
        assertBadInput(READER, """
                {
                    "default": {
                        "idna": "==3.10"
                    }
                }
                """, 3, 17, "the entry of idna must be an object");
        assertBadInput(READER, """
                {
                    "default": {
                        "-idna": {"version": "==3.10"}
                    }
                }
                """, 3, 18, "not a valid package name: '-idna'");
        assertBadInput(READER, "[]\n", 1, 1, "expected a JSON object");
    }

    @Test
    void brokenJsonIsLocatedAtTheBadCharacter() {
        assertBadInput(READER, """
                {
                    "default": {
                        "idna": {"version": "==3.10"}
                        "six": {"version": "==1.16.0"}
                    }
                }
                """, 4, 9, "invalid JSON: Unexpected character");
        assertBadInput(READER, """
                {
                    "default": {
                        "idna": {"version": "==3.10"},
                    }
                }
                """, 4, 5, "invalid JSON: ");
    }
}
