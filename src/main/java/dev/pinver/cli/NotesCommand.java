package dev.pinver.cli;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.notes.NotesJson;
import dev.pinver.notes.NotesMarkdown;
import dev.pinver.notes.NotesResult;
import dev.pinver.notes.NotesService;
import dev.pinver.notes.NotesText;
import dev.pinver.notes.UntrustedText;
import dev.pinver.outdated.Registries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinver notes}: the release notes between two versions of one package. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        header = "Release notes between two versions, breaking lines flagged.",
        description = "The release notes of PACKAGE between two versions, newest first, with the lines that "
                + "announce breaking changes, removals, security fixes and deprecations flagged. From: the "
                + "locked version, else the spec's lower bound, in the manifests under PATH. To: the "
                + "registry's newest release. Read from --source (else the policy's notes: source), then from what the registry links to: "
                + "GitHub/GitLab releases, then changelog files in the repository.")
final class NotesCommand implements Callable<Integer> {

    /** Output formats of {@code notes}. */
    enum Format { text, markdown, json }

    /** The ecosystems, as {@code --ecosystem} spells them. */
    enum EcosystemName {
        pypi(Ecosystem.PYPI), npm(Ecosystem.NPM), maven(Ecosystem.MAVEN);

        final Ecosystem ecosystem;

        EcosystemName(Ecosystem ecosystem) {
            this.ecosystem = ecosystem;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RegistryOptions registry;

    @Mixin
    NotesOptions notesOptions;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The package (Maven: group:artifact).")
    String packageName;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = "Where the project's manifests are (default: the current directory).")
    Path path = Path.of(".");

    @Option(names = "--from", paramLabel = "VERSION", description = "The version upgraded from (not included).")
    String from;

    @Option(names = "--to", paramLabel = "VERSION", description = "The version upgraded to (included).")
    String to;

    @Option(names = "--ecosystem", paramLabel = "ECOSYSTEM",
            description = "${COMPLETION-CANDIDATES}; needed when PACKAGE is not a dependency under PATH.")
    EcosystemName ecosystem;

    @Option(names = "--source", paramLabel = "URL|FILE",
            description = "Where to read first: a GitHub/GitLab repository or file URL, a changelog URL, or a local file.")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Ecosystem> eco = Optional.ofNullable(ecosystem).map(e -> e.ecosystem);
        Registries.Clients clients = registry.clients(List.of(path), common);
        NotesService service = notesOptions.service(clients, new CheckService(Policies.resolver(common)), registry,
                System.getenv());
        NotesService.Answer answer = service.notes(new NotesService.Request(packageName, eco, Optional.ofNullable(from),
                Optional.ofNullable(to), Optional.ofNullable(source), List.of(path)));
        answer.warnings().forEach(w -> err.println("pinver: warning: " + UntrustedText.oneLine(w)));
        NotesResult result = answer.result();
        if (common.verbose) {
            result.attempts().forEach(a -> err.println("pinver: tried " + UntrustedText.oneLine(a.source()) + ": "
                    + UntrustedText.oneLine(a.outcome())));
        }
        if (result.status() != NotesResult.Status.NOTHING) {
            switch (format) {
                case text -> NotesText.write(result.report(), out, common.color());
                case markdown -> NotesMarkdown.write(result.report(), out);
                case json -> NotesJson.write(result.report(), out);
            }
        }
        out.flush();
        return switch (result.status()) {
            case FOUND, EMPTY -> Main.OK;
            case LINK_ONLY, NOTHING -> {
                err.println("pinver: " + UntrustedText.oneLine(packageName + ": no release notes could be read ("
                        + result.problem() + ")" + (result.status() == NotesResult.Status.LINK_ONLY
                                ? "; see " + result.report().source() : "")));
                err.flush();
                yield Main.NETWORK;
            }
        };
    }
}
