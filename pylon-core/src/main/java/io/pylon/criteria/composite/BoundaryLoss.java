package io.pylon.criteria.composite;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.criteria.Criterion;
import io.pylon.geometry.DistanceTransform;

/**
 * Boundary loss (Kervadec et al., "Boundary loss for highly unbalanced segmentation", 2019):
 * {@code L = mean_{n, c in C_fg, x} s_c(x) * phi_c(x)}, where {@code s = softmax(logits)} over the class axis
 * and {@code phi_c} is the exact signed Euclidean distance map of the target mask {@code {y = c}}
 * (negative inside, positive outside, in physical units of {@code spacing}; see {@link DistanceTransform} for
 * the voxel-centre convention and for empty or full masks, whose {@code phi} is 0). {@code C_fg} is every
 * class but 0 unless {@code includeBackground}. The distance maps are constants (no gradient flows through
 * the target), so {@code dL/ds_c(x) = phi_c(x) / (N |C_fg| |X|)}.
 *
 * <p>Shapes: multi-class logits (N, C, *spatial) with class indices (N, *spatial); binary (the output and
 * target have the same shape) logits with {0,1} targets, {@code s = sigmoid(logits)}, every channel its own
 * mask, and the mean over all elements. The last {@code spacing.size()} axes are the grid, every leading axis
 * indexes independent masks; with {@code spacing} empty the grid is every axis after (N, C) with spacing 1, so
 * binary tensors without a channel axis, e.g. (N, H, W), need {@code spacing} to say how many axes are spatial.
 *
 * @param spacing           voxel spacing per spatial axis, in the order of the tensor axes; empty for 1
 * @param includeBackground whether class 0 (multi-class) also contributes a term
 */
public record BoundaryLoss(@Default("[]") List<Double> spacing, @Default("false") boolean includeBackground)
        implements Criterion {

    public BoundaryLoss {
        spacing = List.copyOf(spacing);
        for (int i = 0; i < spacing.size(); i++) {
            double h = spacing.get(i);
            InvalidValueException.require(h > 0 && !Double.isInfinite(h), "spacing." + i,
                    "must be positive and finite, got %s", h);
        }
    }

    /** Isotropic unit spacing, foreground classes only. */
    public BoundaryLoss() {
        this(List.of(), false);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        long[] outShape = Grids.shape(output);
        long[] targetShape = Grids.shape(target);
        if (Arrays.equals(outShape, targetShape)) {
            return binary(output, target, outShape);
        }
        if (targetShape.length != outShape.length - 1 || outShape.length < 3) {
            throw new IllegalArgumentException("boundary loss needs logits (N, C, *spatial) with class indices "
                    + "(N, *spatial), or a binary output and target of the same shape; got "
                    + Arrays.toString(outShape) + " and " + Arrays.toString(targetShape));
        }
        int spatialDims = outShape.length - 2;
        double[] h = spacing(spatialDims, outShape.length);
        int classes = (int) outShape[1];
        int first = includeBackground ? 0 : 1;
        if (classes - first < 1) {
            throw new IllegalArgumentException("boundary loss needs at least one foreground class, got C = "
                    + classes);
        }
        int[] grid = grid(outShape, 2);
        int voxels = product(grid);
        int batch = (int) outShape[0];
        long[] labels = toLongs(target);
        double[] phi = new double[batch * classes * voxels];
        boolean[] mask = new boolean[voxels];
        for (int n = 0; n < batch; n++) {
            for (int c = first; c < classes; c++) {
                for (int i = 0; i < voxels; i++) {
                    mask[i] = labels[n * voxels + i] == c;
                }
                System.arraycopy(DistanceTransform.signed(mask, grid, h), 0, phi, (n * classes + c) * voxels, voxels);
            }
        }
        Tensor probs = torch.softmax(output, 1);
        Tensor distances = Grids.fromDoubles(phi, outShape, output);
        double denominator = (double) batch * (classes - first) * voxels;
        return probs.mul(distances).sum().div(new Scalar(denominator));
    }

    private Tensor binary(Tensor output, Tensor target, long[] shape) {
        int spatialDims = spacing.isEmpty() ? Math.max(shape.length - 2, 1) : spacing.size();
        double[] h = spacing(spatialDims, shape.length);
        int[] grid = grid(shape, shape.length - spatialDims);
        int voxels = product(grid);
        double[] values = Grids.toDoubles(target);
        int slices = values.length / voxels;
        double[] phi = new double[values.length];
        boolean[] mask = new boolean[voxels];
        for (int s = 0; s < slices; s++) {
            for (int i = 0; i < voxels; i++) {
                mask[i] = values[s * voxels + i] > 0.5;
            }
            System.arraycopy(DistanceTransform.signed(mask, grid, h), 0, phi, s * voxels, voxels);
        }
        return torch.sigmoid(output).mul(Grids.fromDoubles(phi, shape, output)).mean();
    }

    private double[] spacing(int spatialDims, int rank) {
        if (!spacing.isEmpty() && spacing.size() != spatialDims) {
            throw new IllegalArgumentException("boundary loss has " + spacing.size() + " spacing values but the "
                    + "output of rank " + rank + " has " + spatialDims + " spatial axes");
        }
        if (spatialDims < 1 || spatialDims >= rank) {
            throw new IllegalArgumentException("boundary loss: " + spatialDims + " spatial axes do not fit an "
                    + "output of rank " + rank);
        }
        double[] h = new double[spatialDims];
        for (int i = 0; i < spatialDims; i++) {
            h[i] = spacing.isEmpty() ? 1.0 : spacing.get(i);
        }
        return h;
    }

    private static int[] grid(long[] shape, int from) {
        int[] grid = new int[shape.length - from];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.toIntExact(shape[from + i]);
        }
        return grid;
    }

    private static int product(int[] grid) {
        long count = 1;
        for (int n : grid) {
            count *= n;
        }
        return Math.toIntExact(count);
    }

    private static long[] toLongs(Tensor target) {
        double[] values = Grids.toDoubles(target);
        long[] labels = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = (long) values[i];
        }
        return labels;
    }
}
