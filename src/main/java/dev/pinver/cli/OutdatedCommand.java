package dev.pinver.cli;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Dependency;
import dev.pinver.notes.NotesService;
import dev.pinver.notes.NotesSummary;
import dev.pinver.outdated.OutdatedReport;
import dev.pinver.outdated.OutdatedService;
import dev.pinver.outdated.Registries;
import dev.pinver.policy.Outdated;
import dev.pinver.report.CheckText;
import dev.pinver.report.OutdatedJson;
import dev.pinver.report.OutdatedTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinver outdated}: what each dependency can move to, classified by the 0.x rule. */
@Command(name = "outdated", mixinStandardHelpOptions = true,
        header = "What each dependency can move to, classified by the 0.x rule.",
        description = "For every dependency: what is resolved (the lock file's version, else what a fresh "
                + "install picks), the newest release its spec admits, the newest in its compatibility "
                + "window, the newest overall, and whether moving there crosses a breaking edge (0.45 -> "
                + "0.46 does).")
final class OutdatedCommand implements Callable<Integer> {

    /** Output formats of {@code outdated}. */
    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RegistryOptions registry;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifests or directories (searched recursively; default: the current directory).")
    List<Path> paths = List.of(Path.of("."));

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--notes", description = "Summarise the release notes of each update: releases and flagged "
            + "lines (breaking, removal, security, deprecation); \"notes unavailable\" when they cannot be read.")
    boolean notes;

    @Mixin
    NotesOptions notesOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Registries.Clients clients = registry.clients(paths, common);
        CheckService checker = new CheckService(Policies.resolver(common));
        OutdatedService service = RegistryOptions.outdated(checker, clients);
        OutdatedReport report = withProgress(service);
        Map<Dependency, NotesSummary> summaries = notes
                ? notesOptions.service(clients, checker, registry, System.getenv()).summaries(upgrades(report), 4)
                : Map.of();
        switch (format) {
            case text -> OutdatedTable.text(report, summaries, out, common.color());
            case markdown -> OutdatedTable.markdown(report, summaries, out);
            case json -> OutdatedJson.write(report, summaries, out);
        }
        CheckText.writeProblems(report.problems(), err);
        OutdatedTable.writeErrors(report, err);
        err.flush();
        if (!report.problems().isEmpty()) {
            return Main.BAD_INPUT;
        }
        return report.failedToAsk() ? Main.NETWORK : Main.OK;
    }

    /** The rows that can move, as upgrades from the resolved version to the latest. */
    private static List<NotesService.Upgrade> upgrades(OutdatedReport report) {
        return report.rows().stream()
                .filter(r -> r.outdated().flatMap(Outdated::update).isPresent())
                .flatMap(r -> {
                    Outdated o = r.outdated().orElseThrow();
                    return o.resolved().flatMap(from -> o.latest().map(to -> new NotesService.Upgrade(r.dependency(), from, to)))
                            .stream();
                })
                .toList();
    }

    /** Runs the service with a progress bar on a terminal (not with -q, not when output is piped). */
    private OutdatedReport withProgress(OutdatedService service) {
        if (common.quiet || System.console() == null) {
            return service.run(paths, total -> { }, () -> { });
        }
        AtomicReference<ProgressBar> bar = new AtomicReference<>();
        try {
            return service.run(paths,
                    total -> bar.set(new ProgressBarBuilder().setTaskName("registries").setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate()
                            .clearDisplayOnFinish().build()),
                    () -> bar.get().step());
        } finally {
            if (bar.get() != null) {
                bar.get().close();
            }
        }
    }
}
