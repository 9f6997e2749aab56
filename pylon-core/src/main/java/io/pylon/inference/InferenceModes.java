package io.pylon.inference;

import java.util.List;

import io.pylon.config.ConfigNode;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The inference-mode kind ({@code inference.modes: [{name: tta, flips: [[0]]}, {name: mc_dropout, passes: 8}]}):
 * a name, a validated params record that is itself the mode, registered like every other component.
 */
public final class InferenceModes {

    public static final ComponentKind<Void, InferenceMode> KIND = new ComponentKind<>("inference mode",
            InferenceMode.class);

    private InferenceModes() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, "tta", TestTimeAugmentation.class, p -> p);
        r.registerSimple(KIND, "mc_dropout", McDropout.class, p -> p);
    }

    /** The modes of a list section ({@code keyPath} e.g. {@code inference.modes}), in order; a mode may repeat. */
    public static List<InferenceMode> chain(ComponentBinder binder, ConfigNode section, String keyPath) {
        return binder.bindList(KIND, section, keyPath, false).stream().map(b -> b.create(null)).toList();
    }

    /** Checks a list section without building anything (resolution before execution). */
    public static List<Bound<Void, InferenceMode>> bind(ComponentBinder binder, ConfigNode section, String keyPath) {
        return binder.bindList(KIND, section, keyPath, false);
    }
}
