package io.pylon.data;

import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Tensors;

/**
 * Inputs and their targets, both with the sample dimension first and the same sample count.
 *
 * @param inputs model inputs, e.g. float {@code [N, 1, 28, 28]}
 * @param targets targets, e.g. int64 class indices {@code [N]}
 */
public record LabelledTensors(Tensor inputs, Tensor targets) {

    public LabelledTensors {
        long[] in = Tensors.shape(inputs);
        long[] out = Tensors.shape(targets);
        if (in.length == 0 || out.length == 0 || in[0] != out[0]) {
            throw new IllegalArgumentException("inputs " + Arrays.toString(in) + " and targets " + Arrays.toString(out)
                    + " must have the same sample count in their first dimension");
        }
    }

    public long size() {
        return Tensors.shape(inputs)[0];
    }

    /** Samples {@code [from, to)} as views sharing this pair's storage. */
    public LabelledTensors slice(long from, long to) {
        return new LabelledTensors(inputs.narrow(0, from, to - from), targets.narrow(0, from, to - from));
    }
}
