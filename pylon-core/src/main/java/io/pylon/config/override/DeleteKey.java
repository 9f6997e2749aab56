package io.pylon.config.override;

/** {@code ~key.path}: removes a key (or list item) that exists. */
public record DeleteKey(String text, KeyPath path) implements ConfigOverride {
}
