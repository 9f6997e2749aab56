package io.pylon.data.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * A 4x4 affine transform from voxel indices to world coordinates (millimetres), as NIfTI defines it:
 * {@code [x, y, z, 1]^T = A [i, j, k, 1]^T} where {@code i} indexes the fastest-varying file axis. In a
 * Pylon volume {@code [C, D, H, W]} the element {@code [c, k, j, i]} sits at voxel {@code (i, j, k)}.
 *
 * @param values the 16 entries, row-major; the last row is {@code 0 0 0 1}
 */
public record Affine(List<Double> values) {

    public Affine {
        values = List.copyOf(values);
        if (values.size() != 16) {
            throw new IllegalArgumentException("an affine has 16 entries (4x4, row-major), got " + values.size());
        }
        if (values.get(12) != 0 || values.get(13) != 0 || values.get(14) != 0 || values.get(15) != 1) {
            throw new IllegalArgumentException("an affine's last row must be 0 0 0 1, got " + values.subList(12, 16));
        }
    }

    /** The affine with upper 3x4 block {@code rows} (3 rows of 4: rotation-scaling and translation). */
    public static Affine of(double[][] rows) {
        List<Double> v = new ArrayList<>(16);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                v.add(rows[r][c]);
            }
        }
        v.addAll(List.of(0.0, 0.0, 0.0, 1.0));
        return new Affine(v);
    }

    public static Affine identity() {
        return scaling(1, 1, 1);
    }

    /** {@code diag(dx, dy, dz, 1)}: NIfTI's fallback (method 1) when neither qform nor sform is set. */
    public static Affine scaling(double dx, double dy, double dz) {
        return of(new double[][] {{dx, 0, 0, 0}, {0, dy, 0, 0}, {0, 0, dz, 0}});
    }

    /** Entry at {@code row}, {@code column} (0-based). */
    public double get(int row, int column) {
        return values.get(row * 4 + column);
    }

    /** The world position of voxel {@code (i, j, k)}. */
    public double[] apply(double i, double j, double k) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = get(r, 0) * i + get(r, 1) * j + get(r, 2) * k + get(r, 3);
        }
        return out;
    }

    /** Row {@code row} (0..2) of the upper 3x4 block, e.g. NIfTI's {@code srow_x} for row 0. */
    public double[] row(int row) {
        return new double[] {get(row, 0), get(row, 1), get(row, 2), get(row, 3)};
    }

    /** Whether every entry is within {@code tolerance} of {@code other}'s. */
    public boolean approximatelyEquals(Affine other, double tolerance) {
        for (int n = 0; n < 16; n++) {
            if (Math.abs(values.get(n) - other.values.get(n)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
