package io.pylon.data.synth;

import java.util.SplittableRandom;

import io.pylon.engine.Seeds;

/**
 * Generates one synthetic segmentation case: {@code blobs_per_class} randomly rotated ellipsoids per foreground
 * class painted in class order (a later class covers an earlier one where they overlap), an image whose
 * intensity is {@code 100 * (1 + label)} times a smooth bias field {@code b(x) = 1 + A * p(x) / sum|p_i|}
 * ({@code p} a random first-order-plus-cross-term polynomial of the normalised coordinates, so {@code |b - 1| <= A}),
 * plus Gaussian noise of standard deviation {@code 100 * noise}. Radii are drawn in millimetres, so blobs stay
 * round in physical space whatever the (anisotropic) spacing.
 */
public final class SyntheticSegmentation {

    /** One case: the image and its label map over the same grid, C-ordered over {@code shape}. */
    public record Case(float[] image, byte[] labels) {
    }

    private final SynthParams params;

    public SyntheticSegmentation(SynthParams params) {
        this.params = params;
    }

    public SynthParams params() {
        return params;
    }

    /** Case {@code index}: a pure function of {@code (seed, index)}. */
    public Case generate(long index) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(params.seed(), 0, index));
        int n = Math.toIntExact(params.voxels());
        byte[] labels = new byte[n];
        double[] extent = new double[3];
        int[] size = size3();
        double[] step = spacing3();
        double smallest = Double.MAX_VALUE;
        for (int a = 0; a < 3; a++) {
            extent[a] = size[a] * step[a];
            if (size[a] > 1) {
                smallest = Math.min(smallest, extent[a]);
            }
        }
        for (int c = 1; c <= params.classes(); c++) {
            for (int b = 0; b < params.blobsPerClass(); b++) {
                paint(labels, (byte) c, Ellipsoid.random(random, extent, smallest, params.dims()), size, step);
            }
        }
        double[] bias = new double[4];
        double norm = 0;
        for (int i = 0; i < bias.length; i++) {
            bias[i] = random.nextDouble(-1, 1);
            norm += Math.abs(bias[i]);
        }
        float[] image = new float[n];
        double amplitude = params.biasField() / norm;
        for (int z = 0, i = 0; z < size[0]; z++) {
            double u = coordinate(z, size[0]);
            for (int y = 0; y < size[1]; y++) {
                double v = coordinate(y, size[1]);
                for (int x = 0; x < size[2]; x++, i++) {
                    double w = coordinate(x, size[2]);
                    double field = 1 + amplitude * (bias[0] * u + bias[1] * v + bias[2] * w + bias[3] * v * w);
                    image[i] = (float) (100 * ((1 + labels[i]) * field + params.noise() * random.nextGaussian()));
                }
            }
        }
        return new Case(image, labels);
    }

    private static void paint(byte[] labels, byte label, Ellipsoid blob, int[] size, double[] step) {
        for (int z = 0, i = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[2]; x++, i++) {
                    if (blob.contains((z + 0.5) * step[0], (y + 0.5) * step[1], (x + 0.5) * step[2])) {
                        labels[i] = label;
                    }
                }
            }
        }
    }

    /** {@code [D, H, W]}, with D = 1 for 2D cases. */
    private int[] size3() {
        var shape = params.shape();
        return params.dims() == 3 ? new int[] {shape.get(0), shape.get(1), shape.get(2)}
                : new int[] {1, shape.get(0), shape.get(1)};
    }

    private double[] spacing3() {
        var spacing = params.spacing();
        return params.dims() == 3 ? new double[] {spacing.get(0), spacing.get(1), spacing.get(2)}
                : new double[] {1, spacing.get(0), spacing.get(1)};
    }

    /** Voxel centre {@code i} of {@code n} mapped to [-1, 1]; 0 for a single slice. */
    private static double coordinate(int i, int n) {
        return n == 1 ? 0 : 2.0 * (i + 0.5) / n - 1;
    }
}
