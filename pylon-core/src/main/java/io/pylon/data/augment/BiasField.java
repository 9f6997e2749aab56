package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code bias_field}: with probability {@code p}, multiplies every channel by a smooth positive field, the
 * MR intensity inhomogeneity model of MONAI {@code RandBiasField}:
 * <pre>
 *   field(z, y, x) = exp( sum_{i + j + k <= degree} c_ijk P_i(z) P_j(y) P_k(x) )
 * </pre>
 * with {@code P_n} the Legendre polynomials, coordinates spaced evenly over [-1, 1] along each axis (a
 * one-voxel axis sits at -1), and every coefficient (the constant term included) drawn uniformly from
 * {@code coefficients}. 2D images use the (y, x) terms only. All channels share one field; zero coefficients
 * give the identity.
 *
 * @param degree polynomial degree, 0 to 10
 * @param coefficients [min, max] range of the coefficients, finite
 * @param p probability of applying, in [0, 1]
 */
record BiasField(@Default("3") int degree, @Default("[0.0, 0.1]") List<Double> coefficients,
                 @Default("1.0") double p) implements Transform {

    public BiasField {
        InvalidValueException.require(degree >= 0 && degree <= 10, "degree", "must be in [0, 10], got %d", degree);
        coefficients = IntensityMath.requireRange(coefficients, "coefficients", Double.NEGATIVE_INFINITY);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (!IntensityMath.applies(p, random)) {
            return IntensityMath.asFloat32(sample);
        }
        int[] dims = IntensityMath.imageShape(sample, "bias_field");
        boolean volume = dims.length == 4;
        int depth = volume ? dims[1] : 1;
        int height = dims[dims.length - 2];
        int width = dims[dims.length - 1];
        double[][][] c = drawCoefficients(volume ? degree : 0, random);
        float[] field = field(c, depth, height, width);
        float[] values = sample.input().toFloats();
        int n = field.length;
        for (int ch = 0; ch < dims[0]; ch++) {
            int base = ch * n;
            for (int i = 0; i < n; i++) {
                values[base + i] *= field[i];
            }
        }
        return IntensityMath.withValues(sample, values);
    }

    /** c[i][j][k] for i + j + k &lt;= degree and i &lt;= maxDepthDegree, drawn in (i, j, k) order; others 0. */
    private double[][][] drawCoefficients(int maxDepthDegree, SplittableRandom random) {
        double[][][] c = new double[degree + 1][degree + 1][degree + 1];
        double low = coefficients.getFirst();
        double span = coefficients.getLast() - low;
        for (int i = 0; i <= maxDepthDegree; i++) {
            for (int j = 0; i + j <= degree; j++) {
                for (int k = 0; i + j + k <= degree; k++) {
                    c[i][j][k] = low + span * random.nextDouble();
                }
            }
        }
        return c;
    }

    /** exp of the polynomial on the grid, evaluated separably (per row a 1D polynomial in x). */
    float[] field(double[][][] c, int depth, int height, int width) {
        double[][] pz = legendre(degree, depth);
        double[][] py = legendre(degree, height);
        double[][] px = legendre(degree, width);
        float[] field = new float[depth * height * width];
        double[] a = new double[degree + 1];
        double[] row = new double[width];
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int k = 0; k <= degree; k++) {
                    double sum = 0;
                    for (int i = 0; i + k <= degree; i++) {
                        for (int j = 0; i + j + k <= degree; j++) {
                            sum += c[i][j][k] * pz[i][z] * py[j][y];
                        }
                    }
                    a[k] = sum;
                }
                Arrays.fill(row, 0);
                for (int k = 0; k <= degree; k++) {
                    double ak = a[k];
                    double[] pk = px[k];
                    for (int x = 0; x < width; x++) {
                        row[x] += ak * pk[x];
                    }
                }
                int base = (z * height + y) * width;
                for (int x = 0; x < width; x++) {
                    field[base + x] = (float) Math.exp(row[x]);
                }
            }
        }
        return field;
    }

    /** P_n(t_m) for n &lt;= degree at m evenly spaced points t over [-1, 1] (Bonnet's recursion). */
    static double[][] legendre(int degree, int points) {
        double[][] p = new double[degree + 1][points];
        for (int m = 0; m < points; m++) {
            double t = points == 1 ? -1 : -1 + 2.0 * m / (points - 1);
            p[0][m] = 1;
            if (degree >= 1) {
                p[1][m] = t;
            }
            for (int n = 1; n < degree; n++) {
                p[n + 1][m] = ((2 * n + 1) * t * p[n][m] - n * p[n - 1][m]) / (n + 1);
            }
        }
        return p;
    }
}
