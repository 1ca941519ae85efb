package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.version.MavenScheme;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Release tags as projects really name them, matched to one package's versions. */
class TagVersionTest {

    private static final Map<String, ReleaseOrder<?>> ORDERS = Map.of(
            "pypi", ReleaseOrder.of(new Pep440Scheme()),
            "npm", ReleaseOrder.of(new NpmScheme()),
            "maven", ReleaseOrder.of(new MavenScheme()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pypi  | fastapi                                  | 0.115.5                      | 0.115.5",
        "pypi  | pydantic                                 | v2.9.2                       | 2.9.2",
        "pypi  | pydantic-core                            | pydantic_core-2.23.4         | 2.23.4",
        "pypi  | pydantic-core                            | v2.23.4                      | 2.23.4",
        "pypi  | httpx                                    | 0.28.0rc1                    | 0.28.0rc1",
        "npm   | react                                    | v18.3.1                      | 18.3.1",
        "npm   | react                                    | react@18.3.1                 | 18.3.1",
        "npm   | react                                    | react-dom@18.3.1             | -",
        "npm   | @babel/core                              | @babel/core@7.25.2           | 7.25.2",
        "npm   | @babel/core                              | core@7.25.2                  | 7.25.2",
        "npm   | @babel/core                              | @babel/parser@7.25.2         | -",
        "npm   | vite                                     | create-vite@5.5.2            | -",
        "npm   | vite                                     | v5.4.8                       | 5.4.8",
        "npm   | esbuild                                  | V0.24.0                      | 0.24.0",
        "maven | com.fasterxml.jackson.core:jackson-databind | jackson-databind-2.17.2   | 2.17.2",
        "maven | com.google.code.gson:gson                | gson-parent-2.11.0           | -",
        "maven | com.google.code.gson:gson                | gson-2.11.0                  | 2.11.0",
        "maven | org.apache.commons:commons-lang3         | rel/commons-lang-3.17.0      | -",
        "pypi  | fastapi                                  | latest                       | -",
        "pypi  | fastapi                                  | v                            | -",
        "npm   | eslint                                   | eslint-v9.0.0                | 9.0.0",
    })
    void tagStyles(String ecosystem, String name, String tag, String expected) {
        assertEquals(expected, TagVersion.forPackage(name).version(tag, ORDERS.get(ecosystem)).orElse("-"), tag);
    }
}
