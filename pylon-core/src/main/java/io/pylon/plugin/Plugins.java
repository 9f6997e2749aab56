package io.pylon.plugin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.registry.ComponentRegistrar;

/**
 * Loads the {@link PylonPlugin}s a class loader declares into a registrar. Called by
 * {@link StandardComponents} at the application's edge; nothing below it loads plugins.
 */
public final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    private Plugins() {
    }

    /**
     * Loads the plugins {@code loader} declares into {@code registrar} and returns their class names, in load
     * order.
     *
     * @throws PluginLoadException naming the plugin class and its jar when one cannot be loaded or fails to
     *     register
     */
    public static List<String> load(ClassLoader loader, ComponentRegistrar registrar) {
        ProviderSources sources = ProviderSources.scan(loader);
        List<String> names = new ArrayList<>();
        Iterator<ServiceLoader.Provider<PylonPlugin>> providers =
                ServiceLoader.load(PylonPlugin.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<PylonPlugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                throw notLoadable(e, sources);
            }
            String className = provider.type().getName();
            String source = sources.sourceOf(className);
            try {
                provider.get().register(registrar);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginLoadException("plugin " + className + " from " + source + " failed to load: "
                        + describe(e), e);
            }
            LOG.info("loaded plugin {} from {}", className, source);
            names.add(className);
        }
        return names;
    }

    private static PluginLoadException notLoadable(ServiceConfigurationError e, ProviderSources sources) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        String where = m.find()
                ? "plugin " + m.group(1) + " from " + sources.sourceOf(m.group(1))
                : "a plugin (declared: " + sources.all() + ")";
        return new PluginLoadException(where + " failed to load: " + describe(e), e);
    }

    /** The error's message plus its root cause's, which is where a plugin's own exception ends up. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (caused by " + root + ")";
    }
}
