package io.pylon.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered component: a kind, a name, a params record type (validated in its constructor, defaults
 * written once with {@code @Default}), how a section becomes that record, and the factory.
 *
 * @param traits facts about the component that other parts read before it exists (a metric's
 *     {@code Direction}); looked up by type with {@link #trait}
 */
public record Component<P extends Record, C, T>(
        ComponentKind<C, T> kind,
        String name,
        Class<P> paramsType,
        ParamsReader<P> reader,
        ComponentFactory<? super P, ? super C, ? extends T> factory,
        List<Object> traits) {

    public Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(paramsType, "paramsType");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(factory, "factory");
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(kind + " name must be snake_case (a-z, 0-9, _), got '" + name + "'");
        }
        traits = List.copyOf(traits);
    }

    /** Makes the component; {@code params} must be a {@link #paramsType} instance. */
    public T create(Record params, C context) {
        if (!paramsType.isInstance(params)) {
            throw new IllegalArgumentException(kind + " '" + name + "' expects " + paramsType.getSimpleName()
                    + " params, got " + (params == null ? "null" : params.getClass().getSimpleName()));
        }
        return kind.type().cast(factory.create(paramsType.cast(params), context));
    }

    /** The trait of type {@code type} this component was registered with. */
    public <A> Optional<A> trait(Class<A> type) {
        return traits.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
