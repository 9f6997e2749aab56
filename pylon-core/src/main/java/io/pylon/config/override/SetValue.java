package io.pylon.config.override;

import io.pylon.config.ConfigNode;

/** {@code key.path=value}: replaces the value of a key that exists (or switches a defaults group). */
public record SetValue(String text, KeyPath path, ConfigNode value) implements ConfigOverride {
}
