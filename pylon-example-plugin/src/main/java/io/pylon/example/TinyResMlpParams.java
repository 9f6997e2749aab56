package io.pylon.example;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Settings of {@code tiny_resmlp}.
 *
 * @param width width of the stem and of every residual block
 * @param blocks number of residual blocks
 */
public record TinyResMlpParams(@Default("64") int width, @Default("2") int blocks) {

    public TinyResMlpParams {
        InvalidValueException.require(width >= 1, "width", "must be >= 1, got %d", width);
        InvalidValueException.require(blocks >= 0, "blocks", "must be >= 0, got %d", blocks);
    }
}
