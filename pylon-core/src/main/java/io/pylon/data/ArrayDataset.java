package io.pylon.data;

import java.util.List;

import io.pylon.data.array.NdArray;

/**
 * Samples stored as two arrays with the sample dimension first: sample {@code i} is a view of entry
 * {@code i} of each (no copy). Decoded built-in datasets and tests use it.
 *
 * @param inputs {@code [N, ...]}
 * @param targets {@code [N]} class labels or {@code [N, ...]} targets
 * @param denseTargets whether the targets are maps over the inputs' spatial grid
 * @param name names the data in errors and cache keys
 * @param classNames the target classes in label order, or empty
 */
public record ArrayDataset(NdArray inputs, NdArray targets, boolean denseTargets, String name,
        List<String> classNames) implements Dataset {

    public ArrayDataset {
        classNames = List.copyOf(classNames);
        if (inputs.rank() == 0 || targets.rank() == 0 || inputs.dim(0) != targets.dim(0)) {
            throw new IllegalArgumentException(name + ": inputs " + inputs + " and targets " + targets
                    + " must have the same sample count in their first dimension");
        }
    }

    @Override
    public long size() {
        return inputs.dim(0);
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        return new Sample(index, inputs.slice(index), targets.slice(index), denseTargets);
    }

    @Override
    public String fingerprint() {
        return "array:" + name + ":" + inputs + ":" + targets;
    }
}
