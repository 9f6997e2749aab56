package io.pylon.data.volume;

import java.util.Optional;

/**
 * NIfTI-1's qform (method 2): a rotation stored as the quaternion {@code (a, b, c, d)} with
 * {@code a = sqrt(1 - b^2 - c^2 - d^2)} (only b, c, d are stored), voxel sizes {@code pixdim[1..3]}, the sign
 * {@code qfac = pixdim[0]} of the third axis, and an offset:
 * {@code [x, y, z] = R [i dx, j dy, k dz qfac] + [qx, qy, qz]}, with
 * <pre>
 * R = [ a²+b²-c²-d²   2(bc-ad)      2(bd+ac)
 *       2(bc+ad)      a²+c²-b²-d²   2(cd-ab)
 *       2(bd-ac)      2(cd+ab)      a²+d²-b²-c² ]
 * </pre>
 *
 * @param b quaternion component {@code quatern_b}
 * @param c quaternion component {@code quatern_c}
 * @param d quaternion component {@code quatern_d}
 * @param qfac {@code +1} or {@code -1} (a 0 in a file reads as +1)
 */
record Qform(double b, double c, double d, double qfac) {

    /** How far from orthonormal a rotation may be and still be written as a quaternion. */
    private static final double TOLERANCE = 1e-4;

    /** The voxel-to-world affine for voxel sizes {@code dx, dy, dz} and offset {@code (qx, qy, qz)}. */
    Affine toAffine(double dx, double dy, double dz, double qx, double qy, double qz) {
        double bb = b;
        double cc = c;
        double dd = d;
        double a;
        double rest = 1.0 - (bb * bb + cc * cc + dd * dd);
        if (rest < 1e-7) {
            // (b, c, d) is (nearly) a unit vector: a 180° rotation; renormalise as nifti1_io does.
            double norm = 1.0 / Math.sqrt(bb * bb + cc * cc + dd * dd);
            bb *= norm;
            cc *= norm;
            dd *= norm;
            a = 0;
        } else {
            a = Math.sqrt(rest);
        }
        double[][] r = {
            {a * a + bb * bb - cc * cc - dd * dd, 2 * (bb * cc - a * dd), 2 * (bb * dd + a * cc)},
            {2 * (bb * cc + a * dd), a * a + cc * cc - bb * bb - dd * dd, 2 * (cc * dd - a * bb)},
            {2 * (bb * dd - a * cc), 2 * (cc * dd + a * bb), a * a + dd * dd - cc * cc - bb * bb},
        };
        double zSign = qfac < 0 ? -1 : 1;
        double[] offset = {qx, qy, qz};
        double[][] rows = new double[3][];
        for (int i = 0; i < 3; i++) {
            rows[i] = new double[] {r[i][0] * dx, r[i][1] * dy, r[i][2] * dz * zSign, offset[i]};
        }
        return Affine.of(rows);
    }

    /**
     * The qform of {@code affine} when its 3x3 block is a rotation (possibly with a flipped third axis) times
     * {@code diag(dx, dy, dz)}; empty when it shears or its column lengths are not the voxel sizes, in which
     * case only the sform can carry it.
     */
    static Optional<Qform> fromAffine(Affine affine, double dx, double dy, double dz) {
        double[] size = {dx, dy, dz};
        double[][] r = new double[3][3];
        for (int col = 0; col < 3; col++) {
            double norm = Math.sqrt(sq(affine.get(0, col)) + sq(affine.get(1, col)) + sq(affine.get(2, col)));
            if (size[col] <= 0 || Math.abs(norm - size[col]) > TOLERANCE * Math.max(1, size[col])) {
                return Optional.empty();
            }
            for (int row = 0; row < 3; row++) {
                r[row][col] = affine.get(row, col) / norm;
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = det < 0 ? -1 : 1;
        for (int row = 0; row < 3; row++) {
            r[row][2] *= qfac;
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                if (Math.abs(dot - (i == j ? 1 : 0)) > TOLERANCE) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(fromRotation(r, qfac));
    }

    /** The quaternion of a proper rotation {@code r} (as nifti_mat44_to_quatern), with {@code a >= 0}. */
    private static Qform fromRotation(double[][] r, double qfac) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new Qform(b, c, d, qfac);
    }

    private static double sq(double v) {
        return v * v;
    }
}
