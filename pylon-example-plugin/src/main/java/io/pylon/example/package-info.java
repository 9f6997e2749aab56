/**
 * An example Pylon plugin: a residual MLP ({@code tiny_resmlp}), a label-smoothed cross-entropy
 * ({@code label_smoothed_ce}) and an epoch timer callback ({@code epoch_timer}), contributed through
 * {@link io.pylon.plugin.PylonPlugin} and {@code META-INF/services}. Copy this module to start a plugin.
 */
package io.pylon.example;
