package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.Corpus;
import dev.pinver.manifest.PomReader;
import dev.pinver.manifest.SourceText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registry metadata as real packages publish it, ranked into sources. */
class ProjectLinksTest {

    private static final RepositoryUrls URLS = RepositoryUrls.defaults();

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static List<String> shown(List<SourceRef> refs) {
        return refs.stream().map(SourceRef::shown).toList();
    }

    @Test
    void fastapiChangelogPageComesBeforeItsRepository() {
        // fastapi's project_urls, in PyPI's order
        Map<String, String> urls = labels("Homepage", "https://github.com/fastapi/fastapi",
                "Documentation", "https://fastapi.tiangolo.com/",
                "Repository", "https://github.com/fastapi/fastapi",
                "Issues", "https://github.com/fastapi/fastapi/issues",
                "Changelog", "https://fastapi.tiangolo.com/release-notes/");
        assertEquals(List.of("https://fastapi.tiangolo.com/release-notes/", "https://github.com/fastapi/fastapi"),
                shown(ProjectLinks.pypi(urls, URLS)));
    }

    @Test
    void httpxChangelogFileInTheRepositoryComesFirst() {
        Map<String, String> urls = labels("Changelog", "https://github.com/encode/httpx/blob/master/CHANGELOG.md",
                "Documentation", "https://www.python-httpx.org",
                "Homepage", "https://github.com/encode/httpx",
                "Source", "https://github.com/encode/httpx");
        List<SourceRef> refs = ProjectLinks.pypi(urls, URLS);
        assertEquals(List.of("https://github.com/encode/httpx/blob/master/CHANGELOG.md", "https://github.com/encode/httpx"),
                shown(refs));
    }

    @Test
    void pydanticFundingPageIsNoRepository() {
        Map<String, String> urls = labels("Homepage", "https://github.com/pydantic/pydantic",
                "Documentation", "https://docs.pydantic.dev",
                "Funding", "https://github.com/sponsors/samuelcolvin",
                "Source", "https://github.com/pydantic/pydantic",
                "Changelog", "https://docs.pydantic.dev/latest/changelog/");
        assertEquals(List.of("https://docs.pydantic.dev/latest/changelog/", "https://github.com/pydantic/pydantic"),
                shown(ProjectLinks.pypi(urls, URLS)));
    }

    @Test
    void labelsAreMatchedAsPep753NormalisesThem() {
        // sqlalchemy: the changelog is an HTML index page, the source is under "Source Code"
        Map<String, String> urls = labels("Homepage", "https://www.sqlalchemy.org",
                "Documentation", "https://docs.sqlalchemy.org",
                "Changelog", "https://docs.sqlalchemy.org/latest/changelog/index.html",
                "Source Code", "https://github.com/sqlalchemy/sqlalchemy",
                "Issue Tracker", "https://github.com/sqlalchemy/sqlalchemy/issues");
        assertEquals(List.of("https://github.com/sqlalchemy/sqlalchemy"), shown(ProjectLinks.pypi(urls, URLS)));
    }

    @ParameterizedTest
    @CsvSource({
        "Changelog, 0", "CHANGELOG, 0", "Release Notes, 0", "release-notes, 0", "What's New, 0", "History, 0",
        "Source, 1", "Source Code, 1", "Repository, 1", "GitHub, 1",
        "Homepage, 2", "Home, 2",
        "Bug Tracker, 3", "Issues, 3",
        "Documentation, 4", "Funding, 4", "Download, 4",
    })
    void pypiLabelRanks(String label, int rank) {
        assertEquals(rank, ProjectLinks.pypiRank(label));
    }

    @Test
    void npmMonorepoDirectoryThenItsRoot() {
        // react's packument: repository {type, url, directory}, homepage, bugs {url}
        List<SourceRef> refs = ProjectLinks.npm("git+https://github.com/facebook/react.git", "packages/react",
                "https://react.dev/", "https://github.com/facebook/react/issues", URLS);
        assertEquals(2, refs.size());
        assertEquals(new SourceRef.Repo(SourceRef.Forge.GITHUB, "github.com", "facebook/react", "packages/react"), refs.get(0));
        assertEquals(new SourceRef.Repo(SourceRef.Forge.GITHUB, "github.com", "facebook/react", ""), refs.get(1));
    }

    @Test
    void npmWithoutRepositoryFallsBackToHomepage() {
        List<SourceRef> refs = ProjectLinks.npm("", "", "https://github.com/lukeed/kleur#readme", "", URLS);
        assertEquals(List.of("https://github.com/lukeed/kleur"), shown(refs));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "manifests/maven/FasterXML__jackson-databind__pom.xml | https://github.com/FasterXML/jackson-databind, https://github.com/FasterXML/jackson",
        "manifests/maven/mybatis__mybatis-3__pom.xml          | https://github.com/mybatis/mybatis-3",
        "manifests/maven/dropwizard__dropwizard__pom.xml      | https://github.com/dropwizard/dropwizard",
        "manifests/maven/apache__maven__pom.xml               | https://github.com/apache/maven",
        "manifests/maven/apache__commons-lang__pom.xml        | ''",
    })
    void pomScmAndUrl(String corpusPom, String expected) {
        Path pom = Corpus.file(corpusPom);
        List<SourceRef> refs = ProjectLinks.pom(new PomReader(p -> Optional.empty()).project(pom, SourceText.read(pom)), URLS);
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(",\\s*"));
        assertEquals(want, shown(refs));
    }
}
