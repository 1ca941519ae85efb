package dev.pinver.version;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Specs and versions come from manifests and registries, so each scheme reads any text as a version set
 * (or version) or throws {@link InvalidSpecException}, and a set answers for any version it is asked about.
 *
 * <p>Under {@code mvn verify} this runs its seeds; {@code JAZZER_FUZZ=1 mvn test -Dtest=VersionSpecsFuzzTest}
 * fuzzes it.
 */
class VersionSpecsFuzzTest {

    private static final List<VersionScheme<?>> SCHEMES =
            List.of(new Pep440Scheme(), new PoetryScheme(), new NpmScheme(), new MavenScheme());

    @FuzzTest(maxDuration = "60s")
    void specsAndVersionsParseOrSayWhyNot(FuzzedDataProvider data) {
        VersionScheme<?> scheme = SCHEMES.get(data.consumeInt(0, SCHEMES.size() - 1));
        String spec = data.consumeString(200);
        String version = data.consumeRemainingAsString();
        answers(scheme, spec, version);
    }

    private static <V extends Comparable<? super V>> void answers(VersionScheme<V> scheme, String spec, String version) {
        VersionSet<V> set;
        try {
            set = scheme.parseSpec(spec);
        } catch (InvalidSpecException e) {
            return;
        }
        try {
            set.contains(scheme.parseVersion(version));
        } catch (InvalidSpecException e) {
            // not a version of this scheme
        }
    }
}
