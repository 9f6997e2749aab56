package io.pylon.registry;

/**
 * Makes a component from its validated params record and what its kind provides at build time.
 *
 * @param <P> the params record
 * @param <C> the kind's build context ({@link Void} for kinds that need none; then it is null)
 * @param <T> what the kind makes
 */
@FunctionalInterface
public interface ComponentFactory<P, C, T> {

    T create(P params, C context);
}
