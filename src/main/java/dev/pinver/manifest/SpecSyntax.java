package dev.pinver.manifest;

/** The grammar a dependency's spec is written in, which decides how it parses and is rewritten. */
public enum SpecSyntax {
    /** PEP 440 specifiers: requirements files, PEP 621 and PEP 735 tables, PDM. */
    PEP440,
    /** Poetry's constraints: {@code ^0.45}, {@code ~0.45}, {@code *}, {@code >=1,<2}, {@code 1.2.*}. */
    POETRY,
    /** Maven versions and ranges. */
    MAVEN,
    /** node-semver ranges. */
    NPM
}
