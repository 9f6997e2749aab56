package io.pylon.data;

import java.util.Arrays;

/**
 * What a model needs to know about its data to size its layers.
 *
 * @param inputShape shape of one input sample, without the batch dimension (e.g. {@code [1, 28, 28]})
 * @param numClasses number of target classes (the output width of a classifier)
 */
public record DataSpec(long[] inputShape, int numClasses) {

    public DataSpec {
        inputShape = inputShape.clone();
        if (inputShape.length == 0) {
            throw new IllegalArgumentException("input shape needs at least one dimension");
        }
        for (long d : inputShape) {
            if (d < 1) {
                throw new IllegalArgumentException("input dimensions must be >= 1, got " + Arrays.toString(inputShape));
            }
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** Number of input values per sample (the product of {@link #inputShape}). */
    public long inputSize() {
        long n = 1;
        for (long d : inputShape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataSpec that && numClasses == that.numClasses
                && Arrays.equals(inputShape, that.inputShape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputShape) + numClasses;
    }

    @Override
    public String toString() {
        return "DataSpec[inputShape=" + Arrays.toString(inputShape) + ", numClasses=" + numClasses + "]";
    }
}
