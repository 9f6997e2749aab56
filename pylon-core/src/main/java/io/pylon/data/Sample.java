package io.pylon.data;

import java.util.Arrays;

import io.pylon.data.array.NdArray;

/**
 * One sample as a dataset returns it and the transforms pass it on.
 *
 * <p>The input is channel-first ({@code [C, *S]} with spatial dimensions {@code S}). A <em>dense</em> target is a
 * per-pixel/voxel map over the same spatial grid ({@code [*S]} or {@code [K, *S]}, e.g. a segmentation label
 * map): spatial transforms move it with the input, using nearest-neighbour interpolation for integer types,
 * and intensity transforms leave it alone. Any other target (a class index, a token sequence, a vector) is
 * carried through untouched.
 *
 * @param index the sample's index in its dataset (errors and per-sample scores name it)
 * @param input model input
 * @param target training target (a 0-d int64 array for a class label)
 * @param denseTarget whether {@code target} is a map over the input's spatial grid
 */
public record Sample(long index, NdArray input, NdArray target, boolean denseTarget) {

    public Sample {
        if (denseTarget) {
            long[] in = input.shape();
            long[] out = target.shape();
            int spatial = in.length - 1;
            boolean matches = spatial >= 1 && (out.length == spatial || out.length == spatial + 1)
                    && Arrays.equals(Arrays.copyOfRange(in, 1, in.length),
                            Arrays.copyOfRange(out, out.length - spatial, out.length));
            if (!matches) {
                throw new IllegalArgumentException("sample " + index + ": dense target " + Arrays.toString(out)
                        + " must cover the input's spatial grid " + Arrays.toString(in) + " as [*S] or [K, *S]");
            }
        }
    }

    /** A sample whose target is a class index. */
    public static Sample classified(long index, NdArray input, long label) {
        return new Sample(index, input, NdArray.scalar(label), false);
    }

    /** A sample with a dense label map (segmentation). */
    public static Sample segmented(long index, NdArray image, NdArray labels) {
        return new Sample(index, image, labels, true);
    }

    public Sample withInput(NdArray newInput) {
        return new Sample(index, newInput, target, denseTarget);
    }

    /** New input and target together (spatial transforms, which must keep them aligned). */
    public Sample with(NdArray newInput, NdArray newTarget) {
        return new Sample(index, newInput, newTarget, denseTarget);
    }

    /** Number of spatial dimensions of the input (its rank minus the channel dimension). */
    public int spatialDims() {
        return input.rank() - 1;
    }
}
