package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.manifest.Ecosystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackagePatternTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // exact names
        "fastapi,            PYPI,  fastapi,                           true",
        "fastapi,            PYPI,  fastapi-users,                     false",
        "react,              NPM,   react,                             true",
        "React,              NPM,   react,                             false",
        "com.google.guava:guava, MAVEN, com.google.guava:guava,        true",
        "com.google.guava:guava, MAVEN, com.google.guava:guava-testlib, false",
        // PEP 503: case and runs of - _ . are the same, on both sides
        "Zope.Interface,     PYPI,  zope-interface,                    true",
        "pydantic_core,      PYPI,  pydantic-core,                     true",
        "pydantic-core,      PYPI,  Pydantic__Core,                    true",
        "zope.*,             PYPI,  zope-interface,                    true",
        "zope.*,             PYPI,  zope,                              false",
        // ... but not in other ecosystems
        "foo_bar,            NPM,   foo-bar,                           false",
        // globs
        "*,                  NPM,   @types/node,                       true",
        "*,                  MAVEN, org.slf4j:slf4j-api,               true",
        "@types/*,           NPM,   @types/node,                       true",
        "@types/*,           NPM,   @typescript-eslint/parser,         false",
        "@types/*,           NPM,   types,                             false",
        "org.apache.*:*,     MAVEN, org.apache.commons:commons-lang3,  true",
        "org.apache.*:*,     MAVEN, org.apache.maven.resolver:maven-resolver-api, true",
        "org.apache.*:*,     MAVEN, org.apachex:foo,                   false",
        "org.apache.*:*,     MAVEN, com.google:guava,                  false",
        "*:junit-*,          MAVEN, org.junit.jupiter:junit-jupiter,   true",
        "*-core,             PYPI,  pydantic_core,                     true",
        "py?est,             PYPI,  pytest,                            true",
        "py?est,             PYPI,  pyest,                             false",
        "?,                  NPM,   ab,                                false",
        "a*b*c,              NPM,   axbybzc,                           true",
        "a*b*c,              NPM,   axbycb,                            false",
        "a*b,                NPM,   ab,                                true",
        "a*b,                NPM,   abc,                               false",
        "**,                 NPM,   x,                                 true",
    })
    void matches(String pattern, Ecosystem ecosystem, String name, boolean expected) {
        assertEquals(expected, new PackagePattern(pattern).matches(ecosystem, name));
    }
}
