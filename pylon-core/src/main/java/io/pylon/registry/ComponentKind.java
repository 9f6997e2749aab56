package io.pylon.registry;

import java.util.Objects;

/**
 * One kind of component (models, losses, metrics, optimizers ...): its name, used in messages and in
 * {@link Components#names}, and the type its factories make. Each kind is declared once, as a constant
 * beside the type it makes ({@code Models.KIND}); a new kind is a new constant, with no change here.
 *
 * @param <C> what a factory needs beyond its params when the component is built (the data spec for a
 *     model, the model for an optimizer); {@link Void} when nothing
 * @param <T> what a factory makes
 * @param name the kind's name in messages ("model", "dataset format")
 * @param type what a factory makes
 */
public record ComponentKind<C, T>(String name, Class<T> type) {

    public ComponentKind {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a component kind needs a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
