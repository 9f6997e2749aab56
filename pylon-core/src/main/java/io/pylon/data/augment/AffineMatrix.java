package io.pylon.data.augment;

/**
 * The 3 x 3 linear part of an affine warp in internal {@code (z, y, x)} coordinates (a 2D grid uses the
 * {@code (y, x)} block), and the source coordinates it gives every output point.
 *
 * <p>The forward map takes a source point {@code p} to {@code M (p - c) + c + t}, with {@code c} the grid
 * centre {@code (n - 1) / 2} per axis, {@code M = R Sh s} (rotation, shear, isotropic scale) and shift
 * {@code t}. Output points are filled by inverse mapping: {@code p = M^-1 (q - c - t) + c}.
 */
final class AffineMatrix {

    private AffineMatrix() {
    }

    /**
     * {@code M = R Sh s}. Rotations in degrees: 2D one angle in the {@code (y, x)} plane; 3D {@code angles[a]}
     * about spatial axis {@code a}, in the plane of the two other axes taken in increasing order, with
     * {@code R = R0 R1 R2}. A positive angle turns like {@link Rot90} in the same plane. Shears in degrees,
     * one per axis pair {@code i < j} (2D: (y, x); 3D: (0, 1), (0, 2), (1, 2)), each adding
     * {@code tan(angle)} times coordinate {@code j} to coordinate {@code i}.
     */
    static double[][] forward(int dims, double[] angles, double[] shears, double scale) {
        int[][] rotationPlanes = dims == 2 ? new int[][] {{1, 2}} : new int[][] {{1, 2}, {0, 2}, {0, 1}};
        int[][] shearPairs = dims == 2 ? new int[][] {{1, 2}} : new int[][] {{0, 1}, {0, 2}, {1, 2}};
        double[][] m = identity();
        for (int i = 0; i < rotationPlanes.length; i++) {
            int b = rotationPlanes[i][0];
            int c = rotationPlanes[i][1];
            double[][] r = identity();
            double cos = cosDegrees(angles[i]);
            double sin = sinDegrees(angles[i]);
            r[b][b] = cos;
            r[b][c] = -sin;
            r[c][b] = sin;
            r[c][c] = cos;
            m = multiply(m, r);
        }
        for (int i = 0; i < shearPairs.length; i++) {
            double[][] s = identity();
            s[shearPairs[i][0]][shearPairs[i][1]] = Math.tan(Math.toRadians(shears[i]));
            m = multiply(m, s);
        }
        for (double[] row : m) {
            for (int j = 0; j < 3; j++) {
                row[j] *= scale;
            }
        }
        if (dims == 2) {
            m[0][0] = 1;
        }
        return m;
    }

    /** The inverse of {@code m} (by its adjugate; the callers' matrices are well conditioned). */
    static double[][] inverse(double[][] m) {
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                inv[i][j] = m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0];
            }
        }
        double det = m[0][0] * inv[0][0] + m[0][1] * inv[1][0] + m[0][2] * inv[2][0];
        if (!(Math.abs(det) > 1e-12)) {
            throw new IllegalArgumentException("affine matrix is singular (determinant " + det + ")");
        }
        for (double[] row : inv) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return inv;
    }

    /**
     * Source coordinates of the points of {@code grid} under forward matrix {@code m} and shift {@code t}
     * (internal axes, in points).
     */
    static SourceRows sourceRows(SpatialGrid grid, double[][] m, double[] t) {
        double[][] inv = inverse(m);
        double[] c = new double[3];
        for (int a = 0; a < 3; a++) {
            c[a] = (grid.extent(a) - 1) / 2.0;
        }
        return (z, y, sz, sy, sx) -> {
            double qz = z - c[0] - t[0];
            double qy = y - c[1] - t[1];
            double qx = -c[2] - t[2];
            double rz = inv[0][0] * qz + inv[0][1] * qy + inv[0][2] * qx + c[0];
            double ry = inv[1][0] * qz + inv[1][1] * qy + inv[1][2] * qx + c[1];
            double rx = inv[2][0] * qz + inv[2][1] * qy + inv[2][2] * qx + c[2];
            for (int x = 0; x < sx.length; x++) {
                if (sz != null) {
                    sz[x] = (float) (rz + inv[0][2] * x);
                }
                sy[x] = (float) (ry + inv[1][2] * x);
                sx[x] = (float) (rx + inv[2][2] * x);
            }
        };
    }

    /** Cosine of an angle in degrees, exact at multiples of 90 (so quarter turns map grid points to grid points). */
    static double cosDegrees(double degrees) {
        return sinDegrees(degrees + 90);
    }

    static double sinDegrees(double degrees) {
        double r = degrees % 360;
        if (r % 90 == 0) {
            int quarter = Math.floorMod((int) (r / 90), 4);
            return new double[] {0, 1, 0, -1}[quarter];
        }
        return Math.sin(Math.toRadians(degrees));
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }
}
