/**
 * Discovery of third-party components through {@link java.util.ServiceLoader}: a jar on the class path
 * that declares a {@link io.pylon.plugin.PylonPlugin} adds models, losses, metrics, callbacks, datasets and
 * transforms to the registries before the first lookup, so configs can name them.
 */
package io.pylon.plugin;
