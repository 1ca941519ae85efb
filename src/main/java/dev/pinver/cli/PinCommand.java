package dev.pinver.cli;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.ManifestEditor;
import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Outdated;
import dev.pinver.policy.Policy;
import dev.pinver.pin.Change;
import dev.pinver.pin.PinResult;
import dev.pinver.pin.PinService;
import dev.pinver.pin.Skipped;
import dev.pinver.report.CheckText;
import dev.pinver.report.DisplayPath;
import dev.pinver.report.PinJson;
import dev.pinver.manifest.UnifiedDiff;
import dev.pinver.version.SpecStyle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinver pin}: rewrites specs to their policy window, touching nothing else. */
@Command(name = "pin", mixinStandardHelpOptions = true,
        header = "Rewrite specs to their policy window (--dry-run shows a unified diff).",
        description = "Rewrites each spec that breaks its policy to the policy's window, starting from the "
                + "version the project's lock file resolved (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, "
                + "a pip-compile output beside its .in file), else from the spec's own lower bound. Only "
                + "the spec's characters change; files are re-read to verify the edit and written "
                + "atomically.")
final class PinCommand implements Callable<Integer> {

    /** Output formats of {@code pin}. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifests or directories (searched recursively; default: the current directory).")
    List<Path> paths = List.of(Path.of("."));

    @Option(names = "--dry-run", description = "Print a unified diff of what would change; write nothing; exit 0.")
    boolean dryRun;

    @Option(names = "--check", description = "Print the diff and exit 1 when anything would change; write nothing (for CI).")
    boolean check;

    @Option(names = "--only", paramLabel = "PKG", arity = "1..*",
            description = "Pin only these packages (it takes every word after it: give PATHs before --only).")
    List<String> only = List.of();

    @Option(names = "--style", paramLabel = "STYLE",
            description = "Write windows as range (>=0.45.0,<0.46.0), compatible (~=0.45.0), caret (^0.45.0), tilde (~0.45.0); "
                    + "default: the user's own operator, else the policy's style.")
    String style;

    @Option(names = "--online", description = "For a dependency with neither a lock entry nor a version in its spec, "
            + "pin from the newest release the policy allows, asked of the registry.")
    boolean online;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> names = Set.copyOf(only);
        Function<Path, Policy> policies = Policies.resolver(common);
        PinService service = online ? new PinService(policies, parseStyle(), names, newestAllowed(policies))
                : new PinService(policies, parseStyle(), names);
        PinResult result = service.plan(paths);
        boolean write = !dryRun && !check && result.problems().isEmpty();
        if (write) {
            PinService.write(result);
        }
        if (format == Format.json) {
            PinJson.write(result, write, out);
        } else {
            if (dryRun || check) {
                for (ManifestEditor.Plan plan : result.plans()) {
                    out.print(UnifiedDiff.of(DisplayPath.of(plan.file()), plan.before(), plan.after()));
                }
            } else {
                for (Change c : result.changes()) {
                    out.println(DisplayPath.of(c.dependency().manifest()) + ":" + c.dependency().reportedAt().line()
                            + ":" + c.dependency().reportedAt().column() + "  " + c.dependency().name() + "  "
                            + show(c.dependency().spec()) + " -> " + show(c.newSpec()) + "  (from " + c.basis() + ")");
                }
            }
            summary(result, write, common.quiet ? null : (dryRun || check) ? err : out);
        }
        for (Skipped s : result.skipped()) {
            err.println("pinver: " + DisplayPath.of(s.dependency().manifest()) + ":"
                    + s.dependency().reportedAt().line() + ":" + s.dependency().reportedAt().column() + ": "
                    + s.dependency().name() + ": " + s.reason());
        }
        result.warnings().forEach(w -> err.println("pinver: warning: " + w));
        CheckText.writeProblems(result.problems(), err);
        if (!result.problems().isEmpty()) {
            return Main.BAD_INPUT;
        }
        return check && result.changesAnything() ? Main.FINDINGS : Main.OK;
    }

    /** The newest release each dependency's policy allows, asked of the registries once for all of them. */
    private Function<Dependency, Optional<String>> newestAllowed(Function<Path, Policy> policies) {
        OutdatedReport report = RegistryOptions.outdated(new CheckService(policies), registry.clients(paths, common))
                .run(paths, n -> { }, () -> { });
        Map<Dependency, String> latest = new HashMap<>();
        report.rows().forEach(r -> r.outdated().flatMap(Outdated::latest).ifPresent(v -> latest.put(r.dependency(), v)));
        return d -> Optional.ofNullable(latest.get(d));
    }

    private Optional<SpecStyle> parseStyle() {
        if (style == null) {
            return Optional.empty();
        }
        return Optional.of(SpecStyle.fromId(style).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "unknown --style '" + style + "' (range, compatible, caret, tilde, exact)")));
    }

    private static void summary(PinResult result, boolean written, PrintWriter to) {
        if (to == null) {
            return;
        }
        int files = result.plans().size();
        String specs = result.changes().size() + (result.changes().size() == 1 ? " spec" : " specs");
        String inFiles = files + (files == 1 ? " file" : " files");
        if (result.changes().isEmpty()) {
            to.println("nothing to pin: every spec already follows its policy");
        } else {
            to.println((written ? "pinned " : "would pin ") + specs + " in " + inFiles);
        }
        to.flush();
    }

    private static String show(String spec) {
        return spec.isEmpty() ? "(none)" : spec;
    }
}
