package io.pylon.plugin;

/**
 * A plugin could not be loaded or failed while registering its components. The message names the
 * plugin class and the jar (or folder) it came from, since the user's fix is usually to remove or
 * update that jar.
 */
public final class PluginLoadException extends RuntimeException {

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
