package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PomReaderTest {

    private static final Path FILE = Path.of("/repo/module/pom.xml");

    static Path fixtures() {
        try {
            return Path.of(Objects.requireNonNull(PomReaderTest.class.getResource("/manifest/pom")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file loader over in-memory texts that records what it was asked for. */
    static final class MemoryFiles implements Function<Path, Optional<String>> {
        final Map<Path, String> texts = new HashMap<>();
        final List<Path> asked = new ArrayList<>();

        MemoryFiles with(String path, String text) {
            texts.put(Path.of(path), text);
            return this;
        }

        @Override
        public Optional<String> apply(Path path) {
            asked.add(path);
            return Optional.ofNullable(texts.get(path));
        }
    }

    /**
     * A dependency as {@code name [spec] file line:col SOURCE section ${property} @file:line:col}, files relative
     * to {@code root}, the property only when there is one, the declaration always.
     */
    static String render(Path root, Dependency d) {
        return d.name() + " [" + d.spec() + "] " + relative(root, d.manifest()) + " " + d.span().line() + ":"
                + d.span().column() + " " + d.source() + " " + d.section()
                + (d.property().isEmpty() ? "" : " ${" + d.property() + "}")
                + " @" + relative(root, d.declaredAt().file()) + ":" + d.declaredAt().line() + ":" + d.declaredAt().column();
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Every spec can be cut out of the file that holds it, and the span's line and column are those of its
     * start; a dependency with a property is declared at a {@code ${…}} version, any other where its spec is.
     */
    static void assertSpansExact(Manifest m, Function<Path, String> texts) {
        for (Dependency d : m.dependencies()) {
            String text = texts.apply(d.manifest());
            assertEquals(d.spec(), text.substring(d.span().start(), d.span().end()), d.toString());
            assertEquals(Span.of(text, d.span().start(), d.span().end()), d.span(), d.toString());
            assertEquals(Ecosystem.MAVEN, d.ecosystem());
            assertEquals(SpecSyntax.MAVEN, d.syntax());
            assertFalse(d.hashed());
            if (d.property().isEmpty()) {
                assertEquals(m.path(), d.manifest(), d.toString());
                assertEquals(d.location(), d.declaredAt(), d.toString());
            } else {
                assertEquals(m.path(), d.declaredAt().file(), d.toString());
                String declaring = texts.apply(m.path());
                assertTrue(declaring.startsWith("${", offsetOf(declaring, d.declaredAt())), d.toString());
            }
        }
    }

    private static int offsetOf(String text, Location at) {
        int offset = 0;
        for (int line = 1; line < at.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + at.column() - 1;
    }

    private static String read(Path file) {
        return SourceText.read(file);
    }

    private static Manifest readFixture(String relative) {
        Path file = fixtures().resolve(relative);
        Manifest m = new PomReader().read(file, read(file));
        assertSpansExact(m, PomReaderTest::read);
        return m;
    }

    private static List<String> rendered(Manifest m) {
        return m.dependencies().stream().map(d -> render(fixtures(), d)).toList();
    }

    private static List<String> problems(Manifest m) {
        return m.problems().stream()
                .map(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
                .toList();
    }

    private static String pom(String body) {
        return "<project>\n" + body + "</project>\n";
    }

    // ---- fixtures on disk ---------------------------------------------------------------------------

    @Test
    void childReadsVersionsFromItsParentWithCrlfLineEnds() {
        Manifest m = readFixture("family/app/pom.xml");
        assertEquals(List.of(), m.problems());
        assertEquals(List.of(
                "dev.pinver.fixture:family-parent [1.4.0-SNAPSHOT] family/app/pom.xml 8:14 REGISTRY parent"
                        + " @family/app/pom.xml:8:14",
                "org.springframework.boot:spring-boot-dependencies [3.3.0] family/app/pom.xml 24:18 REGISTRY"
                        + " dependencyManagement @family/app/pom.xml:24:18",
                "com.fasterxml.jackson.core:jackson-databind [2.17.1] family/pom.xml 12:22 REGISTRY dependencies"
                        + " ${jackson.version} @family/app/pom.xml:35:16",
                "org.slf4j:slf4j-api [2.0.13] family/pom.xml 15:22 REGISTRY dependencies ${logging.version}"
                        + " @family/app/pom.xml:40:16",
                "com.google.guava:guava [33.2.1-jre] family/app/pom.xml 16:21 REGISTRY dependencies ${guava.version}"
                        + " @family/app/pom.xml:45:16",
                "org.springframework.boot:spring-boot-starter-web [] family/app/pom.xml 50:19 MANAGED dependencies"
                        + " @family/app/pom.xml:50:19",
                "dev.pinver.fixture:family-core [1.4.0-SNAPSHOT] family/app/pom.xml 8:14 LOCAL dependencies"
                        + " ${project.version} @family/app/pom.xml:55:16",
                "org.junit.jupiter:junit-jupiter [5.11.0] family/app/pom.xml 15:20 REGISTRY dependencies"
                        + " ${junit.version} @family/app/pom.xml:60:47",
                "org.apache.commons:commons-text [1.12.0] family/app/pom.xml 66:25 REGISTRY dependencies"
                        + " @family/app/pom.xml:66:25",
                "io.micrometer:micrometer-core [[1.13,1.14)] family/app/pom.xml 72:9 REGISTRY dependencies"
                        + " @family/app/pom.xml:72:9",
                "com.example:from-settings [${settings.only.version}] family/app/pom.xml 78:16 REGISTRY dependencies"
                        + " @family/app/pom.xml:78:16",
                "kr.motd.maven:os-maven-plugin [1.7.1] family/app/pom.xml 87:18 REGISTRY build.extensions"
                        + " @family/app/pom.xml:87:18",
                "org.apache.maven.plugins:maven-surefire-plugin [3.2.5] family/app/pom.xml 94:20 REGISTRY"
                        + " build.pluginManagement @family/app/pom.xml:94:20",
                "org.apache.maven.plugins:maven-surefire-plugin [] family/app/pom.xml 100:21 MANAGED build.plugins"
                        + " @family/app/pom.xml:100:21",
                "org.apache.maven.plugins:maven-checkstyle-plugin [3.4.0] family/app/pom.xml 105:18 REGISTRY"
                        + " build.plugins @family/app/pom.xml:105:18",
                "com.puppycrawl.tools:checkstyle [10.17.0] family/app/pom.xml 114:22 REGISTRY"
                        + " build.plugins.maven-checkstyle-plugin.dependencies @family/app/pom.xml:114:22",
                "org.apache.maven.plugins:maven-project-info-reports-plugin [3.6.0] family/app/pom.xml 125:18"
                        + " REGISTRY reporting.plugins @family/app/pom.xml:125:18",
                "com.fasterxml.jackson.module:jackson-module-jaxb-annotations [2.12.7] family/app/pom.xml 134:26"
                        + " REGISTRY profiles.legacy.dependencies ${jackson.version} @family/app/pom.xml:140:20",
                "org.codehaus.mojo:animal-sniffer-maven-plugin [1.23] family/app/pom.xml 148:22 REGISTRY"
                        + " profiles.legacy.build.plugins @family/app/pom.xml:148:22"),
                rendered(m));
    }

    @Test
    void ciFriendlyVersionsAndADirectoryRelativePath() {
        Manifest m = readFixture("ci/lib/pom.xml");
        assertEquals(List.of(), m.problems());
        assertEquals(List.of(
                "dev.pinver.ci:ci-root [2.1.0-SNAPSHOT] ci/pom.xml 16:15 REGISTRY parent ${revision}"
                        + " @ci/lib/pom.xml:7:14",
                "io.netty:netty-handler [4.1.110.Final] ci/pom.xml 17:20 REGISTRY dependencies ${netty.version}"
                        + " @ci/lib/pom.xml:29:16",
                "dev.pinver.ci:ci-api [2.1.0-SNAPSHOT] ci/pom.xml 16:15 LOCAL dependencies ${revision}"
                        + " @ci/lib/pom.xml:34:16",
                "dev.pinver.ci:ci-spi [2.1.0-SNAPSHOT] ci/pom.xml 16:15 REGISTRY dependencies ${revision}"
                        + " @ci/lib/pom.xml:39:16"),
                rendered(m));
    }

    @Test
    void projectCoordinatesRepositoriesAndScm() {
        Path lib = fixtures().resolve("ci/lib/pom.xml");
        PomProject project = new PomReader().project(lib, read(lib));
        assertEquals(new PomProject("dev.pinver.ci", "ci-lib", "2.1.0-SNAPSHOT", true,
                List.of(new PomProject.Repository("snapshots", "https://repo.example.com/snapshots")),
                List.of(new PomProject.Repository("plugins", "https://plugins.example.com/2.1.0-SNAPSHOT")),
                "https://ci.example.com/lib",
                new PomProject.Scm("scm:git:https://git.example.com/ci.git", "",
                        "https://git.example.com/ci/tree/v2.1.0-SNAPSHOT", "")), project);
        assertEquals("dev.pinver.ci:ci-lib", project.name());

        Path app = fixtures().resolve("family/app/pom.xml");
        PomProject family = new PomReader().project(app, read(app));
        assertEquals(new PomProject("dev.pinver.fixture", "app", "1.4.0-SNAPSHOT", true,
                List.of(new PomProject.Repository("company", "https://repo.example.com/maven")), List.of(), "",
                new PomProject.Scm("", "", "", "")), family);
    }

    @Test
    void repositoryUrlsMayNameWhereThePomLies() {
        PomProject project = new PomReader(new MemoryFiles()).project(FILE, pom("<groupId>g</groupId>"
                + "<artifactId>a</artifactId><version>1</version><repositories>"
                + "<repository><id>uri</id><url>${project.baseUri}repo/</url></repository>"
                + "<repository><id>dir</id><url>file://${project.basedir}/libs</url></repository>"
                + "<repository><id>old</id><url>file://${basedir}/old</url></repository>"
                + "<repository><id>own</id><url>${basedir}</url></repository>"
                + "</repositories><properties><basedir>/elsewhere</basedir></properties>"));
        assertEquals(List.of(new PomProject.Repository("uri", "file:///repo/module/repo/"),
                new PomProject.Repository("dir", "file:///repo/module/libs"),
                new PomProject.Repository("old", "file:///elsewhere/old"),
                new PomProject.Repository("own", "/elsewhere")), project.repositories());
    }

    @Test
    void projectVersionForms() {
        PomReader reader = new PomReader(new MemoryFiles());
        assertEquals("1.0", reader.project(FILE, pom("<groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1.0</version>")).version());
        assertFalse(reader.project(FILE, pom("<groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1.0</version>")).snapshot());
        PomProject composite = reader.project(FILE, pom("<groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>${revision}${changelist}</version><properties><revision>3.0</revision>"
                + "<changelist>-SNAPSHOT</changelist></properties>"));
        assertEquals("3.0-SNAPSHOT", composite.version());
        assertTrue(composite.snapshot());
        assertEquals("3.0${sha1}", reader.project(FILE, pom("<groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>${revision}${sha1}</version><properties><revision>3.0</revision></properties>")).version());
        PomProject inherited = reader.project(FILE, pom("<parent><groupId>p</groupId><artifactId>pa</artifactId>"
                + "<version>9-snapshot</version></parent><artifactId>a</artifactId>"));
        assertEquals("p:a", inherited.name());
        assertEquals("9-snapshot", inherited.version());
        assertTrue(inherited.snapshot());
    }

    @Test
    void projectOfMalformedPomIsBadInputAtTheExactPlace() {
        PinverException e = assertThrows(PinverException.class,
                () -> new PomReader(new MemoryFiles()).project(FILE, "<project>\n  <a></b>\n</project>"));
        assertEquals(PinverException.Kind.BAD_INPUT, e.kind());
        assertEquals(Optional.of(new Location(FILE, 2, 6)), e.location());
    }

    @Test
    void spansAreEditableThroughTheManifestEditor() {
        Path app = fixtures().resolve("family/app/pom.xml");
        String text = read(app);
        Manifest m = new PomReader().read(app, text);
        Map<String, String> newSpecs = Map.of("com.google.guava:guava", "33.3.0-jre",
                "org.apache.commons:commons-text", "1.13.0", "io.micrometer:micrometer-core", "[1.14,1.15)",
                "com.puppycrawl.tools:checkstyle", "10.18.0");
        List<Edit> edits = m.dependencies().stream().filter(d -> newSpecs.containsKey(d.name()))
                .map(d -> Edit.of(d, newSpecs.get(d.name()))).toList();
        String after = ManifestEditor.plan(new ManifestEditor.FileEdits(app, text, new PomReader(), edits)).after();
        String expected = text.replace("<guava.version> 33.2.1-jre </guava.version>", "<guava.version> 33.3.0-jre </guava.version>")
                .replace("<![CDATA[1.12.0]]>", "<![CDATA[1.13.0]]>")
                .replace("        [1.13,1.14)\r\n", "        [1.14,1.15)\r\n")
                .replace("<version>10.17.0</version>", "<version>10.18.0</version>");
        assertEquals(expected, after);
    }

    // ---- the parent chain ---------------------------------------------------------------------------

    private static final String CHILD = """
            <project>
              <parent>
                <groupId>g</groupId>
                <artifactId>parent</artifactId>
                <version>1</version>
              </parent>
              <artifactId>child</artifactId>
              <dependencies>
                <dependency>
                  <groupId>x</groupId>
                  <artifactId>y</artifactId>
                  <version>${y.version}</version>
                </dependency>
              </dependencies>
            </project>
            """;

    private static String parent(String groupId, String artifactId, String version) {
        return "<project><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + version + "</version>\n<properties><y.version>4.5</y.version></properties></project>";
    }

    @Test
    void parentAtTheDefaultRelativePathIsUsedWhenItsCoordinatesMatch() {
        MemoryFiles files = new MemoryFiles().with("/repo/pom.xml", parent("g", "parent", "1"));
        Manifest m = new PomReader(files).read(FILE, CHILD);
        assertEquals(List.of(Path.of("/repo/pom.xml")), files.asked);
        Dependency y = m.dependencies().get(1);
        assertEquals("x:y", y.name());
        assertEquals("4.5", y.spec());
        assertEquals(Path.of("/repo/pom.xml"), y.manifest());
        assertEquals(new Span(104, 107, 2, 24), y.span());
        assertEquals("y.version", y.property());
        assertEquals(new Location(FILE, 12, 16), y.declaredAt());
    }

    @Test
    void parentWithOtherCoordinatesIsNotUsed() {
        for (String other : List.of(parent("h", "parent", "1"), parent("g", "other", "1"), parent("g", "parent", "2"))) {
            MemoryFiles files = new MemoryFiles().with("/repo/pom.xml", other);
            Manifest m = new PomReader(files).read(FILE, CHILD);
            assertEquals(List.of(), m.problems());
            Dependency y = m.dependencies().get(1);
            assertEquals("${y.version}", y.spec(), other);
            assertEquals(FILE, y.manifest());
            assertEquals("", y.property());
            assertEquals(Source.REGISTRY, y.source());
        }
    }

    @Test
    void relativePathForms() {
        String directory = CHILD.replace("</parent>", "<relativePath>../base</relativePath></parent>");
        MemoryFiles files = new MemoryFiles().with("/repo/base/pom.xml", parent("g", "parent", "1"));
        assertEquals("4.5", new PomReader(files).read(FILE, directory).dependencies().get(1).spec());
        assertEquals(List.of(Path.of("/repo/base"), Path.of("/repo/base/pom.xml")), files.asked);

        String none = CHILD.replace("</parent>", "<relativePath/></parent>");
        MemoryFiles untouched = new MemoryFiles().with("/repo/pom.xml", parent("g", "parent", "1"));
        assertEquals("${y.version}", new PomReader(untouched).read(FILE, none).dependencies().get(1).spec());
        assertEquals(List.of(), untouched.asked);

        String named = CHILD.replace("</parent>", "<relativePath>../parents/main.xml</relativePath></parent>");
        MemoryFiles file = new MemoryFiles().with("/repo/parents/main.xml", parent("g", "parent", "1"));
        assertEquals("4.5", new PomReader(file).read(FILE, named).dependencies().get(1).spec());
    }

    @Test
    void grandparentPropertiesAndNearestDefinitionWins() {
        String middle = "<project><parent><groupId>g</groupId><artifactId>top</artifactId><version>1</version>"
                + "<relativePath>../top</relativePath></parent><artifactId>parent</artifactId>"
                + "<properties><z.version>7</z.version></properties></project>";
        String top = "<project><groupId>g</groupId><artifactId>top</artifactId><version>1</version><properties>"
                + "<y.version>8</y.version><z.version>9</z.version></properties></project>";
        String child = CHILD.replace("</dependencies>", "<dependency><groupId>x</groupId><artifactId>z</artifactId>"
                + "<version>${z.version}</version></dependency></dependencies>");
        MemoryFiles files = new MemoryFiles().with("/repo/pom.xml", middle).with("/top/pom.xml", top);
        Manifest m = new PomReader(files).read(FILE, child);
        assertEquals(List.of(), m.problems());
        Dependency y = m.dependencies().get(1);
        Dependency z = m.dependencies().get(2);
        assertEquals(List.of("8", "/top/pom.xml", "y.version"), List.of(y.spec(), y.manifest().toString(), y.property()));
        assertEquals(Span.of(top, top.indexOf("8</y"), top.indexOf("8</y") + 1), y.span());
        assertEquals(List.of("7", "/repo/pom.xml"), List.of(z.spec(), z.manifest().toString()));
        assertEquals(Span.of(middle, middle.indexOf("7</z"), middle.indexOf("7</z") + 1), z.span());
    }

    @Test
    void unusableParentFilesAreProblemsAtTheParentElement() {
        MemoryFiles malformed = new MemoryFiles().with("/repo/pom.xml", "<project><groupId>g</groupId>");
        Manifest m = new PomReader(malformed).read(FILE, CHILD);
        assertEquals(List.of("2:3 cannot use the parent pom: /repo/pom.xml:1:1: <project> is not closed before the end"
                + " of the file"), problems(m));
        assertEquals("${y.version}", m.dependencies().get(1).spec());

        Function<Path, Optional<String>> failing = p -> {
            throw PinverException.badInput(new Location(p, 1, 3), "invalid UTF-8");
        };
        assertEquals(List.of("2:3 cannot read the parent pom /repo/pom.xml: /repo/pom.xml:1:3: invalid UTF-8"),
                problems(new PomReader(failing).read(FILE, CHILD)));
    }

    @Test
    void parentCycleIsAProblem() {
        String a = "<project><parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version>"
                + "<relativePath>../b/pom.xml</relativePath></parent><artifactId>a</artifactId></project>";
        String b = "<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version>"
                + "<relativePath>../a/pom.xml</relativePath></parent><artifactId>b</artifactId></project>";
        MemoryFiles files = new MemoryFiles().with("/r/a/pom.xml", a).with("/r/b/pom.xml", b);
        Manifest m = new PomReader(files).read(Path.of("/r/a/pom.xml"), a);
        assertEquals(List.of("1:10 parent poms form a cycle: /r/a/pom.xml -> /r/b/pom.xml -> /r/a/pom.xml"),
                problems(m).stream().map(p -> p.replace('\\', '/')).toList());
    }

    // ---- properties ---------------------------------------------------------------------------------

    @Test
    void propertyCycleIsAProblemAtTheVersionThatUsesIt() {
        String text = pom("""
                  <properties><a>${b}</a><b>${a}</b><self>${self}</self></properties>
                  <dependencies>
                    <dependency><groupId>g</groupId><artifactId>x</artifactId><version>${a}</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>y</artifactId><version>${self}</version></dependency>
                  </dependencies>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of("4:72 property cycle: a -> b -> a", "5:72 property cycle: self -> self"), problems(m));
        assertEquals(List.of("${a}", "${self}"), m.dependencies().stream().map(Dependency::spec).toList());
        assertSpansExact(m, p -> text);
    }

    @Test
    void profilePropertiesApplyOnlyInsideTheirProfile() {
        String text = pom("""
                  <properties><v>1</v></properties>
                  <dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency></dependencies>
                  <profiles>
                    <profile><id>p</id><properties><v>2</v></properties>
                      <dependencies><dependency><groupId>g</groupId><artifactId>b</artifactId><version>${v}</version></dependency></dependencies>
                    </profile>
                    <profile><properties><w>3</w></properties>
                      <dependencies><dependency><groupId>g</groupId><artifactId>c</artifactId><version>${v}</version></dependency></dependencies>
                    </profile>
                  </profiles>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of("g:a 1 2:18 dependencies", "g:b 2 5:39 profiles.p.dependencies",
                        "g:c 1 2:18 profiles.default.dependencies"),
                m.dependencies().stream().map(d -> d.name() + " " + d.spec() + " " + d.span().line() + ":"
                        + d.span().column() + " " + d.section()).toList());
        assertSpansExact(m, p -> text);
    }

    @Test
    void eclipsesLifecycleMappingPluginIsNotADependency() {
        String text = pom("""
                  <properties><lifecycle-mapping>1.0.0</lifecycle-mapping></properties>
                  <dependencies><dependency><groupId>org.eclipse.m2e</groupId><artifactId>lifecycle-mapping</artifactId><version>1.0.0</version></dependency></dependencies>
                  <profiles><profile><id>m2e</id><build><pluginManagement><plugins>
                    <plugin><groupId>org.eclipse.m2e</groupId><artifactId>lifecycle-mapping</artifactId><version>${lifecycle-mapping}</version></plugin>
                    <plugin><groupId>org.eclipse.m2e</groupId><artifactId>m2e-maven-runtime</artifactId><version>2.0</version></plugin>
                  </plugins></pluginManagement></build></profile></profiles>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("org.eclipse.m2e:lifecycle-mapping dependencies",
                        "org.eclipse.m2e:m2e-maven-runtime profiles.m2e.build.pluginManagement"),
                m.dependencies().stream().map(d -> d.name() + " " + d.section()).toList());
    }

    @Test
    void modelValuesAndNames() {
        String text = pom("""
                  <groupId>org.demo</groupId><artifactId>demo</artifactId><version>0.3</version>
                  <properties><version>5</version><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
                  <dependencies>
                    <dependency><groupId>${project.groupId}</groupId><artifactId>${project.artifactId}-core</artifactId><version>${pom.version}</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>a</artifactId><version>${version}</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>b</artifactId><version>${project.build.sourceEncoding}</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>c</artifactId><version>${a}.${b}</version></dependency>
                    <dependency><groupId>${undefined.group}</groupId><artifactId>d</artifactId><version>${project.basedir}</version></dependency>
                  </dependencies>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of(), m.problems());
        assertEquals(List.of(
                        "org.demo:demo-core [0.3] LOCAL pom.version 2:68",
                        "g:a [5] REGISTRY version 3:24",
                        "g:b [UTF-8] REGISTRY project.build.sourceEncoding 3:65",
                        "g:c [${a}.${b}] REGISTRY  8:72",
                        "${undefined.group}:d [${project.basedir}] REGISTRY  9:89"),
                m.dependencies().stream().map(d -> d.name() + " [" + d.spec() + "] " + d.source() + " " + d.property()
                        + " " + d.span().line() + ":" + d.span().column()).toList());
        assertSpansExact(m, p -> text);
    }

    // ---- XML details --------------------------------------------------------------------------------

    @Test
    void utf8ByteOrderMarkIsAcceptedAndCountedInOffsets() throws IOException {
        String text = "\uFEFF<?xml version=\"1.0\"?><project><parent><groupId>g</groupId><artifactId>p</artifactId>"
                + "<version>1.0</version><relativePath/></parent>\n<artifactId>a</artifactId></project>\n";
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of(), m.problems());
        Dependency parent = m.dependencies().get(0);
        assertEquals(new Span(94, 97, 1, 95), parent.span());
        assertSpansExact(m, p -> text);
        Path file = Files.createTempFile("bom", ".xml");
        try {
            Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(parent.span(), new PomReader(new MemoryFiles()).read(file, SourceText.read(file))
                    .dependencies().get(0).span());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void versionsWrittenWithReferencesOrMarkup() {
        String text = pom("""
                  <dependencies>
                    <dependency><groupId>g</groupId><artifactId>a</artifactId><version>1&#46;0</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>b</artifactId><version><![CDATA[ 2.0 ]]></version></dependency>
                    <dependency><groupId>g</groupId><artifactId>c</artifactId><version>3.<!-- x -->0</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>d</artifactId><version>4.0<!-- keep --> </version></dependency>
                    <dependency><groupId>g</groupId><artifactId>e</artifactId><version> <?pi?>5.0</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>f</artifactId><version/></dependency>
                  </dependencies>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of(
                "3:72 version '1&#46;0' reads as '1.0' (references, markup or a line break inside); pinver will not edit it",
                "5:72 version '3.<!-- x -->0' reads as '3.0' (references, markup or a line break inside);"
                        + " pinver will not edit it"), problems(m));
        assertEquals(List.of("a [1.0] 98..105", "b [2.0] 210..213", "c [3.0] 312..325", "d [4.0] 420..423",
                        "e [5.0] 539..542", "f [] 614..614"),
                m.dependencies().stream().map(d -> d.name().substring(2) + " [" + d.spec() + "] " + d.span().start()
                        + ".." + d.span().end()).toList());
        assertEquals(Source.MANAGED, m.dependencies().get(5).source());
        assertEquals(Span.of(text, 614, 614), m.dependencies().get(5).span());
    }

    @Test
    void dependencyWithoutCoordinatesIsAProblemAndTheOthersAreRead() {
        String text = pom("""
                  <dependencies>
                    <dependency><artifactId>a</artifactId><version>1</version></dependency>
                    <dependency><groupId>g</groupId><version>1</version></dependency>
                    <dependency><version>1</version></dependency>
                    <dependency><groupId>g</groupId><artifactId>ok</artifactId><version>1</version></dependency>
                  </dependencies>
                  <build><plugins><plugin><version>1</version></plugin></plugins></build>
                """);
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, text);
        assertEquals(List.of("3:5 <dependency> in dependencies has no <groupId>",
                "4:5 <dependency> in dependencies has no <artifactId>",
                "5:5 <dependency> in dependencies has no <groupId> and <artifactId>",
                "8:19 <plugin> in build.plugins has no <artifactId>"), problems(m));
        assertEquals(List.of("g:ok"), m.dependencies().stream().map(Dependency::name).toList());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("unclosed tag", "<project>\n  <dependencies>\n", "2:3 <dependencies> is not closed before"
                        + " the end of the file"),
                Arguments.of("mismatched end tag", "<project>\n  <a></b>\n</project>",
                        "2:6 end tag </b> does not match <a> at 2:3"),
                Arguments.of("unclosed start tag", "<project>\n<a href='x'", "2:1 start tag <a is not closed"),
                Arguments.of("undefined entity", "<project>\n <version>1&nbsp;</version></project>",
                        "2:12 undefined entity '&nbsp;' (a pom may use only &lt; &gt; &amp; &apos; &quot; and character"
                                + " references)"),
                Arguments.of("bare ampersand", "<project><name>A & B</name></project>",
                        "1:18 '&' must start an entity or character reference (write &amp;)"),
                Arguments.of("entity without semicolon", "<project><name>&amp</name></project>",
                        "1:16 entity reference '&amp' has no closing ';'"),
                Arguments.of("bad character reference", "<project><name>&#xZZ;</name></project>",
                        "1:16 malformed character reference; expected &#digits; or &#xhex;"),
                Arguments.of("reference to a forbidden character", "<project><name>&#0;</name></project>",
                        "1:16 character reference '&#0;' is to a character not allowed in XML"),
                Arguments.of("surrogate reference", "<project><name>&#xD800;</name></project>",
                        "1:16 character reference '&#xD800;' is to a character not allowed in XML"),
                Arguments.of("control character", "<project>\n\t<name>a\u0001</name></project>",
                        "2:9 character U+0001 is not allowed in XML"),
                Arguments.of("unpaired surrogate", "<project><name>\uD800</name></project>",
                        "1:16 character U+D800 is not allowed in XML"),
                Arguments.of("text after the root", "<project/>\nmore", "2:1 text after the root element"),
                Arguments.of("text before the root", "pom <project/>", "1:1 text before the root element"),
                Arguments.of("two roots", "<project/><project/>", "1:11 a second root element; a pom has exactly one"),
                Arguments.of("empty file", "", "1:1 no root element"),
                Arguments.of("only a comment", "<!-- nothing -->\n", "2:1 no root element"),
                Arguments.of("stray end tag", "<project/></project>", "1:11 end tag without a start tag"),
                Arguments.of("unclosed comment", "<project><!-- x </project>", "1:10 comment is not closed"),
                Arguments.of("double dash in comment", "<project><!-- a -- b --></project>",
                        "1:17 '--' is not allowed inside a comment"),
                Arguments.of("unclosed CDATA", "<project><![CDATA[x</project>", "1:10 CDATA section is not closed"),
                Arguments.of("CDATA end in text", "<project>a ]]> b</project>", "1:12 ']]>' is not allowed in text"
                        + " (write ]]&gt;)"),
                Arguments.of("late XML declaration", " <?xml version=\"1.0\"?><project/>",
                        "1:2 the XML declaration is allowed only at the very start of the file"),
                Arguments.of("declaration without version", "<?xml encoding=\"UTF-8\"?><project/>",
                        "1:7 the XML declaration must start with version"),
                Arguments.of("unquoted attribute", "<project a=b/>", "1:12 expected a quoted value for 'a'"),
                Arguments.of("duplicate attribute", "<project a='1' a='2'/>",
                        "1:16 duplicate attribute 'a' in <project>"),
                Arguments.of("lt in attribute", "<project a='<'/>", "1:13 '<' is not allowed in an attribute value"
                        + " (write &lt;)"),
                Arguments.of("attributes run together", "<project a='1'b='2'/>",
                        "1:15 expected whitespace, '>' or '/>' in the start tag of <project>"),
                Arguments.of("bad element name", "<project><1a/></project>", "1:11 expected an element name after '<'"),
                Arguments.of("unclosed processing instruction", "<project><?pi x</project>",
                        "1:10 processing instruction <?pi is not closed"),
                Arguments.of("doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE project>\n<project/>",
                        "2:1 DOCTYPE not allowed in a pom (pinver reads no DTDs or external entities)"),
                Arguments.of("doctype inside", "<project><!DOCTYPE x></project>",
                        "1:10 DOCTYPE not allowed in a pom (pinver reads no DTDs or external entities)"),
                Arguments.of("entity declaration", "<project><!ENTITY x 'y'></project>",
                        "1:10 unexpected markup declaration; expected an element, a comment or CDATA"),
                Arguments.of("not a pom", "<settings><profiles/></settings>",
                        "1:1 not a pom: the root element is <settings>, not <project>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedXmlIsOneProblemAtItsPlaceAndNoDependencies(String label, String text, String expected) {
        String withDependency = text.replace("<project>", "<project><parent><groupId>g</groupId>"
                + "<artifactId>a</artifactId><version>1</version></parent>");
        for (String variant : List.of(text, withDependency)) {
            Manifest m = new PomReader(new MemoryFiles()).read(FILE, variant);
            assertEquals(List.of(), m.dependencies(), label);
            assertEquals(1, m.problems().size(), label);
            assertEquals(FILE, m.problems().get(0).location().file());
            if (variant.equals(text)) {
                assertEquals(List.of(expected), problems(m), label);
            }
        }
    }

    @Test
    void deeplyNestedElementsDoNotOverflow() {
        String text = "<project>" + "<a>".repeat(200_000);
        assertEquals(List.of("1:600007 <a> is not closed before the end of the file"),
                problems(new PomReader(new MemoryFiles()).read(FILE, text)));
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
        String secret = "TOP-SECRET-" + System.nanoTime();
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, secret);
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY % all \"<!ENTITY xxe SYSTEM '" + secretFile.toUri() + "'>\"> %all;");
        List<String> attacks = List.of(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>\n"
                        + "<project><groupId>g</groupId><artifactId>a</artifactId><version>&xxe;</version></project>",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE project SYSTEM \"" + dtd.toUri() + "\">\n"
                        + "<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>&xxe;</version>"
                        + "</parent></project>",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext;]>\n"
                        + "<project/>");
        for (String attack : attacks) {
            MemoryFiles files = new MemoryFiles();
            Manifest m = new PomReader(files).read(dir.resolve("pom.xml"), attack);
            assertEquals(List.of("2:1 DOCTYPE not allowed in a pom (pinver reads no DTDs or external entities)"),
                    problems(m));
            assertEquals(List.of(), m.dependencies());
            assertEquals(List.of(), files.asked);
            assertFalse(m.toString().contains(secret));
        }
        // an entity reference without a DOCTYPE is undefined, never looked up
        Manifest m = new PomReader(new MemoryFiles()).read(FILE, "<project><version>&xxe;</version></project>");
        assertEquals(List.of("1:19 undefined entity '&xxe;' (a pom may use only &lt; &gt; &amp; &apos; &quot; and"
                + " character references)"), problems(m));
    }
}
