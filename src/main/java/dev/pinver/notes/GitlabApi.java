package dev.pinver.notes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinver.registry.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * GitLab's REST API v4 (gitlab.com or self-hosted): {@code GET /projects/:id/releases?per_page=100}
 * followed through the {@code Link} header, {@code /projects/:id/repository/tree?path=…} for listings and
 * {@code /projects/:id/repository/files/:path/raw?ref=…} for files, where {@code :id} is the
 * URL-encoded project path.
 */
final class GitlabApi implements ForgeApi {

    private static final String JSON = "application/json";

    private final ForgeHttp http;

    GitlabApi(ForgeHttp http) {
        this.http = http;
    }

    @Override
    public List<RepoRelease> releases(SourceRef.Repo repo, Predicate<List<RepoRelease>> enough) {
        List<RepoRelease> out = new ArrayList<>();
        Optional<String> url = Optional.of(project(repo) + "/releases?per_page=100");
        for (int page = 0; page < MAX_PAGES && url.isPresent(); page++) {
            Optional<Http.ApiResponse> response = http.get(url.get(), JSON);
            if (response.isEmpty()) {
                break;
            }
            for (JsonNode r : ForgeJson.array(response.get(), "a list of releases")) {
                if (!ForgeJson.flag(r, "upcoming_release")) {
                    String tag = ForgeJson.required(r, "tag_name", response.get());
                    out.add(new RepoRelease(tag, ForgeJson.text(r, "description").orElse(""),
                            ForgeJson.instant(r, "released_at").or(() -> ForgeJson.instant(r, "created_at")),
                            repo.webUrl() + "/-/releases/" + ForgeJson.component(tag)));
                }
            }
            if (enough.test(out)) {
                break;
            }
            url = http.next(response.get().headers());
        }
        return out;
    }

    @Override
    public Optional<List<Entry>> list(SourceRef.Repo repo, String directory) {
        String query = directory.isEmpty() ? "" : "path=" + ForgeJson.component(directory) + "&";
        return http.get(project(repo) + "/repository/tree?" + query + "per_page=100", JSON).map(response -> {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : ForgeJson.array(response, "a directory listing")) {
                entries.add(new Entry(ForgeJson.required(e, "name", response),
                        ForgeJson.text(e, "type").filter("tree"::equals).isPresent()));
            }
            return entries;
        });
    }

    @Override
    public Optional<String> read(SourceRef.Repo repo, String file, String ref) {
        String url = project(repo) + "/repository/files/" + ForgeJson.component(file) + "/raw?ref="
                + ForgeJson.component(ref.isEmpty() ? "HEAD" : ref);
        return http.get(url, "*/*").map(r -> new String(r.body(), UTF_8));
    }

    @Override
    public String compareUrl(SourceRef.Repo repo, String fromTag, String toTag) {
        return repo.webUrl() + "/-/compare/" + fromTag + "..." + toTag;
    }

    @Override
    public String releasesUrl(SourceRef.Repo repo) {
        return repo.webUrl() + "/-/releases";
    }

    private String project(SourceRef.Repo repo) {
        return http.base() + "/projects/" + ForgeJson.component(repo.path());
    }
}
