package io.pylon.plugin;

import java.util.function.Function;

import io.pylon.criteria.Criterion;

/**
 * Where a plugin adds losses; the name is what {@code criterion.name} selects, and the rest of that
 * section binds to {@code params}.
 */
@FunctionalInterface
public interface CriterionRegistrar {

    <P extends Record> void register(String name, Class<P> params, Function<? super P, Criterion> factory);
}
