package io.pylon.registry;

import java.util.List;
import java.util.function.Function;

import io.pylon.config.Binder;

/**
 * Where built-ins and plugins add components, of any kind, including kinds Pylon does not know: a kind is
 * just a {@link ComponentKind} constant. A name can be registered once per kind.
 */
public interface ComponentRegistrar {

    /** Adds a component whose params bind key by key to {@code params}. */
    default <P extends Record, C, T> void register(ComponentKind<C, T> kind, String name, Class<P> params,
            ComponentFactory<? super P, ? super C, ? extends T> factory, Object... traits) {
        add(new Component<>(kind, name, params, (section, keyPath, binder) -> Binder.bind(section, keyPath, params),
                factory, List.of(traits)));
    }

    /** Adds a component that needs nothing but its params. */
    default <P extends Record, C, T> void registerSimple(ComponentKind<C, T> kind, String name, Class<P> params,
            Function<? super P, ? extends T> factory, Object... traits) {
        register(kind, name, params, (P p, C context) -> factory.apply(p), traits);
    }

    /** Adds a fully described component (a custom {@link ParamsReader}). */
    void add(Component<?, ?, ?> component);
}
