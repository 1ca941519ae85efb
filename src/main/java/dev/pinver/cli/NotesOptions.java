package dev.pinver.cli;

import dev.pinver.PinverException;
import dev.pinver.check.CheckService;
import dev.pinver.notes.ForgeOptions;
import dev.pinver.notes.NotesFinder;
import dev.pinver.notes.NotesService;
import dev.pinver.notes.RegistryLinks;
import dev.pinver.outdated.Registries;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the commands that read release notes from forges, and the wiring of the notes service. */
final class NotesOptions {

    @Option(names = "--github-api", paramLabel = "URL", defaultValue = ForgeOptions.GITHUB_API,
            description = "GitHub's REST API, for every GitHub repository (GitHub Enterprise: https://HOST/api/v3; "
                    + "default: ${DEFAULT-VALUE}). The token is GITHUB_TOKEN, sent to this API only.")
    String githubApi;

    @Option(names = "--gitlab-api", paramLabel = "URL", defaultValue = ForgeOptions.GITLAB_API,
            description = "The GitLab REST API for gitlab.com repositories, or a self-hosted GitLab's "
                    + "(default: ${DEFAULT-VALUE}). The token is GITLAB_TOKEN, sent to this API only.")
    String gitlabApi;

    @Option(names = "--rate-limit-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wait out a forge's rate limit that resets within this many seconds; a later reset "
                    + "makes that package's notes unavailable (default: ${DEFAULT-VALUE}).")
    long rateLimitWait;

    /** The notes service over these registry clients, with the forges as the options and {@code env} say. */
    NotesService service(Registries.Clients clients, CheckService checker, RegistryOptions registry,
            Map<String, String> env) {
        ForgeOptions forges;
        try {
            forges = ForgeOptions.fromEnv(env).withGithubApi(githubApi).withGitlabApi(gitlabApi)
                    .withMaxRateLimitWait(Duration.ofSeconds(Math.max(0, rateLimitWait)));
        } catch (IllegalArgumentException e) {
            throw new PinverException(PinverException.Kind.USAGE, "--github-api/--gitlab-api: " + e.getMessage());
        }
        NotesFinder finder = new NotesFinder(clients.http(), forges);
        RegistryLinks links = new RegistryLinks(clients.http(), clients.pypi(), clients.npmConfig(),
                registry.registries.getOrDefault("maven", RegistryLinks.MAVEN_CENTRAL), finder.repositoryUrls());
        return new NotesService(checker, Registries.sources(clients), links, finder, Clock.systemUTC());
    }
}
