package io.pylon.data;

import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transforms;
import io.pylon.registry.ComponentBinder;

/**
 * The configured transform chains of a data section, built from the registry before any data is opened.
 *
 * @param transforms {@code data.transforms}: every split
 * @param augment {@code data.augment}: the training split, after {@code transforms}
 */
public record TransformChains(Compose transforms, Compose augment) {

    /** No transforms. */
    public static TransformChains none() {
        return new TransformChains(new Compose(java.util.List.of()), new Compose(java.util.List.of()));
    }

    /** Binds and builds the chains of {@code config}. */
    public static TransformChains of(ComponentBinder binder, DataConfig config) {
        return new TransformChains(Transforms.chain(binder, config.transforms(), "data.transforms"),
                Transforms.chain(binder, config.augment(), "data.augment"));
    }
}
