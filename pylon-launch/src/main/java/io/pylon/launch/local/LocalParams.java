package io.pylon.launch.local;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Parameters of the {@code local} executor.
 *
 * @param slots jobs running at once; 0 = one per GPU, or 1 without GPUs
 * @param gpus  GPU indices to share out among the slots; empty = those {@code nvidia-smi} lists
 */
public record LocalParams(@Default("0") int slots, @Default("[]") List<Integer> gpus) {

    public LocalParams {
        gpus = List.copyOf(gpus);
        InvalidValueException.require(slots >= 0, "slots", "must be >= 0 (0 = one per GPU), got %d", slots);
        for (int gpu : gpus) {
            InvalidValueException.require(gpu >= 0, "gpus", "GPU indices must be >= 0, got %d", gpu);
        }
    }
}
