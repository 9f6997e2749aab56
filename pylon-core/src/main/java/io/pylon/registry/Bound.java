package io.pylon.registry;

import io.pylon.config.ConfigException;
import io.pylon.config.MapNode;
import io.pylon.config.Navigation;
import io.pylon.config.Origin;

/**
 * A config section bound to a component: the component chosen by its {@code name} and its validated params.
 * Binding checks everything that can be checked without building; {@link #create} builds.
 *
 * @param keyPath where the section is ({@code model}, {@code metrics.1}), for messages
 * @param section the params as written (without the name and reserved keys), for locating values in messages
 */
public record Bound<C, T>(Component<?, C, T> component, Record params, String keyPath, MapNode section) {

    public String name() {
        return component.name();
    }

    /** Where the section is written. */
    public Origin origin() {
        return section.origin();
    }

    /** Where the value at {@code relativeKey} ({@code monitor}, {@code monitors.1}) is written, else the section. */
    public Origin originOf(String relativeKey) {
        return Navigation.find(section, Navigation.split(relativeKey)).orElse(section).origin();
    }

    /**
     * Builds the component. A factory's {@link IllegalArgumentException} (params that do not fit the context,
     * e.g. a model's input size against the data) becomes a {@link ConfigException} at this section.
     */
    public T create(C context) {
        try {
            return component.create(params, context);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin(), keyPath, component.kind() + " '" + name() + "': " + e.getMessage(), e);
        }
    }
}
