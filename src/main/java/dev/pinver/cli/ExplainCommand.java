package dev.pinver.cli;

import dev.pinver.check.CheckService;
import dev.pinver.manifest.Dependency;
import dev.pinver.manifest.Ecosystem;
import dev.pinver.manifest.ManifestFinder;
import dev.pinver.manifest.ManifestLoader;
import dev.pinver.manifest.Pep508;
import dev.pinver.policy.Policy;
import dev.pinver.policy.Rule;
import dev.pinver.policy.Settings;
import dev.pinver.policy.UpdateKind;
import dev.pinver.policy.Verdict;
import dev.pinver.report.DisplayPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinver explain}: which policy rules apply to a package, what they add up to, and the verdicts. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        header = "Which policy rules apply to a package, and why.",
        description = "Shows which policy rules apply to a package (with where each is written), the settings "
                + "they add up to, and the verdict on each place the package is declared under PATH.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The package (Maven: group:artifact).")
    String pkg;

    @Option(names = "--ecosystem", paramLabel = "ECOSYSTEM", description = "pypi, npm or maven (default: guessed "
            + "from where the package is declared, else from its name).")
    String ecosystem;

    @Option(names = "--path", paramLabel = "PATH", description = "Where to look for the package (default: .).")
    Path path = Path.of(".");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Function<Path, Policy> policies = Policies.resolver(common);
        CheckService checker = new CheckService(policies);
        List<Dependency> declared = ManifestLoader.load(ManifestFinder.find(List.of(path))).dependencies().stream()
                .filter(d -> d.name().equals(normalised(d.ecosystem())))
                .filter(d -> ecosystem == null || d.ecosystem().id().equals(ecosystem.toLowerCase(Locale.ROOT)))
                .toList();
        Ecosystem eco = declared.isEmpty() ? guess() : declared.get(0).ecosystem();
        Path policyDir = declared.isEmpty() ? path.resolve("_") : declared.get(0).manifest();
        Policy.Resolution resolution = policies.apply(policyDir).settingsFor(eco, normalised(eco));
        out.println(normalised(eco) + " (" + eco.id() + ")");
        out.println();
        out.println("rules that apply, in order (later ones override earlier ones):");
        if (resolution.matched().isEmpty()) {
            out.println("  none: only the defaults");
        }
        for (Rule rule : resolution.matched()) {
            out.println("  " + DisplayPath.of(rule.location().file()) + ":" + rule.location().line() + "  "
                    + (rule.packages().isEmpty() ? "*" : rule.packages().stream().map(Object::toString)
                            .collect(Collectors.joining(", ")))
                    + (rule.ecosystems().isEmpty() ? "" : " [" + rule.ecosystems().stream().map(Ecosystem::id)
                            .collect(Collectors.joining(", ")) + "]"));
        }
        out.println();
        describe(resolution.settings(), out);
        if (!declared.isEmpty()) {
            out.println();
            out.println("declared:");
            for (Dependency d : declared) {
                Verdict v = checker.judge(d);
                out.println("  " + DisplayPath.of(d.reportedAt().file()) + ":" + d.reportedAt().line() + ":"
                        + d.reportedAt().column() + "  " + (d.spec().isEmpty() ? "(no spec)" : d.spec()) + "  "
                        + v.status().id() + (v.isFinding() ? ": " + v.message() : ""));
            }
        }
        out.flush();
        return Main.OK;
    }

    private String normalised(Ecosystem eco) {
        return eco == Ecosystem.PYPI ? Pep508.normalise(pkg) : pkg;
    }

    private Ecosystem guess() {
        if (ecosystem != null) {
            for (Ecosystem e : Ecosystem.values()) {
                if (e.id().equals(ecosystem.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown --ecosystem '" + ecosystem + "' (pypi, npm, maven)");
        }
        return pkg.contains(":") ? Ecosystem.MAVEN : pkg.startsWith("@") ? Ecosystem.NPM : Ecosystem.PYPI;
    }

    private static void describe(Settings s, PrintWriter out) {
        out.println("settings:");
        out.println("  pin:         " + s.pin().id());
        out.println("  breaking:    " + s.breaking().id());
        out.println("  style:       " + s.style().id());
        out.println("  allow:       " + s.allow().stream().sorted().map(UpdateKind::id).collect(Collectors.joining(", ")));
        out.println("  min-age:     " + (s.minAge().isZero() ? "none" : s.minAge().toString().substring(2).toLowerCase(Locale.ROOT)));
        out.println("  prereleases: " + s.prereleases());
        out.println("  exact-pin:   " + s.exactPin().id());
        s.group().ifPresent(g -> out.println("  group:       " + g));
        if (!s.ignore().isEmpty()) {
            out.println("  ignore:      " + String.join(", ", s.ignore()));
        }
        s.reason().ifPresent(r -> out.println("  reason:      " + r));
    }
}
