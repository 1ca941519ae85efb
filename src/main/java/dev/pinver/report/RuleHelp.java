package dev.pinver.report;

import java.util.Map;

/** What each check rule means, for SARIF rule metadata and help texts. */
public final class RuleHelp {

    /** A rule's one-line summary and its longer help. */
    public record Text(String summary, String help) {
    }

    private static final Map<String, Text> RULES = Map.ofEntries(
            Map.entry("unpinned", new Text("Dependency has no upper bound",
                    "The spec admits every future release, including ones that break the project. Pin it to "
                            + "its compatibility window, e.g. >=0.45.0,<0.46.0 for a 0.x package (a 0.x minor release "
                            + "may break) or >=1.2.0,<2.0.0 from 1.0 on. `pinver pin` writes the window.")),
            Map.entry("too-wide", new Text("Dependency spec admits a breaking release",
                    "The spec has an upper bound, but it lies past the compatibility window's edge, so an "
                            + "install can pick a release that may break the project. A common trap is ~=0.45, which "
                            + "admits every 0.x release; ~=0.45.0 or >=0.45.0,<0.46.0 is the 0.45 window.")),
            Map.entry("exact-pin", new Text("Dependency is pinned to one exact version",
                    "An exact pin blocks even the patch releases that fix bugs and security issues. The "
                            + "policy asks for a window; patch releases inside it should not break the project.")),
            Map.entry("should-not-pin", new Text("Dependency should not be pinned",
                    "The policy says this package needs no pin of its own, usually because another dependency "
                            + "already constrains it (Starlette is constrained by FastAPI). A pin here can conflict "
                            + "with that constraint.")),
            Map.entry("invalid-spec", new Text("Version spec cannot be understood",
                    "The spec does not follow its ecosystem's version grammar, or admits no version at all.")),
            Map.entry("url-requirement", new Text("Dependency comes from a URL or path",
                    "Direct URL, VCS and local path requirements carry no version spec; pinver cannot pin "
                            + "them. Prefer a released version, or pin the reference to a tag or commit.")),
            Map.entry("snapshot-dependency", new Text("Release build depends on a SNAPSHOT",
                    "A -SNAPSHOT version changes whenever its project deploys, so a release build that "
                            + "depends on one cannot be reproduced. Depend on a released version.")),
            Map.entry("not-exact", new Text("Dependency admits more than one version",
                    "The policy pins exact versions (the Maven convention, for reproducible builds), and this "
                            + "spec is a range.")),
            Map.entry("yanked", new Text("Resolved version was yanked",
                    "The version the project resolves has been withdrawn from the registry by its publishers, "
                            + "usually for a serious bug. Move to another release inside the window.")),
            Map.entry("update-in-window", new Text("A newer release inside the window exists",
                    "A release inside the compatibility window is available; it should not break the project.")),
            Map.entry("breaking-update", new Text("A release past the window's edge exists",
                    "A release that may break the project is available; upgrade through a tested branch "
                            + "(a branch whose tests pass).")));

    private RuleHelp() {
    }

    public static Text of(String rule) {
        return RULES.getOrDefault(rule, new Text(rule, rule));
    }
}
