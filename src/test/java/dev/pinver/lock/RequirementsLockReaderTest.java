package dev.pinver.lock;

import static dev.pinver.lock.LockFixtures.assertBadInput;
import static dev.pinver.lock.LockFixtures.read;
import static dev.pinver.lock.LockFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequirementsLockReaderTest {

    private static final RequirementsLockReader READER = new RequirementsLockReader();

    @Test
    void pipCompileOutputWithHashesExtrasMarkersAndOptions() {
        LockedVersions locked = read(READER, "pip-compile-hashes.txt");
        assertEquals(LockedVersions.REQUIREMENTS, locked.format());
        // the -e line and the direct URL (internal-sso @ https://…) are skipped
        assertEquals(List.of(
                "anyio 4.7.0",
                "certifi 2024.12.14",
                "coverage 7.6.9",
                "exceptiongroup 1.2.2",
                "httpx 0.28.1",
                "jinja2 3.1.5",
                "pytest 8.3.4",
                "pytest-cov 6.0.0",
                "zope-interface 7.2",
                "setuptools 75.6.0"), render(locked));
        assertEquals(Optional.empty(), locked.versionOf("internal-sso"));
    }

    @Test
    void universalOutputForkedByMarkersKeepsTheNewest() {
        assertEquals(List.of(
                "contourpy 1.3.1",
                "matplotlib 3.10.0",
                "numpy 2.2.1",
                "pywin32 308"), render(read(READER, "uv-universal.txt")));
    }

    @Test
    void pipFreezeOutputSkipsEditablesAndDirectReferences() {
        LockedVersions locked = read(READER, "pip-freeze.txt");
        assertEquals(List.of(
                "certifi 2024.8.30",
                "charset-normalizer 3.4.0",
                "idna 3.10",
                "jinja2 3.1.4",
                "markupsafe 3.0.2",
                "requests 2.32.3",
                "urllib3 2.2.3",
                "zope-interface 7.2"), render(locked));
        assertEquals(Optional.of("3.1.4"), locked.versionOf("Jinja2"));
        assertEquals(Optional.empty(), locked.versionOf("demo-app"));
        assertEquals(Optional.empty(), locked.versionOf("mylib"));
    }

    @Test
    void aRequirementThatIsNotAnExactPinMeansTheFileIsNotALock() {
        assertBadInput(READER, """
                fastapi==0.115.6
                pydantic>=2.7,<3
                """, 2, 9, "not a lock: pydantic '>=2.7,<3' is not an exact '==' pin");
        assertBadInput(READER, """
                # hand-written
                Requests
                """, 2, 1, "not a lock: requests has no version");
        assertBadInput(READER, "numpy==1.26.*  # any patch\n", 1, 6, "not a lock: numpy '==1.26.*' is not an exact '==' pin");
        assertBadInput(READER, "idna==3.10 ; python_version >= '3.8'\nsix~=1.16\n", 2, 4, "not a lock: six '~=1.16'");
    }

    @Test
    void includesAndUnreadableLinesAreLocated() {
        assertBadInput(READER, "-r base.txt\nidna==3.10\n", 1, 4, "not a lock: it includes another file");
        assertBadInput(READER, "idna==3.10 --hash=sha256:abc\n", 1, 26, "a sha256 digest is 64 hexadecimal digits");
        assertBadInput(READER, "idna==3.10\nsix==1.16.0 ; python_version >< '3'\n", 2, 30, "unknown marker operator");
    }
}
