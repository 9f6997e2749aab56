package io.pylon.config.override;

import io.pylon.config.ConfigNode;

/** {@code +key.path=value}: adds a key that does not exist yet. */
public record AddKey(String text, KeyPath path, ConfigNode value) implements ConfigOverride {
}
