/**
 * Experiment configuration: reading YAML into trees of {@link io.pylon.config.ConfigNode}s that
 * remember file and line, Hydra-like composition from a {@code defaults:} list, command-line
 * overrides (grammar in {@code io.pylon.config.override}), {@code ${key.path}} interpolation, binding
 * sections to typed records ({@link io.pylon.config.Binder}) and writing the resolved config back as
 * YAML. Every user mistake is a {@link io.pylon.config.ConfigException} naming file, line and key
 * path. The section records themselves live with the code they configure.
 */
package io.pylon.config;
