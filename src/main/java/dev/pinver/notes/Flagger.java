package dev.pinver.notes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a line of release notes announces a breaking change, a removal, a security fix
 * or a deprecation. Lines are matched without their inline code, so {@code `DeprecationWarning`}
 * or {@code docs/advanced/security/} in code say nothing.
 *
 * <p>Decisions against false alarms, each tested both ways:
 * <ul>
 * <li>"breaking" counts as "breaking change(s)", at the start of a line ("**Breaking**: …"), or
 *     followed by {@code : ! ) ]}; not negated ("non-breaking change", "no major nor breaking
 *     changes", "won't have any breaking changes"), and not as a verb ("fix regression breaking uploads").
 * <li>"no longer" is a breaking change unless the line is a fix ("Fix X so it no longer crashes") or
 *     the thing is merely not needed ("remove a check, no longer needed").
 * <li>"incompatible" only as "backwards incompatible", "incompatible change" or "not backwards
 *     compatible" ("raise an error for incompatible types" is not).
 * <li>"removed" does not count when what was removed is unused, redundant, duplicated, dead, a typo,
 *     "the need" or a warning ("removed a deprecated warning", "removed unused imports"); nor
 *     "removed"/"dropped" as an adjective ("a dropped connection") or in the first sentence of a fix
 *     ("Fix bounds silently dropped"); the imperative "Remove X" counts only as "remove support" or
 *     "remove deprecated".
 * <li>"deprecated" does not count when the line fixes, avoids, silences or replaces someone else's
 *     deprecation ("Fix DeprecationWarning on 3.12", "replace deprecated substr()").
 * <li>"security" counts only with a word that makes it a fix or an issue ("security fix",
 *     "security vulnerability"), never alone ("Security section", the {@code Security} class, "fix
 *     security token"); "vulnerability", "denial of service", ReDoS, CVE and GHSA identifiers count,
 *     unless negated ("previous versions are not vulnerable").
 * <li>💥 (and :boom:) only leading a line, ⚠ (and :warning:) anywhere.
 * </ul>
 * A line may say several things; it gets the most urgent kind. List items under a heading that
 * names a kind ("### Breaking Changes", "### Removed", "### Deprecated", "### Security") get at least
 * that kind (the first paragraph of each outermost item; explanations nested in it only by their own words).
 */
public final class Flagger {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    /** The rest of a clause: no sentence or clause punctuation (a dot inside {@code 3.13} does not end it). */
    private static final String SAME_CLAUSE = "(?:[^.;:!?,]|\\.(?!\\s))*$";

    private static final Pattern BREAKING = Pattern.compile(
            "\\bbreaking[\\s-]+(?:api[\\s-]+)?changes?\\b|^[\\W_]*breaking\\b|\\bbreaking\\s*[:!)\\]]", FLAGS);
    /** Before a keyword: "non-", "not a", "no", "nor", "without any", "won't have any", … */
    private static final Pattern NEGATED = Pattern.compile(
            "(?:\\bnon|\\bnot|\\bno|\\bnor|\\bnever|\\bwithout|\\bzero|\\bavoid(?:s|ing|ed)?|n't)[\\s-]+"
                    + "(?:[\\w']+\\s+){0,2}$", FLAGS);
    private static final Pattern INCOMPATIBLE = Pattern.compile(
            "\\bbackwards?[\\s-]*incompatib\\w*|\\bincompatible\\s+(?:behaviou?r\\s+|api\\s+)?changes?\\b"
                    + "|\\bnot\\s+backwards?[\\s-]*compatible\\b", FLAGS);
    private static final Pattern NO_LONGER = Pattern.compile(
            "\\bno\\s+longer\\b(?!\\s+(?:needed|necessary|used|relevant|applicable)\\b)", FLAGS);
    private static final Pattern A_FIX = Pattern.compile("^[\\W_]*(?:fix|fixes|fixed|fixing|bugfix)\\b", FLAGS);
    private static final Pattern WARNING_SIGN = Pattern.compile("\u26A0|:warning:|^[\\s*_>\\[(-]*(?:\uD83D\uDCA5|:boom:)");
    private static final Pattern CONVENTIONAL_BANG = Pattern.compile("^[\\W_]*[a-z]+(?:\\([^)]*\\))?!:", FLAGS);

    private static final Pattern REMOVAL = Pattern.compile(
            "\\bremoved\\b|\\bremov(?:e|es|ing)\\s+(?:the\\s+)?(?:support\\b|deprecated\\b)|\\bremoval\\s+of\\b"
                    + "|\\bdrop(?:s|ping)?\\s+(?:support\\b|python\\b|py\\d|node(?:\\.?js)?\\b|java\\b|jdk\\b)|\\bdropped\\b",
            FLAGS);
    private static final Pattern HARMLESS_REMOVAL = Pattern.compile(
            "^\\s+(?:(?:a|an|the|some|all|any)\\s+)?(?:unused|unnecessary|unneeded|redundant|duplicated?|dead|typos?"
                    + "|obsolete\\s+comments?|extra(?:neous)?|stray|debug(?:ging)?|leftover|trailing|need)\\b"
                    + "|^\\s+(?:(?:a|an|the|some|all|any)\\s+)?(?:[\\w-]+\\s+){0,2}warnings?\\b", FLAGS);

    private static final Pattern ADJECTIVE = Pattern.compile("\\b(?:a|an|the|any)\\s+$", FLAGS);
    private static final Pattern SENTENCE_END = Pattern.compile("[.;!?](?:\\s|$)");

    private static final Pattern SECURITY = Pattern.compile(
            "\\bsecurity[\\s-]+(?:fix(?:es|ed)?|issues?|vulnerabilit(?:y|ies)|advisor(?:y|ies)|patch(?:es)?|release"
                    + "|updates?|bugs?|holes?|flaws?|problems?|risks?)\\b"
                    + "|\\bvulnerab\\w*|\\bdenial[\\s-]+of[\\s-]+service\\b|\\bredos\\b"
                    + "|\\bCVE-\\d{4}-\\d{4,}\\b|\\bGHSA(?:-[0-9a-z]{4}){3}\\b", FLAGS);

    private static final Pattern DEPRECATION = Pattern.compile("(?<![\\w-])(?:un-?)?deprecat\\w*", FLAGS);
    private static final Pattern OTHERS_DEPRECATION = Pattern.compile(
            "\\b(?:fix\\w*|avoid\\w*|silenc\\w*|suppress\\w*|replac\\w*|resolv\\w*|remov\\w*|handl\\w*|ignor\\w*"
                    + "|address\\w*)\\b" + SAME_CLAUSE, FLAGS);

    private static final Pattern HEADING_BREAKING = Pattern.compile("(?<!non-)\\bbreaking\\b|incompatib", FLAGS);
    private static final Pattern HEADING_REMOVAL = Pattern.compile("\\bremov(?:ed|als?)\\b|\\bdropped\\b", FLAGS);
    private static final Pattern HEADING_SECURITY = Pattern.compile("\\bsecurity\\b|vulnerab|\\bCVE\\b", FLAGS);
    private static final Pattern HEADING_DEPRECATION = Pattern.compile("\\bdeprecat", FLAGS);

    private static final List<String> BREAKING_HINTS = List.of("breaking", "compatib", "no longer", "\u26A0", ":warning:",
            "\uD83D\uDCA5", ":boom:", "!:");
    private static final List<String> REMOVAL_HINTS = List.of("remov", "drop");
    private static final List<String> SECURITY_HINTS = List.of("security", "vulnerab", "cve-", "ghsa-", "denial", "redos");

    private Flagger() {
    }

    /** What {@code line} (prose without inline code) announces, if anything. */
    public static Optional<Flag.Kind> classify(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (mentions(lower, BREAKING_HINTS) && breaking(line)) {
            return Optional.of(Flag.Kind.BREAKING);
        }
        if (mentions(lower, REMOVAL_HINTS) && removal(line)) {
            return Optional.of(Flag.Kind.REMOVAL);
        }
        if (mentions(lower, SECURITY_HINTS) && security(line)) {
            return Optional.of(Flag.Kind.SECURITY);
        }
        if (lower.contains("deprecat") && deprecation(line)) {
            return Optional.of(Flag.Kind.DEPRECATION);
        }
        return Optional.empty();
    }

    /** Whether any of the words a kind's patterns need occurs: most lines skip the patterns. */
    private static boolean mentions(String lower, List<String> hints) {
        for (String h : hints) {
            if (lower.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /** What the lines under a heading with this title announce ("Breaking Changes", "Removed", …). */
    public static Optional<Flag.Kind> ofHeading(String title) {
        if (HEADING_BREAKING.matcher(title).find()) {
            return Optional.of(Flag.Kind.BREAKING);
        }
        if (HEADING_REMOVAL.matcher(title).find()) {
            return Optional.of(Flag.Kind.REMOVAL);
        }
        if (HEADING_SECURITY.matcher(title).find()) {
            return Optional.of(Flag.Kind.SECURITY);
        }
        if (HEADING_DEPRECATION.matcher(title).find()) {
            return Optional.of(Flag.Kind.DEPRECATION);
        }
        return Optional.empty();
    }

    private static boolean breaking(String line) {
        Matcher m = BREAKING.matcher(line);
        while (m.find()) {
            if (!NEGATED.matcher(line.substring(0, m.start())).find()) {
                return true;
            }
        }
        return INCOMPATIBLE.matcher(line).find() || WARNING_SIGN.matcher(line).find()
                || CONVENTIONAL_BANG.matcher(line).find()
                || (NO_LONGER.matcher(line).find() && !A_FIX.matcher(line).find());
    }

    /**
     * "removed"/"dropped" not followed by something harmless, not used as an adjective
     * ("a dropped connection"), and not in the first sentence of a fix, where it describes the bug
     * ("Fix bounds silently dropped").
     */
    private static boolean removal(String line) {
        int fixSentenceEnd = A_FIX.matcher(line).find() ? sentenceEnd(line) : 0;
        Matcher m = REMOVAL.matcher(line);
        while (m.find()) {
            if (m.start() >= fixSentenceEnd && !HARMLESS_REMOVAL.matcher(line.substring(m.end())).find()
                    && !ADJECTIVE.matcher(line.substring(0, m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static int sentenceEnd(String line) {
        Matcher end = SENTENCE_END.matcher(line);
        return end.find() ? end.end() : line.length();
    }

    /** A security keyword not negated ("previous versions are not vulnerable"). */
    private static boolean security(String line) {
        Matcher m = SECURITY.matcher(line);
        while (m.find()) {
            if (!NEGATED.matcher(line.substring(0, m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean deprecation(String line) {
        Matcher m = DEPRECATION.matcher(line);
        while (m.find()) {
            boolean undeprecate = m.group().toLowerCase(Locale.ROOT).startsWith("un");
            if (!undeprecate && !OTHERS_DEPRECATION.matcher(line.substring(0, m.start())).find()) {
                return true;
            }
        }
        return false;
    }
}
