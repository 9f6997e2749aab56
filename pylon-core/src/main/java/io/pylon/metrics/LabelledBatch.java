package io.pylon.metrics;

import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Tensors;

/**
 * One batch copied to Java arrays: scores {@code [N, C, *rest]} (class dimension 1, as for cross-entropy) and
 * integer targets {@code [N, *rest]}. Metrics work on these copies in double precision, so their results do not
 * depend on how the data was split into batches, and nothing native outlives the update.
 *
 * @param scores the output, row-major: sample, class, position
 * @param targets the target labels, row-major: sample, position
 * @param classes size of dimension 1 of the output (1 for a rank-1 output, a binary score per sample)
 * @param positions product of the dimensions after the class dimension (1 for classification)
 * @param rest the dimensions after the class dimension (empty for classification)
 */
record LabelledBatch(float[] scores, long[] targets, int samples, int classes, int positions, long[] rest) {

    static LabelledBatch of(Tensor output, Tensor target) {
        long[] outShape = Tensors.shape(output);
        long[] targetShape = Tensors.shape(target);
        if (outShape.length == 0) {
            throw new IllegalArgumentException("metric output must have a batch dimension, got a scalar");
        }
        int samples = Math.toIntExact(outShape[0]);
        int classes = outShape.length == 1 ? 1 : Math.toIntExact(outShape[1]);
        long[] rest = outShape.length <= 2 ? new long[0] : Arrays.copyOfRange(outShape, 2, outShape.length);
        long[] expectedTarget = new long[rest.length + 1];
        expectedTarget[0] = samples;
        System.arraycopy(rest, 0, expectedTarget, 1, rest.length);
        if (!Arrays.equals(targetShape, expectedTarget)) {
            throw new IllegalArgumentException("metric target shape " + Arrays.toString(targetShape)
                    + " does not match output shape " + Arrays.toString(outShape) + " (expected target "
                    + Arrays.toString(expectedTarget) + ")");
        }
        long positions = 1;
        for (long d : rest) {
            positions *= d;
        }
        return new LabelledBatch(Tensors.toFloats(output), Tensors.toLongs(target), samples, classes,
                Math.toIntExact(positions), rest);
    }

    float score(int sample, int cls, int position) {
        return scores[(sample * classes + cls) * positions + position];
    }

    long target(int sample, int position) {
        return targets[sample * positions + position];
    }

    /** The first class with the largest score (NaN scores are never chosen unless all are NaN). */
    int argmax(int sample, int position) {
        int best = 0;
        float bestScore = score(sample, 0, position);
        for (int c = 1; c < classes; c++) {
            float s = score(sample, c, position);
            if (s > bestScore || (Float.isNaN(bestScore) && !Float.isNaN(s))) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    /** Validates a target label against the number of classes. */
    static int checkLabel(long label, int numClasses) {
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException("target label " + label + " is outside [0, " + numClasses + ")");
        }
        return (int) label;
    }

    void requireClasses(int numClasses, String metric) {
        if (classes != numClasses) {
            throw new IllegalArgumentException(metric + " has num_classes " + numClasses + " but the output has "
                    + classes + " classes (dimension 1)");
        }
    }

    /** The dataset indices of the batch's samples: {@code indices}, or {@code next, next+1, ...} without them. */
    long[] indices(long[] indices, long next) {
        if (indices != null) {
            if (indices.length != samples) {
                throw new IllegalArgumentException("got " + indices.length + " sample indices for a batch of "
                        + samples);
            }
            return indices;
        }
        long[] sequence = new long[samples];
        for (int i = 0; i < samples; i++) {
            sequence[i] = next + i;
        }
        return sequence;
    }
}
