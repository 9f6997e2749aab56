package io.pylon.metrics;

/**
 * 95th-percentile Hausdorff distance between the surfaces of the predicted and target masks of each class, with
 * voxel spacing: {@code HD95(A, B) = max(P95(d(a, B) : a in dA), P95(d(b, A) : b in dB))}, where {@code dA} is the
 * surface of {@code A}, {@code d} the exact Euclidean distance to the nearest surface voxel of the other mask, and
 * {@code P95} the 95th percentile with linear interpolation (NumPy's default), as MONAI's
 * {@code compute_hausdorff_distance(percentile=95)}. Averaged per class over samples ({@code hd95/class_c}) and
 * over classes ({@code hd95/mean}); degenerate masks as documented in {@link SurfaceDistanceMetric}: 0 when both
 * masks are empty, the volume diagonal when only one is.
 */
public final class Hausdorff95 extends SurfaceDistanceMetric {

    public Hausdorff95(SurfaceParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "hd95";
    }

    @Override
    double score(double[] predToTarget, double[] targetToPred) {
        return Math.max(SurfaceDistances.percentile(predToTarget, 95), SurfaceDistances.percentile(targetToPred, 95));
    }
}
