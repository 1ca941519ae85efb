package dev.pinver.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.BreakingMode;
import dev.pinver.version.SpecStyle;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverridesTest {

    /** A set value for each type of field Overrides has. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            PinMode.class, PinMode.values()[0],
            BreakingMode.class, BreakingMode.values()[0],
            Set.class, Set.of(UpdateKind.PATCH),
            Duration.class, Duration.ofDays(1),
            Boolean.class, Boolean.FALSE,
            List.class, List.of("a"),
            String.class, "",
            SpecStyle.class, SpecStyle.values()[0],
            Severity.class, Severity.INFO);

    @Test
    void isEmptyOnlyWhenNoFieldIsSet() throws ReflectiveOperationException {
        assertTrue(Overrides.none().isEmpty());
        RecordComponent[] components = Overrides.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<Overrides> constructor = Overrides.class.getDeclaredConstructor(types);
        for (int i = 0; i < components.length; i++) {
            Object[] values = new Object[components.length];
            values[i] = SAMPLES.get(types[i]);
            assertTrue(values[i] != null, "no sample value for a field of type " + types[i]);
            Overrides one = constructor.newInstance(values);
            assertFalse(one.isEmpty(), "isEmpty ignores the field " + components[i].getName());
            assertTrue(Overrides.none().then(one).equals(one));
        }
    }
}
