package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTitleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "0.46.0                         | 0.46.0    | -          | true",
        "[0.46.0] - 2020-01-02          | 0.46.0    | 2020-01-02 | true",
        "Version 0.46.0 (2020-01-02)    | 0.46.0    | 2020-01-02 | true",
        "Version 0.46.0 (codename Tofu) | 0.46.0    | -          | false",
        "v0.46.0                        | 0.46.0    | -          | true",
        "V0.46.0                        | 0.46.0    | -          | true",
        "0.46.0 / 2020-01-02            | 0.46.0    | 2020-01-02 | true",
        "fastapi 0.46.0                 | 0.46.0    | -          | true",
        "fastapi v0.46.0 (2020-01-02)   | 0.46.0    | 2020-01-02 | true",
        "@scope/pkg 1.2.0               | 1.2.0     | -          | true",
        "pydantic-core v2.0.1           | 2.0.1     | -          | true",
        "Release 3.1                    | 3.1       | -          | true",
        "0.46.0 (2020-01-02)            | 0.46.0    | 2020-01-02 | true",
        "0.46.0 2020-01-02              | 0.46.0    | 2020-01-02 | true",
        "2.0.0-beta.1                   | 2.0.0-beta.1 | -       | true",
        "1.0.0rc1                       | 1.0.0rc1  | -          | true",
        "1.0.0.post1                    | 1.0.0.post1 | -        | true",
        "1.0.0.dev0                     | 1.0.0.dev0 | -         | true",
        "v2.14.0b1 (2026-08-06)         | 2.14.0b1  | 2026-08-06 | true",
        "1.0.0+build.5                  | 1.0.0+build.5 | -      | true",
        "3.0.0beta7 / 2012-07-16        | 3.0.0beta7 | 2012-07-16 | true",
        "Version 1.3 beta3              | 1.3-beta3 | -          | true",
        "Version 1.4 BETA               | 1.4-BETA  | -          | true",
        "0.28.0 (28th November, 2024)   | 0.28.0    | 2024-11-28 | true",
        "0.25.2 (November 24th, 2023)   | 0.25.2    | 2023-11-24 | true",
        "0.47.3 (August 24, 2025)       | 0.47.3    | 2025-08-24 | true",
        "1.2.3 (Dec 6, 2024)            | 1.2.3     | 2024-12-06 | true",
        "1.2.3 (6 Sept 2024)            | 1.2.3     | 2024-09-06 | true",
        "1.2.3 - 2024/12/06             | 1.2.3     | 2024-12-06 | true",
        "2.4.2. / 2011-07-06            | 2.4.2     | 2011-07-06 | true",
        "2.5.9/ 2012-04-02              | 2.5.9     | 2012-04-02 | true",
        "1.0.0 - 2020-02-30             | 1.0.0     | -          | false",
        "1.0.0: The Big One             | 1.0.0     | -          | false",
        "v1.9.0 (2021-12-31) Changes    | 1.9.0     | 2021-12-31 | false",
        "v2                             | 2         | -          | true",
        "Version 2                      | 2         | -          | true",
    })
    void readsVersionHeadings(String heading, String version, String date, boolean bare) {
        VersionTitle t = VersionTitle.parse(heading).orElseThrow();
        assertEquals(version, t.version());
        assertEquals(Optional.ofNullable(date).map(LocalDate::parse), t.date());
        assertEquals(bare, t.bare());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unreleased", "[Unreleased]", "[UNRELEASED]", "Unreleased Changes", "Latest Changes",
        "1.1.0 (unreleased)", "2.0.0 - not yet released", "Upcoming", "Next release", "In progress", "Fixes",
        "Features", "Breaking Changes", "Python 3.12 support", "2.0 Migration Guide", "Pydantic v1",
        "Upgrading from 1.x to 2.0", "Changes in 1.2.3", "Node 18", "2020-01-02", "2", "0.x", "`pydantic-core`",
        "🐞 Bug fixes", "New Contributors", ""})
    void otherHeadingsNameNoVersion(String heading) {
        assertEquals(Optional.empty(), VersionTitle.parse(heading));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unreleased", "[Unreleased]", "Unreleased Changes", "Latest Changes", "Latest", "Next",
        "Upcoming release", "WIP", "1.1.0 (unreleased)", "3.0.0 (to be released)"})
    void unreleasedHeadings(String heading) {
        assertTrue(VersionTitle.isUnreleased(heading));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "Next steps", "Latest news about 2.0", "Released features", "Main"})
    void releasedOrOrdinaryHeadings(String heading) {
        assertFalse(VersionTitle.isUnreleased(heading));
    }
}
