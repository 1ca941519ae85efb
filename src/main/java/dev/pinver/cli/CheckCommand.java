package dev.pinver.cli;

import dev.pinver.check.CheckReport;
import dev.pinver.check.CheckService;
import dev.pinver.check.OutdatedFindings;
import dev.pinver.outdated.OutdatedReport;
import dev.pinver.policy.Severity;
import dev.pinver.report.CheckJson;
import dev.pinver.report.CheckSarif;
import dev.pinver.report.CheckText;
import dev.pinver.report.GithubAnnotations;
import dev.pinver.report.OutdatedTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pinver check}: policy compliance of every pin, offline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Policy compliance of every pin; offline unless --outdated.",
        description = "Checks that every dependency is pinned to its policy's compatibility window. Reads "
                + "requirements files (with their -r/-c includes), pyproject.toml, pom.xml and "
                + "package.json; offline unless --outdated.")
final class CheckCommand implements Callable<Integer> {

    /** Output formats of {@code check}. */
    enum Format { text, json, sarif, github }

    /** The lowest severity that makes {@code check} exit 1. */
    enum FailOn { error, warning, never }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifests or directories to check (searched recursively; default: the current directory).")
    List<Path> paths = List.of(Path.of("."));

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--outdated", description = "Also ask the registries and add outdated's findings: a resolved "
            + "version that was yanked (error), updates inside the window and across its edge (info).")
    boolean outdated;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckService checker = new CheckService(Policies.resolver(common));
        CheckReport report = checker.check(paths);
        boolean failedToAsk = false;
        if (outdated) {
            OutdatedReport found = RegistryOptions.outdated(checker, registry.clients(paths, common))
                    .run(paths, n -> { }, () -> { });
            report = report.withFindings(OutdatedFindings.of(found));
            failedToAsk = found.failedToAsk();
            OutdatedTable.writeErrors(found, err);
        }
        switch (format) {
            case text -> CheckText.write(report, out, common.color());
            case json -> CheckJson.write(report, out);
            case sarif -> CheckSarif.write(report, Main.version(), out);
            case github -> GithubAnnotations.write(report, out);
        }
        CheckText.writeProblems(report.problems(), err);
        if (!report.problems().isEmpty()) {
            return Main.BAD_INPUT;
        }
        boolean failed = switch (failOn) {
            case error -> report.count(Severity.ERROR) > 0;
            case warning -> report.count(Severity.ERROR) + report.count(Severity.WARNING) > 0;
            case never -> false;
        };
        if (failed) {
            return Main.FINDINGS;
        }
        return failedToAsk ? Main.NETWORK : Main.OK;
    }
}
