package dev.pinver.policy;

import dev.pinver.manifest.Ecosystem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A package name or glob as written in a policy rule: {@code fastapi}, {@code @types/*},
 * {@code org.apache.*:*}. {@code *} stands for any run of characters ({@code /} and {@code :}
 * included), {@code ?} for exactly one; everything else is literal. Maven names are
 * {@code group:artifact}. For PyPI both the pattern and the name are compared in their PEP 503
 * normal form, so {@code Zope.Interface} matches {@code zope-interface}.
 */
public record PackagePattern(String text) {

    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    /** True when the name, in this ecosystem, is one the pattern describes. */
    public boolean matches(Ecosystem ecosystem, String name) {
        if (ecosystem == Ecosystem.PYPI) {
            return glob(pep503(text), pep503(name));
        }
        return glob(text, name);
    }

    /** PEP 503's normal form of a PyPI name: lower case, each run of {@code -_.} made one {@code -}. */
    static String pep503(String name) {
        return PEP503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * Glob matching with backtracking only to the most recent {@code *}, which is enough because a
     * later star can absorb anything an earlier one would have.
     */
    private static boolean glob(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int starMatch = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))
                    && pattern.charAt(p) != '*') {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatch = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++starMatch;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
