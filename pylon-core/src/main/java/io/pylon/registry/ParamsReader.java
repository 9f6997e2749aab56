package io.pylon.registry;

import io.pylon.config.MapNode;

/**
 * Turns a section without its reserved keys into a component's params record. The default binds the keys to
 * the record's components; components whose params hold nested components (a combined loss's terms) read them
 * with the {@link ComponentBinder} they are given, so that every nested section is checked when the config is
 * resolved, not when the run starts.
 */
@FunctionalInterface
public interface ParamsReader<P extends Record> {

    P read(MapNode params, String keyPath, ComponentBinder binder);
}
