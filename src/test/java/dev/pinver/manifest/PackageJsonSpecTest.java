package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How dependency values are read. The npm cases are golden: the comment on each group is the type npm 11's
 * {@code npm-package-arg} gives those values ({@code npa.resolve(name, value)}).
 */
class PackageJsonSpecTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = ';', emptyValue = "", value = {
        // npa: version, range, tag
        "1.2.3;REGISTRY", "^1.2.3;REGISTRY", "~1.2;REGISTRY", "1.x;REGISTRY", "*;REGISTRY", "'';REGISTRY",
        "latest;REGISTRY", "next;REGISTRY", "beta-2;REGISTRY", ">=1 <2 || 3;REGISTRY",
        // npa: directory, file
        "./x;LOCAL", "../x;LOCAL", "~/x;LOCAL", "/x;LOCAL", "C:\\x;LOCAL", "c:/x;LOCAL", "file:x;LOCAL",
        "FILE:../x;LOCAL", "x.tgz;LOCAL", "x.tar.gz;LOCAL", "x.TAR;LOCAL", "a/b/c;LOCAL", "a/b/;LOCAL", "@s/b;LOCAL",
        "a b/c;LOCAL",
        // npa: git, remote
        "a/b;URL", "a/b#v1;URL", "a/b#semver:^1;URL", "git+ssh://git@github.com/a/b.git;URL",
        "git+https://x/y.git#main;URL", "git://x/y;URL", "github:a/b;URL", "gist:123;URL", "bitbucket:a/b;URL",
        "gitlab:a/b;URL", "https://x/y.tgz;URL", "http://x/y.tgz;URL", "git@github.com:a/b.git;URL",
        // not npm's: pnpm and Yarn protocols
        "workspace:*;LOCAL", "workspace:^1.0.0;LOCAL", "link:../x;LOCAL", "portal:../x;LOCAL",
        "patch:lodash@npm%3A4.17.21#./p.patch;LOCAL", "exec:./gen.js;LOCAL", "catalog:;MANAGED", "catalog:react18;MANAGED",
        "jsr:^1.0.0;URL",
        // npm reads a non-hosted scp-like git address as a directory; pinver calls it what it is
        "user@host.com:path/repo.git;URL",
    })
    void aValueThatIsNotAnAliasIsReadWhole(String value, Source source) throws PackageJsonSpec.Invalid {
        assertEquals(new PackageJsonSpec(source, "", 0, value.length()), PackageJsonSpec.of(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        // npa: alias of the name, with the sub-spec after the '@'; an empty spec sits at the name, or after the '@'
        "npm:foo|foo|''|4", "npm:foo@1|foo|1|8", "npm:@s/foo|@s/foo|''|4", "npm:@s/foo@^2|@s/foo|^2|11",
        "NPM:foo@latest|foo|latest|8", "npm:foo@|foo|''|8",
        // Yarn: a range for the package under its own name (npm would read npm:1.2.3 as an alias of a package "1.2.3")
        "npm:^3.1.0|''|^3.1.0|4", "npm:1.2.3|''|1.2.3|4", "npm:~1|''|~1|4", "npm:>=2|''|>=2|4", "npm:|''|''|4",
    })
    void anAliasNamesThePackageAndCutsItsSpec(String value, String alias, String spec, int specStart)
            throws PackageJsonSpec.Invalid {
        assertEquals(new PackageJsonSpec(Source.REGISTRY, alias, specStart, specStart + spec.length()),
                PackageJsonSpec.of(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "npm:npm:foo@1|4|npm: aliases cannot be nested",
        "npm:foo@npm:bar@1|8|npm: aliases cannot be nested",
        "npm:foo@git+https://x/y.git|8|an npm: alias must name a registry version, not 'git+https://x/y.git'",
        "npm:foo@./dir|8|an npm: alias must name a registry version, not './dir'",
        "npm:.foo@1|4|npm: alias of an invalid package name '.foo'",
        "npm:@s@1|4|npm: alias of an invalid package name '@s'",
        "npm:a b|4|npm: alias of an invalid package name 'a b'",
    })
    void aBadAliasIsRefusedAtTheCharacterAtFault(String value, int at, String message) {
        PackageJsonSpec.Invalid e = assertThrows(PackageJsonSpec.Invalid.class, () -> PackageJsonSpec.of(value));

        assertEquals(message, e.getMessage());
        assertEquals(at, e.at());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // validate-npm-package-name: validForOldPackages
        "express|true", "@types/node|true", "Capital|true", "a.b_c-d~e!f*g'h(i)|true", "@s/_u|true", "@s/-h|true",
        "@s/.dot|false", "-h|false", "node_modules|false", "Favicon.ico|false", "''|false", ".dot|false", "_u|false", "a b|false", "\u00fcn\u00ef|false", "@s|false", "@/x|false", "a/b|false",
        "@s/a/b|false", "@s/|false", "' a'|false", "'a '|false",
    })
    void packageNamesAreThoseNpmAcceptsForOldPackages(String name, boolean valid) {
        assertEquals(valid, PackageJsonSpec.isValidName(name.equals("''") ? "" : name));
    }
}
