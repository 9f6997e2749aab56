package io.pylon.plugin;

import java.util.function.Supplier;

/**
 * Loads plugins into registrars at most once, whichever thread asks first; the state behind
 * {@link Plugins#loadOnce}, separate so tests can exercise it with their own class loader and registrars.
 */
final class OnceLoader {

    private final Supplier<ClassLoader> classLoader;
    private final Supplier<Registrars> registrars;
    private final Object lock = new Object();
    private volatile boolean loaded;
    private boolean loading;
    private PluginLoadException failure;

    OnceLoader(Supplier<ClassLoader> classLoader, Supplier<Registrars> registrars) {
        this.classLoader = classLoader;
        this.registrars = registrars;
    }

    /**
     * Loads on the first call; later calls return at once, or rethrow the first failure so every lookup
     * reports the broken plugin instead of running with part of it registered. A call from the loading
     * thread itself (a plugin that looks up a registry while registering) returns without loading again.
     */
    void loadOnce() {
        if (loaded) {
            return;
        }
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
            if (loaded || loading) {
                return;
            }
            loading = true;
            try {
                Plugins.load(classLoader.get(), registrars.get());
                loaded = true;
            } catch (PluginLoadException e) {
                failure = e;
                throw e;
            } finally {
                loading = false;
            }
        }
    }
}
