package io.pylon.data;

import org.bytedeco.pytorch.Tensor;

/**
 * One collated batch. Its tensors belong to the step scope they were created in.
 *
 * @param inputs model input, batch dimension first
 * @param targets targets, batch dimension first
 * @param indices dataset indices of the samples, in batch order (for per-sample scores and resume checks)
 */
public record Batch(Tensor inputs, Tensor targets, long[] indices) {

    public int size() {
        return indices.length;
    }
}
