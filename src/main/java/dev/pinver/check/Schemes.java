package dev.pinver.check;

import dev.pinver.manifest.SpecSyntax;
import dev.pinver.version.MavenScheme;
import dev.pinver.version.NpmScheme;
import dev.pinver.version.Pep440Scheme;
import dev.pinver.version.PoetryScheme;
import dev.pinver.version.VersionScheme;

/** The version scheme each spec syntax is read with. */
public final class Schemes {

    private static final Pep440Scheme PEP440 = new Pep440Scheme();
    private static final PoetryScheme POETRY = new PoetryScheme();
    private static final NpmScheme NPM = new NpmScheme();
    private static final MavenScheme MAVEN = new MavenScheme();

    private Schemes() {
    }

    public static VersionScheme<?> of(SpecSyntax syntax) {
        return switch (syntax) {
            case PEP440 -> PEP440;
            case POETRY -> POETRY;
            case NPM -> NPM;
            case MAVEN -> MAVEN;
        };
    }
}
