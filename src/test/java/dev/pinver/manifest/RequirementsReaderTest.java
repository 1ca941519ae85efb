package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsReaderTest {

    private static final Path FILE = Path.of("/repo/requirements/dev.txt");
    private static final String SHA256_A = "9535bfdd665260b2888ec4121569e3ca5106965a7fedbb6de6ba1bafebc5c7d7";
    private static final String SHA256_B = "d9564f1565fe1ae6a1173e544ef43a85f093e83997ef45af65d0d250eb48d7a1";

    private static Manifest read(String text) {
        Manifest m = new RequirementsReader().read(FILE, text);
        assertSpansExact(text, m);
        return m;
    }

    /** Every spec can be cut out of the text at its span, and the span's line and column are those of its start. */
    static void assertSpansExact(String text, Manifest m) {
        for (Dependency d : m.dependencies()) {
            assertEquals(d.spec(), text.substring(d.span().start(), d.span().end()), d.toString());
            assertEquals(Span.of(text, d.span().start(), d.span().end()), d.span(), d.toString());
            assertEquals(Ecosystem.PYPI, d.ecosystem());
            assertEquals(SpecSyntax.PEP440, d.syntax());
            assertEquals(m.path(), d.manifest());
        }
        for (Manifest.Include i : m.includes()) {
            assertEquals(Span.of(text, i.span().start(), i.span().end()), i.span(), i.toString());
        }
    }

    private static Dependency only(Manifest m, String name) {
        List<Dependency> found = m.dependencies().stream().filter(d -> d.name().equals(name)).toList();
        assertEquals(1, found.size(), name + " in " + m.dependencies());
        return found.get(0);
    }

    private static void assertDependency(Dependency d, String spec, int line, int column, Source source, boolean hashed) {
        assertEquals(spec, d.spec(), d.toString());
        assertEquals(line, d.reportedAt().line(), d.toString());
        assertEquals(column, d.reportedAt().column(), d.toString());
        assertEquals(source, d.source(), d.toString());
        assertEquals(hashed, d.hashed(), d.toString());
    }

    private static void assertProblems(Manifest m, String... expected) {
        assertEquals(List.of(expected), m.problems().stream()
                .map(p -> p.location().line() + ":" + p.location().column()).toList(), m.problems().toString());
        m.problems().forEach(p -> assertEquals(FILE, p.location().file()));
    }

    @Test
    void readsSpecsNamesAndSections() {
        Manifest m = read("fastapi>=0.45.0,<0.46.0\n  Django_Money == 3.6.1\nname (>=1.0, <2)\ncoverage[toml] >= 6.5.0,< 8.0\n");
        assertProblems(m);
        assertEquals(List.of("fastapi", "django-money", "name", "coverage"),
                m.dependencies().stream().map(Dependency::name).toList());
        assertDependency(only(m, "fastapi"), ">=0.45.0,<0.46.0", 1, 8, Source.REGISTRY, false);
        assertDependency(only(m, "django-money"), "== 3.6.1", 2, 16, Source.REGISTRY, false);
        assertDependency(only(m, "name"), ">=1.0, <2", 3, 7, Source.REGISTRY, false);
        assertDependency(only(m, "coverage"), ">= 6.5.0,< 8.0", 4, 16, Source.REGISTRY, false);
        m.dependencies().forEach(d -> assertEquals(RequirementsReader.REQUIREMENTS, d.section()));
    }

    @Test
    void emptySpecIsReportedAtTheNameWithAnEmptySpanWhereASpecWouldGo() {
        Manifest m = read("# tools\n   requests   # http\nDjango                    # Web framework\n");
        assertProblems(m);
        Dependency requests = only(m, "requests");
        assertDependency(requests, "", 2, 4, Source.REGISTRY, false);
        assertEquals(19, requests.span().start());
        assertEquals(0, requests.span().length());
        assertDependency(only(m, "django"), "", 3, 1, Source.REGISTRY, false);
    }

    @Test
    void commentsNeedWhitespaceBeforeTheHash() {
        Manifest m = read(String.join("\n",
                "kombu[redis]  # https://github.com/jazzband/pip-tools/issues/1577",
                "uvloop; platform_system != \"Windows\"  # MagicStack/uvloop#14",
                "git+https://github.com/org/tool.git#egg=tool",
                "black==26.5.1  # Used by Django's find_formatters",
                "foo#bar",
                "\t# tab-indented comment",
                "#-r not-an-include.txt",
                ""));
        assertProblems(m, "5:4");
        assertTrue(m.problems().get(0).message().contains("'#'"), m.problems().get(0).message());
        assertDependency(only(m, "kombu"), "", 1, 1, Source.REGISTRY, false);
        assertDependency(only(m, "uvloop"), "", 2, 1, Source.REGISTRY, false);
        assertDependency(only(m, "tool"), "", 3, 41, Source.URL, false);
        assertDependency(only(m, "black"), "==26.5.1", 4, 6, Source.REGISTRY, false);
        assertTrue(m.includes().isEmpty());
    }

    @Test
    void aHashInsideAMarkerStringAfterASpaceStartsACommentAsInPip() {
        Manifest m = read("foo; os_name == \"a #b\"\n");
        assertProblems(m, "1:17");
        assertTrue(m.problems().get(0).message().contains("unterminated"), m.problems().get(0).message());
    }

    @Test
    void continuationsKeepOffsetsOfTheOriginalText() {
        String text = "bytecode==0.18.1 \\\n    --hash=sha256:" + SHA256_A + " \\\n    --hash=sha256:" + SHA256_B
                + "\n    # via ddtrace\ndjango\\\n==4.2\nfoo==1.0 \\\n# a comment ends the continuation\nbar \\\n   >=2";
        Manifest m = read(text);
        assertProblems(m);
        assertDependency(only(m, "bytecode"), "==0.18.1", 1, 9, Source.REGISTRY, true);
        assertDependency(only(m, "django"), "==4.2", 6, 1, Source.REGISTRY, false);
        assertDependency(only(m, "foo"), "==1.0", 7, 4, Source.REGISTRY, false);
        assertDependency(only(m, "bar"), ">=2", 10, 4, Source.REGISTRY, false);
    }

    @Test
    void aSpecSplitByAContinuationIsAProblemAtItsStart() {
        Manifest m = read("foo>=1.0,\\\n<2.0\nok==1\n");
        assertProblems(m, "1:4");
        assertEquals(List.of("ok"), m.dependencies().stream().map(Dependency::name).toList());
    }

    @Test
    void crlfFixtureWithHashesAndContinuations() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/manifest/requirements/hashed-crlf.txt").toURI());
        String text = SourceText.read(fixture);
        assertTrue(text.contains("\r\n"));
        Manifest m = new RequirementsReader().read(fixture, text);
        assertSpansExact(text, m);
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("bytecode", "django", "requests"), m.dependencies().stream().map(Dependency::name).toList());
        assertDependency(only(m, "bytecode"), "==0.18.1", 2, 9, Source.REGISTRY, true);
        assertDependency(only(m, "django"), ">=4.2,<5.0", 6, 7, Source.REGISTRY, true);
        assertDependency(only(m, "requests"), "", 9, 1, Source.REGISTRY, false);
        Manifest.Include include = m.includes().get(0);
        assertEquals(fixture.getParent().resolve("base.txt"), include.target());
        assertEquals("base.txt", text.substring(include.span().start(), include.span().end()));
        assertEquals(8, include.span().line());
        assertEquals(4, include.span().column());
    }

    @Test
    void loneCarriageReturnsAndByteOrderMark() {
        Manifest m = read("\uFEFFa==1\rb>=2\r");
        assertProblems(m);
        assertDependency(only(m, "a"), "==1", 1, 3, Source.REGISTRY, false);
        assertDependency(only(m, "b"), ">=2", 2, 2, Source.REGISTRY, false);
    }

    @Test
    void hashProblems() {
        String text = String.join("\n",
                "a==1 --hash=md5:0123",
                "b==1 --hash=sha256:abc",
                "c==1 --hash sha512",
                "d==1",
                "    --hash=sha256:" + SHA256_A,
                "e==1 --hash=sha256:" + SHA256_A.toUpperCase() + " --hash=sha256:" + SHA256_B,
                "");
        Manifest m = read(text);
        assertProblems(m, "1:13", "2:20", "3:13", "5:5");
        assertTrue(m.problems().get(3).message().contains("'\\'"), m.problems().get(3).message());
        assertEquals(List.of("d", "e"), m.dependencies().stream().map(Dependency::name).toList());
        assertFalse(only(m, "d").hashed());
        assertTrue(only(m, "e").hashed());
    }

    @Test
    void editables() {
        Manifest m = read(String.join("\n",
                "-e .",
                "-e .[all]",
                "--editable=./libs/core",
                "-e git+https://github.com/org/repo.git@v1#egg=My_Pkg&subdirectory=src",
                "-e file:///opt/src/pkg#egg=pkg",
                "--editable \"../with space\"",
                "-e https://example.com/x.zip",
                "-e. --config-settings=editable_mode=compat",
                ""));
        assertProblems(m, "7:4");
        List<Dependency> deps = m.dependencies();
        assertEquals(List.of(".", ".", "./libs/core", "my-pkg", "pkg", "../with space", "."),
                deps.stream().map(Dependency::name).toList());
        assertDependency(deps.get(0), "", 1, 4, Source.LOCAL, false);
        assertDependency(deps.get(1), "", 2, 4, Source.LOCAL, false);
        assertDependency(deps.get(2), "", 3, 12, Source.LOCAL, false);
        assertDependency(deps.get(3), "", 4, 47, Source.URL, false);
        assertDependency(deps.get(4), "", 5, 28, Source.LOCAL, false);
        assertDependency(deps.get(5), "", 6, 13, Source.LOCAL, false);
        assertDependency(deps.get(6), "", 8, 3, Source.LOCAL, false);
    }

    @Test
    void urlsArchivesAndPaths() {
        Manifest m = read(String.join("\n",
                "https://files.example.com/pkgs/Foo_Bar-1.2-py3-none-any.whl",
                "./vendor/pkg",
                "./dist/thing-2.0.tar.gz; python_version >= \"3.8\"",
                "git+https://github.com/huggingface/peft.git",
                "git+ssh://git@github.com/org/x.git#egg=x_y ; python_version >= \"3.8\"",
                "file:///wheels/z-1.0-py3-none-any.whl",
                "clip @ git+https://github.com/openai/CLIP.git",
                "local @ file:///srv/local",
                "vendor/lib[extra]",
                "pip @ https://github.com/pypa/pip/archive/22.0.2.zip --hash=sha256:" + SHA256_A,
                "C:\\wheels\\w-3-py3-none-any.whl",
                "rel @ ./vendored/rel",
                "s3pkg @ s3://bucket/s3pkg.whl",
                ""));
        assertProblems(m);
        List<Dependency> deps = m.dependencies();
        assertEquals(List.of("foo-bar", "./vendor/pkg", "./dist/thing-2.0.tar.gz",
                        "git+https://github.com/huggingface/peft.git", "x-y", "z", "clip", "local", "vendor/lib", "pip", "w", "rel", "s3pkg"),
                deps.stream().map(Dependency::name).toList());
        assertDependency(deps.get(0), "", 1, 32, Source.URL, false);
        assertDependency(deps.get(1), "", 2, 1, Source.LOCAL, false);
        assertDependency(deps.get(2), "", 3, 1, Source.LOCAL, false);
        assertDependency(deps.get(3), "", 4, 1, Source.URL, false);
        assertDependency(deps.get(4), "", 5, 40, Source.URL, false);
        assertDependency(deps.get(5), "", 6, 16, Source.LOCAL, false);
        assertDependency(deps.get(6), "", 7, 1, Source.URL, false);
        assertDependency(deps.get(7), "", 8, 1, Source.LOCAL, false);
        assertDependency(deps.get(8), "", 9, 1, Source.LOCAL, false);
        assertDependency(deps.get(9), "", 10, 1, Source.URL, true);
        assertDependency(deps.get(10), "", 11, 11, Source.LOCAL, false);
        assertDependency(deps.get(11), "", 12, 1, Source.LOCAL, false);
        assertDependency(deps.get(12), "", 13, 1, Source.URL, false);
    }

    @Test
    void urlProblems() {
        Manifest m = read("https://example.com/a b.whl\nhttps://example.com/a.whl; python_version >> \"3\"\n"
                + "git+https://github.com/org/x.git#egg=-bad\n");
        assertProblems(m, "1:22", "2:43", "3:38");
    }

    @Test
    void aRelativeFindLinksIsBesideTheFileWhenItIsThere(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub/wheels"));
        Manifest m = new RequirementsReader().read(dir.resolve("sub/requirements.txt"), "-f wheels\n--find-links elsewhere\n");
        assertEquals(List.of(new IndexOption(IndexOption.Kind.FIND_LINKS, dir.resolve("sub/wheels").toAbsolutePath().toString()),
                new IndexOption(IndexOption.Kind.FIND_LINKS, "elsewhere")), m.indexOptions());
    }

    @Test
    void anIndexOptionCountsOnALineOfItsOwnOnly() {
        // pip ignores options other than per-requirement ones on a requirement's line
        Manifest m = read("requests==2.31.0 --index-url https://example.com/simple\n--index-url 'https://example.com/quoted'\n");
        assertProblems(m);
        assertEquals(List.of(new IndexOption(IndexOption.Kind.INDEX_URL, "https://example.com/quoted")), m.indexOptions());
    }

    @Test
    void globalAndPerRequirementOptionsAreAccepted() {
        Manifest m = read(String.join("\n",
                "-i https://pypi.org/simple",
                "--index-url=https://pypi.org/simple",
                "--extra-index-url https://download.pytorch.org/whl/cu117",
                "--extra-index ${PRIVATE_INDEX}",
                "-f ./wheels",
                "--find-links=https://example.com/links",
                "-fhttps://example.com/links2",
                "--pre",
                "--no-index",
                "--trusted-host example.com",
                "--prefer-binary",
                "--only-binary :all:",
                "--no-binary=:none:",
                "--require-hashes",
                "--use-feature=truststore",
                "-Z",
                "--always-unzip --pre",
                "foo==1 --config-settings=\"--build-option=--x y\" --global-option=--plain",
                "bar -C key=value --install-option='--prefix=/x'",
                "baz==2 --pre",
                ""));
        assertProblems(m);
        assertEquals(List.of("foo", "bar", "baz"), m.dependencies().stream().map(Dependency::name).toList());
        assertEquals(List.of(
                new IndexOption(IndexOption.Kind.INDEX_URL, "https://pypi.org/simple"),
                new IndexOption(IndexOption.Kind.INDEX_URL, "https://pypi.org/simple"),
                new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "https://download.pytorch.org/whl/cu117"),
                new IndexOption(IndexOption.Kind.EXTRA_INDEX_URL, "${PRIVATE_INDEX}"),
                new IndexOption(IndexOption.Kind.FIND_LINKS, "./wheels"),
                new IndexOption(IndexOption.Kind.FIND_LINKS, "https://example.com/links"),
                new IndexOption(IndexOption.Kind.FIND_LINKS, "https://example.com/links2"),
                new IndexOption(IndexOption.Kind.NO_INDEX, "")), m.indexOptions());
        assertDependency(only(m, "foo"), "==1", 18, 4, Source.REGISTRY, false);
        assertTrue(m.includes().isEmpty());
    }

    /** Each bad options line gives one problem at the character shown, and the next line is still read. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                          | column | message contains
            --frobnicate                    | 1      | unknown option --frobnicate
            foo==1 --frobnicate             | 8      | unknown option --frobnicate
            `   -x`                         | 4      | unknown option -x
            -Zq                             | 3      | unknown option -q
            --no                            | 1      | ambiguous option --no
            --pre=1                         | 6      | takes no value
            -r                              | 3      | needs a value
            `--index-url `                  | 12     | needs a value
            -r base.txt extra               | 13     | unexpected 'extra'
            --hash='abc                     | 8      | no closing quotation
            foo==1 -r base.txt              | 8      | must be on a line of its own
            foo==1 -e .                     | 8      | must be on a line of its own
            --requirement=                  | 15     | needs a file name
            fastapi=>0.45                   | 8      | unknown version operator '=>'
            `  fastapi=0.45`                | 10     | unknown version operator '='
            fastapi 0.45                    | 9      | expected a version operator
            """)
    void badLinesAreProblemsAtTheOffendingCharacter(String line, int column, String message) {
        Manifest m = read("ok==1\n" + line + "\nnext==2\n");
        assertEquals(1, m.problems().size(), m.problems().toString());
        Problem p = m.problems().get(0);
        assertEquals(new Location(FILE, 2, column), p.location());
        assertTrue(p.message().contains(message), p.message());
        assertEquals(List.of("ok", "next"), m.dependencies().stream().map(Dependency::name).toList());
    }

    @Test
    void problemInsideAContinuationPointsAtTheContinuedLine() {
        Manifest m = read("foo \\\n  =>1\n");
        assertProblems(m, "2:3");
    }

    @Test
    void includesResolveAgainstTheFilesDirectory() {
        String text = String.join("\n",
                "-r base.txt",
                "--requirement=../common.txt",
                "-c constraints.txt",
                "--constraint ./c2.txt",
                "-rshort.txt",
                "-r \"with space.txt\"",
                "--requirem sub/abbrev.txt",
                "-c https://raw.githubusercontent.com/edx/edx-lint/master/edx_lint/files/common_constraints.txt",
                "-r ${REQ_DIR}/env.txt",
                "");
        Manifest m = read(text);
        assertProblems(m);
        assertTrue(m.dependencies().isEmpty());
        List<Manifest.Include> in = m.includes();
        assertEquals(List.of(Path.of("/repo/requirements/base.txt"), Path.of("/repo/common.txt"),
                        Path.of("/repo/requirements/constraints.txt"), Path.of("/repo/requirements/c2.txt"),
                        Path.of("/repo/requirements/short.txt"), Path.of("/repo/requirements/with space.txt"),
                        Path.of("/repo/requirements/sub/abbrev.txt"), Path.of("/repo/requirements/${REQ_DIR}/env.txt")),
                in.stream().map(Manifest.Include::target).toList());
        assertEquals(List.of(false, false, true, true, false, false, false, false),
                in.stream().map(Manifest.Include::constraint).toList());
        assertEquals(List.of("base.txt", "../common.txt", "constraints.txt", "./c2.txt", "short.txt", "with space.txt",
                        "sub/abbrev.txt", "${REQ_DIR}/env.txt"),
                in.stream().map(i -> text.substring(i.span().start(), i.span().end())).toList());
        assertEquals(6, in.get(5).span().line());
        assertEquals(5, in.get(5).span().column());
    }

    @Test
    void includesOfAFileWithoutDirectoryAreRelative() {
        Manifest m = new RequirementsReader().read(Path.of("requirements.txt"), "-r base.txt\n");
        assertEquals(Path.of("base.txt"), m.includes().get(0).target());
    }

    @Test
    void environmentVariablesAreKeptVerbatim() {
        Manifest m = read("foo==${FOO_VERSION}\nhttps://${TOKEN}@example.com/x-1.0-py3-none-any.whl\n");
        assertProblems(m);
        assertDependency(only(m, "foo"), "==${FOO_VERSION}", 1, 4, Source.REGISTRY, false);
        assertDependency(only(m, "x"), "", 2, 30, Source.URL, false);
    }

    @Test
    void constraintsFilesFollowPipsRulesForConstraints() {
        String text = String.join("\n",
                "foo<2",
                "-e .",
                "./pkg",
                "bar[x]==1",
                "baz @ https://example.com/baz-1.0-py3-none-any.whl",
                "git+https://github.com/org/named.git#egg=named",
                "");
        Manifest m = RequirementsReader.forConstraints().read(FILE, text);
        assertSpansExact(text, m);
        assertProblems(m, "2:1", "3:1", "4:4");
        assertEquals(List.of("foo", "baz", "named"), m.dependencies().stream().map(Dependency::name).toList());
        m.dependencies().forEach(d -> assertEquals(RequirementsReader.CONSTRAINTS, d.section()));
    }

    @Test
    void emptyAndBlankFiles() {
        assertEquals(new Manifest(FILE, List.of(), List.of(), List.of()), read(""));
        assertEquals(new Manifest(FILE, List.of(), List.of(), List.of()), read("\n\n  \t\n# only comments\n\\"));
    }
}
