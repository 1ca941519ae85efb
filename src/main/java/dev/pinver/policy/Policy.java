package dev.pinver.policy;

import dev.pinver.manifest.Ecosystem;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy: defaults that apply to every dependency, then rules applied in order to the dependencies
 * they match. Each section overrides only the settings it writes down, so a later match refines an
 * earlier one (as Renovate's {@code packageRules} do).
 *
 * @param defaults what applies before any rule
 * @param rules the rules, in file order
 */
public record Policy(Overrides defaults, List<Rule> rules) {

    private static final Policy EMPTY = new Policy(Overrides.none(), List.of());

    public Policy {
        rules = List.copyOf(rules);
    }

    /** The policy that says nothing: every dependency gets {@link Settings#base}. */
    public static Policy empty() {
        return EMPTY;
    }

    /**
     * Several policies as one, later wins: their defaults merged field by field, then all their rules,
     * earlier policies' first. So a later policy's defaults override an earlier one's defaults but not
     * its rules; to override a rule, a later policy writes a rule of its own.
     */
    public static Policy compose(List<Policy> policies) {
        Overrides defaults = Overrides.none();
        List<Rule> rules = new ArrayList<>();
        for (Policy p : policies) {
            defaults = defaults.then(p.defaults);
            rules.addAll(p.rules);
        }
        return new Policy(defaults, rules);
    }

    /**
     * The effective settings for one package: the ecosystem's base, then the defaults, then every
     * matching rule in order.
     *
     * @param name the package's normalised name; Maven's {@code group:artifact}
     */
    public Resolution settingsFor(Ecosystem ecosystem, String name) {
        Settings settings = Settings.base(ecosystem).with(defaults);
        List<Rule> matched = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.matches(ecosystem, name)) {
                settings = settings.with(rule.overrides());
                matched.add(rule);
            }
        }
        return new Resolution(settings, matched);
    }

    /**
     * The outcome of {@link #settingsFor}.
     *
     * @param settings the effective settings
     * @param matched the rules that applied, in the order they were applied
     */
    public record Resolution(Settings settings, List<Rule> matched) {

        public Resolution {
            matched = List.copyOf(matched);
        }
    }
}
