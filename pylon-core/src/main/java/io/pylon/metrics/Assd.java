package io.pylon.metrics;

/**
 * Average symmetric surface distance between the surfaces of the predicted and target masks of each class, with
 * voxel spacing: {@code ASSD(A, B) = (sum_{a in dA} d(a, B) + sum_{b in dB} d(b, A)) / (|dA| + |dB|)}, with
 * {@code dA} the surface voxels of {@code A} and {@code d} the exact Euclidean distance to the nearest surface
 * voxel of the other mask. Averaged per class over samples ({@code assd/class_c}) and over classes
 * ({@code assd/mean}); degenerate masks as documented in {@link SurfaceDistanceMetric}: 0 when both masks are
 * empty, the volume diagonal when only one is.
 */
public final class Assd extends SurfaceDistanceMetric {

    public Assd(SurfaceParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "assd";
    }

    @Override
    double score(double[] predToTarget, double[] targetToPred) {
        double sum = 0;
        for (double d : predToTarget) {
            sum += d;
        }
        for (double d : targetToPred) {
            sum += d;
        }
        return sum / (predToTarget.length + targetToPred.length);
    }
}
