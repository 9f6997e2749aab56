package io.pylon.data.synth;

import java.util.SplittableRandom;

/**
 * A solid ellipsoid in millimetres: centre {@code c}, semi-axes {@code r} and rotation {@code R} (rows are the
 * ellipsoid's axes in {@code (z, y, x)} world order); {@code p} is inside when
 * {@code sum_a ((R (p - c))_a / r_a)^2 <= 1}.
 */
record Ellipsoid(double[] centre, double[] radii, double[][] rotation) {

    /**
     * A random blob inside {@code extent} (mm per axis {@code z, y, x}): radii 12-24% of the smallest in-plane
     * extent, kept at least one radius from the borders; 2D blobs ({@code dims} 2) rotate in-plane only.
     */
    static Ellipsoid random(SplittableRandom random, double[] extent, double smallest, int dims) {
        double[] radii = new double[3];
        double[] centre = new double[3];
        for (int a = 0; a < 3; a++) {
            radii[a] = smallest * random.nextDouble(0.12, 0.24);
            double margin = Math.min(radii[a], extent[a] / 2);
            centre[a] = extent[a] <= 2 * margin ? extent[a] / 2 : random.nextDouble(margin, extent[a] - margin);
        }
        double[][] rotation = dims == 3 ? randomRotation(random) : inPlaneRotation(random.nextDouble(0, Math.PI));
        return new Ellipsoid(centre, radii, rotation);
    }

    boolean contains(double z, double y, double x) {
        double dz = z - centre[0];
        double dy = y - centre[1];
        double dx = x - centre[2];
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            double along = rotation[a][0] * dz + rotation[a][1] * dy + rotation[a][2] * dx;
            double scaled = along / radii[a];
            sum += scaled * scaled;
        }
        return sum <= 1;
    }

    private static double[][] inPlaneRotation(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    }

    /** A uniformly random rotation from a unit quaternion. */
    private static double[][] randomRotation(SplittableRandom random) {
        double w = random.nextGaussian();
        double x = random.nextGaussian();
        double y = random.nextGaussian();
        double z = random.nextGaussian();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
    }
}
