package dev.pinver.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinver.notes.SourceRef.Forge;
import dev.pinver.notes.SourceRef.Repo;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links as registries and poms really write them, read into sources. */
class RepositoryUrlsTest {

    private static final RepositoryUrls URLS = new RepositoryUrls(Set.of("github.com", "ghe.example.com"),
            Set.of("gitlab.com"));

    /** What a source reads as in this table: {@code github:host:path[:dir]}, {@code file:…}, {@code web:…}, or {@code -}. */
    private static String describe(Optional<SourceRef> ref) {
        if (ref.isEmpty()) {
            return "-";
        }
        SourceRef r = ref.get();
        if (r instanceof Repo repo) {
            return repo(repo);
        }
        if (r instanceof SourceRef.RepoFile f) {
            return "file:" + repo(f.repo()) + "@" + f.ref() + ":" + f.file();
        }
        return "web:" + r.shown();
    }

    private static String repo(Repo r) {
        return r.forge().id() + ":" + r.host() + ":" + r.path() + (r.directory().isEmpty() ? "" : ":" + r.directory());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // PyPI project_urls (fastapi, pydantic, httpx, requests, sqlalchemy)
        "https://github.com/fastapi/fastapi                                  | github:github.com:fastapi/fastapi",
        "https://github.com/fastapi/fastapi/issues                           | github:github.com:fastapi/fastapi",
        "https://github.com/pydantic/pydantic/releases                       | github:github.com:pydantic/pydantic",
        "https://github.com/sponsors/samuelcolvin                            | -",
        "https://github.com/encode/httpx/blob/master/CHANGELOG.md            | file:github:github.com:encode/httpx@master:CHANGELOG.md",
        "https://github.com/psf/requests/blob/main/HISTORY.md#history        | file:github:github.com:psf/requests@main:HISTORY.md",
        "https://docs.sqlalchemy.org/en/latest/changelog/index.html         | -",
        "https://fastapi.tiangolo.com/release-notes/                         | web:https://fastapi.tiangolo.com/release-notes/",
        "https://raw.githubusercontent.com/pallets/flask/main/CHANGES.rst    | file:github:github.com:pallets/flask@main:CHANGES.rst",
        "https://www.github.com/Org-Name/repo.name/                          | github:github.com:Org-Name/repo.name",
        "http://github.com/o/r.git                                           | github:github.com:o/r",
        "https://github.com/o                                                | -",
        "https://github.com/o/r/tree/main/packages/core                      | github:github.com:o/r:packages/core",
        // npm repository fields
        "git+https://github.com/facebook/react.git                           | github:github.com:facebook/react",
        "git://github.com/lodash/lodash.git                                  | github:github.com:lodash/lodash",
        "git+ssh://git@github.com/evanw/esbuild.git                          | github:github.com:evanw/esbuild",
        "ssh://git@github.com/prettier/prettier.git                          | github:github.com:prettier/prettier",
        "git@github.com:axios/axios.git                                      | github:github.com:axios/axios",
        "github:colinhacks/zod                                               | github:github.com:colinhacks/zod",
        "gitlab:gitlab-org/gitlab-ui                                         | gitlab:gitlab.com:gitlab-org/gitlab-ui",
        "bitbucket:atlassian/aui                                             | -",
        "https://github.com/eslint/eslint#readme                             | github:github.com:eslint/eslint",
        // Maven <scm>
        "scm:git:https://github.com/google/gson.git                          | github:github.com:google/gson",
        "scm:git:git@github.com:FasterXML/jackson-databind.git               | github:github.com:FasterXML/jackson-databind",
        "scm:svn:https://svn.apache.org/repos/asf/commons/proper/io/trunk    | -",
        "https://gitbox.apache.org/repos/asf?p=commons-io.git                | -",
        // GitLab, nested groups, and GitHub Enterprise
        "https://gitlab.com/gitlab-org/cli                                   | gitlab:gitlab.com:gitlab-org/cli",
        "https://gitlab.com/group/sub/project/-/releases                     | gitlab:gitlab.com:group/sub/project",
        "https://gitlab.com/group/project/-/blob/main/CHANGELOG.md           | file:gitlab:gitlab.com:group/project@main:CHANGELOG.md",
        "https://gitlab.example.org/team/app.git                             | gitlab:gitlab.example.org:team/app",
        "https://ghe.example.com/platform/sdk                                | github:ghe.example.com:platform/sdk",
        "https://bitbucket.org/o/r                                           | -",
        // changelog files elsewhere
        "https://example.org/project/CHANGES.txt                             | web:https://example.org/project/CHANGES.txt",
        "https://example.org/project/NEWS#top                                | web:https://example.org/project/NEWS",
        "https://example.org/                                                | -",
        "ftp://example.org/CHANGELOG.md                                      | -",
        "javascript:alert(1)                                                 | -",
    })
    void readsRealWorldShapes(String link, String expected) {
        assertEquals(expected, describe(URLS.parse(link)), link);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expressjs/express              |                    | github:github.com:expressjs/express",
        "git+https://github.com/facebook/react.git | packages/react | github:github.com:facebook/react:packages/react",
        "https://github.com/babel/babel.git | /packages/babel-core/ | github:github.com:babel/babel:packages/babel-core",
        "not a url                      |                    | -",
    })
    void npmRepositoryFieldKnowsTheShorthandAndDirectory(String repository, String directory, String expected) {
        assertEquals(expected, describe(URLS.parseNpm(repository, directory == null ? "" : directory)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expressjs/express | -",
    })
    void bareOwnerRepoIsGithubOnlyForNpm(String link, String expected) {
        assertEquals(expected, describe(URLS.parse(link)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://github.com/o/r   | https://github.com/o/r",
        "https://github.com/o/r/blob/v1/docs/a%20b.md | https://github.com/o/r/blob/v1/docs/a b.md",
    })
    void shownAsBrowsableUrls(String link, String shown) {
        assertEquals(shown, URLS.parse(link).orElseThrow().shown());
        assertEquals(Forge.GITHUB, URLS.parse(link).map(r -> r instanceof Repo repo ? repo.forge()
                : ((SourceRef.RepoFile) r).repo().forge()).orElseThrow());
    }
}
