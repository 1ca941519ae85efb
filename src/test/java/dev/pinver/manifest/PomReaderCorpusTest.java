package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pom of the shared corpus, specific dependencies of several, and two real parent chains laid out as in their repositories. */
class PomReaderCorpusTest {

    private static final String FOLDER = "manifests/maven";

    static Stream<Path> poms() {
        return Corpus.files(FOLDER).stream();
    }

    private static Path corpus(String name) {
        return Corpus.file(FOLDER + "/" + name);
    }

    private static Manifest read(String name) {
        Path file = corpus(name);
        return new PomReader().read(file, SourceText.read(file));
    }

    /** The dependency rendered as in {@link PomReaderTest#render}, files relative to the corpus folder. */
    private static List<String> rendered(Manifest m, String name) {
        Path root = m.path().getParent();
        return m.dependencies().stream().filter(d -> d.name().equals(name)).map(d -> PomReaderTest.render(root, d)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poms")
    void readsEveryCorpusFileWithExactSpans(Path file) {
        Manifest m = new PomReader().read(file, SourceText.read(file));
        assertEquals(List.of(), m.problems());
        assertTrue(!m.dependencies().isEmpty(), "no dependencies read");
        PomReaderTest.assertSpansExact(m, SourceText::read);
    }

    /**
     * The number of {@code <dependency>}, {@code <plugin>}, {@code <extension>} and {@code <parent>} elements that
     * declare something, counted with grep, less those inside {@code <configuration>} or comments and less
     * Eclipse's {@code org.eclipse.m2e:lifecycle-mapping} plugin entry (in three of them), which is no artifact.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "FasterXML__jackson-databind__pom.xml, 32",
        "apache__commons-lang__pom.xml, 27",
        "apache__logging-log4j2__log4j-parent__pom.xml, 118",
        "apache__logging-log4j2__pom.xml, 56",
        "apache__maven__impl__maven-core__src__test__resources__projects__parent-version-range-local-valid__child__pom.xml, 1",
        "apache__maven__its__core-it-suite__src__test__resources__mng-0505__pom.xml, 5",
        "apache__maven__its__core-it-suite__src__test__resources__mng-3092__pom.xml, 4",
        "apache__maven__pom.xml, 119",
        "dropwizard__dropwizard__dropwizard-bom__pom.xml, 30",
        "dropwizard__dropwizard__dropwizard-dependencies__pom.xml, 61",
        "dropwizard__dropwizard__pom.xml, 29",
        "google__gson__gson__pom.xml, 23",
        "google__gson__pom.xml, 25",
        "jhipster__jhipster-sample-app__pom.xml, 113",
        "mybatis__mybatis-3__pom.xml, 42",
        "quarkusio__quarkus-quickstarts__getting-started__pom.xml, 8",
        "spring-projects__spring-petclinic__pom.xml, 37"})
    void readsEveryDeclaration(String name, int count) {
        assertEquals(count, read(name).dependencies().size());
    }

    @Test
    void gson() {
        Manifest m = read("google__gson__gson__pom.xml");
        String file = "google__gson__gson__pom.xml";
        assertEquals(List.of("com.google.code.gson:gson-parent [2.14.1-SNAPSHOT] " + file + " 23:14 REGISTRY parent @"
                + file + ":23:14"), rendered(m, "com.google.code.gson:gson-parent"));
        assertEquals(List.of("com.google.guava:guava [33.6.0-jre] " + file + " 75:16 REGISTRY dependencies @" + file
                + ":75:16"), rendered(m, "com.google.guava:guava"));
        assertEquals(List.of("junit:junit [] " + file + " 58:19 MANAGED dependencies @" + file + ":58:19"),
                rendered(m, "junit:junit"));
    }

    @Test
    void springPetclinic() {
        Manifest m = read("spring-projects__spring-petclinic__pom.xml");
        String file = "spring-projects__spring-petclinic__pom.xml";
        assertEquals(List.of("org.springframework.boot:spring-boot-starter-parent [4.0.3] " + file
                + " 8:14 REGISTRY parent @" + file + ":8:14"), rendered(m, "org.springframework.boot:spring-boot-starter-parent"));
        assertEquals(List.of("com.puppycrawl.tools:checkstyle [12.3.1] " + file + " 31:25 REGISTRY"
                + " build.plugins.maven-checkstyle-plugin.dependencies ${checkstyle.version} @" + file + ":206:22"),
                rendered(m, "com.puppycrawl.tools:checkstyle"));
    }

    @Test
    void jacksonDatabind() {
        Manifest m = read("FasterXML__jackson-databind__pom.xml");
        String file = "FasterXML__jackson-databind__pom.xml";
        assertEquals(List.of("com.fasterxml.jackson:jackson-base [2.19.0-SNAPSHOT] " + file + " 12:14 REGISTRY parent @"
                + file + ":12:14"), rendered(m, "com.fasterxml.jackson:jackson-base"));
        assertEquals(List.of("net.bytebuddy:byte-buddy [1.15.10] " + file + " 55:24 REGISTRY dependencyManagement"
                + " ${version.bytebuddy} @" + file + ":86:18"), rendered(m, "net.bytebuddy:byte-buddy"));
        assertEquals(List.of("com.fasterxml.jackson.core:jackson-core [${jackson.version.core}] " + file
                + " 109:16 REGISTRY dependencies @" + file + ":109:16"), rendered(m, "com.fasterxml.jackson.core:jackson-core"));
    }

    @Test
    void propertyChainThroughTheParentVersion() {
        Manifest m = read("jhipster__jhipster-sample-app__pom.xml");
        String file = "jhipster__jhipster-sample-app__pom.xml";
        assertEquals(List.of("org.springframework.boot:spring-boot-starter-data-jpa [4.0.7] " + file + " 15:18 REGISTRY"
                + " build.pluginManagement.liquibase-maven-plugin.dependencies ${project.parent.version} @" + file
                + ":842:38"), rendered(m, "org.springframework.boot:spring-boot-starter-data-jpa").stream()
                .filter(r -> r.contains("liquibase")).toList());
    }

    @Test
    void versionRanges() {
        String file = "apache__maven__impl__maven-core__src__test__resources__projects__parent-version-range-local-valid__child__pom.xml";
        assertEquals(List.of("parent-version-range-local:parent [[1,10]] " + file + " 6:14 REGISTRY parent @" + file
                + ":6:14"), rendered(read(file), "parent-version-range-local:parent"));
        String its = "apache__maven__its__core-it-suite__src__test__resources__mng-0505__pom.xml";
        assertEquals(List.of("org.apache.maven.its.mng0505:d [(,2.1),(2.1,)] " + its + " 53:16 REGISTRY dependencies @"
                + its + ":53:16"), rendered(read(its), "org.apache.maven.its.mng0505:d"));
    }

    /** The corpus files at the paths they have in their repositories, read through a loader. */
    private static PomReader laidOut(Map<String, String> layout) {
        return new PomReader(p -> Optional.ofNullable(layout.get(p.toString().replace('\\', '/')))
                .map(name -> SourceText.read(corpus(name))));
    }

    @Test
    void dropwizardThreeLevelChainThroughADirectoryRelativePath() {
        Map<String, String> layout = Map.of(
                "/dw/pom.xml", "dropwizard__dropwizard__pom.xml",
                "/dw/dropwizard-bom/pom.xml", "dropwizard__dropwizard__dropwizard-bom__pom.xml",
                "/dw/dropwizard-dependencies/pom.xml", "dropwizard__dropwizard__dropwizard-dependencies__pom.xml");
        Path file = Path.of("/dw/dropwizard-dependencies/pom.xml");
        Manifest m = laidOut(layout).read(file, SourceText.read(corpus(layout.get("/dw/dropwizard-dependencies/pom.xml"))));
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("org.apache.maven.plugins:maven-enforcer-plugin [3.5.0] pom.xml 72:40 REGISTRY"
                + " build.pluginManagement ${maven-enforcer-plugin.version} @dropwizard-dependencies/pom.xml:441:30"),
                m.dependencies().stream().filter(d -> d.name().endsWith(":maven-enforcer-plugin"))
                        .map(d -> PomReaderTest.render(Path.of("/dw"), d)).toList());
        PomReaderTest.assertSpansExact(m, p -> SourceText.read(corpus(layout.get(p.toString().replace('\\', '/')))));
        PomProject project = laidOut(layout).project(file, SourceText.read(corpus(layout.get(file.toString()))));
        assertEquals("io.dropwizard:dropwizard-dependencies 4.0.11-SNAPSHOT [ossrh]",
                project.name() + " " + project.version() + " "
                        + project.repositories().stream().map(PomProject.Repository::id).toList());
    }

    @Test
    void log4jParentTakesItsCiFriendlyVersionFromTheRoot() {
        Map<String, String> layout = Map.of(
                "/l4j/pom.xml", "apache__logging-log4j2__pom.xml",
                "/l4j/log4j-parent/pom.xml", "apache__logging-log4j2__log4j-parent__pom.xml");
        Path file = Path.of("/l4j/log4j-parent/pom.xml");
        Manifest m = laidOut(layout).read(file, SourceText.read(corpus(layout.get(file.toString()))));
        assertEquals(List.of(), m.problems());
        assertEquals(List.of(
                "org.apache.logging.log4j:log4j-bom [2.27.0-SNAPSHOT] pom.xml 320:15 REGISTRY parent ${revision}"
                        + " @log4j-parent/pom.xml:23:14",
                "org.apache.logging.log4j:log4j-fuzz-test [2.27.0-SNAPSHOT] pom.xml 320:15 LOCAL dependencyManagement"
                        + " ${revision} @log4j-parent/pom.xml:178:18"),
                m.dependencies().stream().filter(d -> d.name().endsWith(":log4j-bom") || d.name().endsWith(":log4j-fuzz-test"))
                        .map(d -> PomReaderTest.render(Path.of("/l4j"), d)).toList());
        PomReaderTest.assertSpansExact(m, p -> SourceText.read(corpus(layout.get(p.toString().replace('\\', '/')))));
        assertEquals("2.27.0-SNAPSHOT", laidOut(layout).project(file,
                SourceText.read(corpus(layout.get(file.toString())))).version());
    }
}
