package io.pylon.plugin;

import io.pylon.PylonUserException;

/**
 * A plugin could not be loaded or failed while registering its components. The message names the
 * plugin class and the jar (or folder) it came from, since the user's fix is usually to remove or
 * update that jar; the CLI prints it as one {@code error:} line.
 */
public final class PluginLoadException extends PylonUserException {

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
