package io.pylon.inference;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Sliding-window settings ({@code inference.window}).
 *
 * @param size window extent per spatial axis ({@code [H, W]} or {@code [D, H, W]}); empty = the whole input
 *     (one window); each side must suit the model (a UNet of depth L needs multiples of 2^L)
 * @param overlap fraction of a window shared with its neighbour along each axis, in [0, 1)
 * @param blending {@code constant} or {@code gaussian}
 * @param sigmaScale Gaussian sigma as a fraction of the window side, > 0 (MONAI's 0.125)
 * @param batchSize windows per forward pass, >= 1
 * @param paddingValue input value used where the volume is padded up to the window
 * @param deviceAccumulatorMb the full-volume accumulator stays on the device up to this size; larger ones are
 *     kept on the host (windows still run on the device); >= 0
 */
public record WindowParams(
        @Default("[]") List<Integer> size,
        @Default("0.25") double overlap,
        @Default("gaussian") Blending blending,
        @Default("0.125") double sigmaScale,
        @Default("4") int batchSize,
        @Default("0") double paddingValue,
        @Default("2048") long deviceAccumulatorMb) {

    public WindowParams {
        size = List.copyOf(size);
        InvalidValueException.require(size.stream().allMatch(s -> s >= 1), "size", "sides must be >= 1, got %s",
                size);
        InvalidValueException.require(overlap >= 0 && overlap < 1, "overlap", "must be in [0, 1), got %s", overlap);
        InvalidValueException.require(blending != null, "blending", "must be constant or gaussian");
        InvalidValueException.require(sigmaScale > 0, "sigma_scale", "must be > 0, got %s", sigmaScale);
        InvalidValueException.require(batchSize >= 1, "batch_size", "must be >= 1, got %d", batchSize);
        InvalidValueException.require(deviceAccumulatorMb >= 0, "device_accumulator_mb", "must be >= 0, got %d",
                deviceAccumulatorMb);
    }

    public static WindowParams of(List<Integer> size, double overlap, Blending blending) {
        return new WindowParams(size, overlap, blending, 0.125, 4, 0, 2048);
    }

    public WindowParams withBatchSize(int windows) {
        return new WindowParams(size, overlap, blending, sigmaScale, windows, paddingValue, deviceAccumulatorMb);
    }
}
