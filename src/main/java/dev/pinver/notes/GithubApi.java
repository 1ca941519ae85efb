package dev.pinver.notes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinver.registry.Http;
import dev.pinver.registry.RegistryException;
import dev.pinver.registry.RegistryException.Reason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * GitHub's REST API (github.com or GitHub Enterprise): {@code GET /repos/{owner}/{repo}/releases?per_page=100}
 * followed page by page through the {@code Link} header, {@code GET /repos/{owner}/{repo}/contents/{path}}
 * for directory listings and files (base64 in JSON; files over 1 MB, which GitHub answers with
 * {@code "encoding": "none"}, are asked again as {@code application/vnd.github.raw+json}).
 */
final class GithubApi implements ForgeApi {

    static final String JSON = "application/vnd.github+json";
    static final String RAW = "application/vnd.github.raw+json";

    private final ForgeHttp http;

    GithubApi(ForgeHttp http) {
        this.http = http;
    }

    @Override
    public List<RepoRelease> releases(SourceRef.Repo repo, Predicate<List<RepoRelease>> enough) {
        List<RepoRelease> out = new ArrayList<>();
        Optional<String> url = Optional.of(http.base() + "/repos/" + repo.path() + "/releases?per_page=100");
        for (int page = 0; page < MAX_PAGES && url.isPresent(); page++) {
            Optional<Http.ApiResponse> response = http.get(url.get(), JSON);
            if (response.isEmpty()) {
                break;
            }
            for (JsonNode r : ForgeJson.array(response.get(), "a list of releases")) {
                if (!ForgeJson.flag(r, "draft")) {
                    out.add(new RepoRelease(ForgeJson.required(r, "tag_name", response.get()),
                            ForgeJson.text(r, "body").orElse(""),
                            ForgeJson.instant(r, "published_at").or(() -> ForgeJson.instant(r, "created_at")),
                            ForgeJson.text(r, "html_url").orElse(repo.webUrl() + "/releases")));
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
        Optional<Http.ApiResponse> response = http.get(contents(repo, directory, ""), JSON);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = ForgeJson.read(response.get());
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : node) {
            entries.add(new Entry(ForgeJson.required(e, "name", response.get()),
                    ForgeJson.text(e, "type").filter("dir"::equals).isPresent()));
        }
        return Optional.of(entries);
    }

    @Override
    public Optional<String> read(SourceRef.Repo repo, String file, String ref) {
        String url = contents(repo, file, ref);
        Optional<Http.ApiResponse> response = http.get(url, JSON);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = ForgeJson.read(response.get());
        if (!node.isObject() || !ForgeJson.text(node, "type").filter("file"::equals).isPresent()) {
            return Optional.empty();
        }
        if (ForgeJson.text(node, "encoding").filter("base64"::equals).isEmpty()) {
            return http.get(url, RAW).map(raw -> new String(raw.body(), UTF_8));
        }
        String content = ForgeJson.text(node, "content").orElse("").replaceAll("\\s+", "");
        try {
            return Optional.of(new String(Base64.getDecoder().decode(content), UTF_8));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(Reason.MALFORMED, response.get().url(), "the file's content is not base64");
        }
    }

    @Override
    public String compareUrl(SourceRef.Repo repo, String fromTag, String toTag) {
        return repo.webUrl() + "/compare/" + fromTag + "..." + toTag;
    }

    @Override
    public String releasesUrl(SourceRef.Repo repo) {
        return repo.webUrl() + "/releases";
    }

    private String contents(SourceRef.Repo repo, String path, String ref) {
        return http.base() + "/repos/" + repo.path() + "/contents/" + ForgeJson.path(path)
                + (ref.isEmpty() ? "" : "?ref=" + ForgeJson.component(ref));
    }
}
