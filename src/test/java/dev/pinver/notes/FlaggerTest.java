package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines as they reach the flagger: markup removed, inline code masked. */
class FlaggerTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "BREAKING CHANGE: drop the sync API                        | BREAKING",
        "Breaking: the default changed                             | BREAKING",
        "[BREAKING] rename the option                              | BREAKING",
        "This is a breaking change for plugin authors.             | BREAKING",
        "There are some possible breaking changes in TestClient.   | BREAKING",
        "feat(api)!: new endpoints                                 | BREAKING",
        "⚠️ The config file moved.                                 | BREAKING",
        ":warning: The config file moved.                          | BREAKING",
        "💥 Rename the command line tool                           | BREAKING",
        "Backwards incompatible: parse() returns a tuple           | BREAKING",
        "Backward-incompatible change to parse()                   | BREAKING",
        "(Incompatible behavior change in JsonParser): returns null | BREAKING",
        "This release is not backwards compatible with 1.x.        | BREAKING",
        "Timeouts are no longer retried.                           | BREAKING",
        "Breaking change: removed the legacy client                | BREAKING",
        "Removed the trio extra.                                   | REMOVAL",
        "Remove support for Python 3.8                             | REMOVAL",
        "Drop support for Python 3.7.                              | REMOVAL",
        "Dropped support for Client(uds=...)                       | REMOVAL",
        "Drop Python 3.6 support                                   | REMOVAL",
        "The deprecated proxies argument has now been removed.     | REMOVAL",
        "Removed a deprecated function                             | REMOVAL",
        "Remove deprecated allow_redirects argument                | REMOVAL",
        "Fix the parser. Removed the old parser.                   | REMOVAL",
        "Security fix for CVE-2024-51999                           | SECURITY",
        "This release fixes a security issue in cookie parsing     | SECURITY",
        "Update ujson ranges for CVE-2021-45958.                   | SECURITY",
        "See GHSA-pj86-cfqh-vqx6 for details                       | SECURITY",
        "Fix a vulnerability with static files on Windows          | SECURITY",
        "Prevent a ReDoS in the header parser                      | SECURITY",
        "Fixed a regular expression denial of service issue        | SECURITY",
        "Deprecate app.del()                                       | DEPRECATION",
        "The cert argument is now deprecated and will warn.        | DEPRECATION",
        "Add a deprecation warning for res.redirect                | DEPRECATION",
        "Emit DeprecationWarning when foo is used                  | DEPRECATION",
        "Deprecated the DEBUG_FD environment variable              | DEPRECATION",
    })
    void flagged(String line, Flag.Kind kind) {
        assertEquals(Optional.of(kind), Flagger.classify(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Non-breaking change: faster start-up.",
        "There are no major nor breaking changes in this release.",
        "For most cases, upgrading won't have any breaking changes.",
        "This is not a breaking change.",
        "Fix regression breaking file uploads.",
        "Removed a deprecated warning.",
        "Removed the noisy warnings.",
        "Removed unused imports.",
        "Removed duplicate entries from the docs.",
        "Removed the need to register adapters.",
        "Fix Interval zero bounds silently dropped in pipeline API",
        "Fixes the maxlen property being dropped on deque validation.",
        "httpx.ConnectionPool will properly release a dropped connection.",
        "Remove unnecessary regexp for trust proxy",
        "🔥 Remove old translation files",
        "Fix DeprecationWarning on Python 3.12",
        "Replace deprecated String.prototype.substr()",
        "Silence deprecation warnings from pytest",
        "Properly address Python 3.13 deprecation warnings.",
        "Un-deprecate Model.copy()",
        "Fix typos in the Security section of the docs.",
        "Fix security token to remove the element.",
        "Previous versions are not vulnerable; this is just explicit protection.",
        "There is no actual security vulnerability associated with this behavior.",
        "Fix crash so the server no longer hangs.",
        "Remove a check that is no longer needed.",
        "Raise an error for incompatible types.",
        "Use breaking-news styling on the home page.",
        "Add   dependency docs",
        "Add Chinese translation for the tutorial.",
    })
    void notFlagged(String line) {
        assertEquals(Optional.empty(), Flagger.classify(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Breaking Changes            | BREAKING",
        "Breaking Changes - Upgrade  | BREAKING",
        "⚠️ Breaking                  | BREAKING",
        "Backwards incompatible      | BREAKING",
        "Removed                     | REMOVAL",
        "Removals                    | REMOVAL",
        "Deprecated/removed          | REMOVAL",
        "Security fixes              | SECURITY",
        "Security                    | SECURITY",
        "Deprecated                  | DEPRECATION",
        "Deprecations                | DEPRECATION",
    })
    void headingsThatSetAKind(String title, Flag.Kind kind) {
        assertEquals(Optional.of(kind), Flagger.ofHeading(title));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fixes", "Features", "Non-breaking changes", "🐞 Bug fixes", "Internal", "Changed"})
    void headingsThatSetNone(String title) {
        assertEquals(Optional.empty(), Flagger.ofHeading(title));
    }
}
