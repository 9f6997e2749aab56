package io.pylon.tune.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The search distribution of CMA-ES on the unit cube and its update from one generation (Hansen 2016). */
final class CmaState {

    private final int d;
    private final int mu;
    private final double[] weights;
    private final double mueff;
    private final double cc;
    private final double cs;
    private final double c1;
    private final double cmu;
    private final double damps;
    private final double chiN;
    private final double[] mean;
    private double sigma;
    private final double[][] c;
    private final double[] pc;
    private final double[] ps;
    private double[][] b;
    private double[] diag;
    private int generation;

    CmaState(int d, int lambda, double sigma0) {
        this.d = d;
        this.mu = lambda / 2;
        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
            sum += weights[i];
        }
        double sumSq = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sumSq += weights[i] * weights[i];
        }
        mueff = 1 / sumSq;
        cc = (4 + mueff / d) / (d + 4 + 2 * mueff / d);
        cs = (mueff + 2) / (d + mueff + 5);
        c1 = 2 / ((d + 1.3) * (d + 1.3) + mueff);
        cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((d + 2) * (d + 2) + mueff));
        damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (d + 1)) - 1) + cs;
        chiN = Math.sqrt(d) * (1 - 1.0 / (4 * d) + 1.0 / (21.0 * d * d));
        mean = new double[d];
        Arrays.fill(mean, 0.5);
        sigma = sigma0;
        c = identity(d);
        b = identity(d);
        diag = new double[d];
        Arrays.fill(diag, 1);
        pc = new double[d];
        ps = new double[d];
    }

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** A draw from N(mean, sigma^2 C) inside the unit cube (redrawn up to 100 times, then clipped). */
    double[] sample(SplittableRandom random) {
        double[] x = new double[d];
        for (int attempt = 0; attempt < 100; attempt++) {
            double[] z = new double[d];
            for (int k = 0; k < d; k++) {
                z[k] = diag[k] * gaussian(random);
            }
            boolean inside = true;
            for (int i = 0; i < d; i++) {
                double v = 0;
                for (int k = 0; k < d; k++) {
                    v += b[i][k] * z[k];
                }
                x[i] = mean[i] + sigma * v;
                inside &= x[i] >= 0 && x[i] <= 1;
            }
            if (inside) {
                return x;
            }
        }
        for (int i = 0; i < d; i++) {
            x[i] = Math.min(1, Math.max(0, x[i]));
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(random.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** One generation: {@code points[i]} on the unit cube with loss {@code losses[i]} (lower is better). */
    void update(double[][] points, double[] losses) {
        Integer[] order = new Integer[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, bb) -> Double.compare(losses[a], losses[bb]));
        double[] old = mean.clone();
        double[][] y = new double[mu][d];
        for (int i = 0; i < d; i++) {
            mean[i] = 0;
        }
        for (int r = 0; r < mu; r++) {
            double[] x = points[order[r]];
            for (int i = 0; i < d; i++) {
                mean[i] += weights[r] * x[i];
                y[r][i] = (x[i] - old[i]) / sigma;
            }
        }
        double[] step = new double[d];
        for (int i = 0; i < d; i++) {
            step[i] = (mean[i] - old[i]) / sigma;
        }
        // C^(-1/2) step = B D^-1 B^T step
        double[] bt = new double[d];
        for (int k = 0; k < d; k++) {
            double v = 0;
            for (int i = 0; i < d; i++) {
                v += b[i][k] * step[i];
            }
            bt[k] = v / diag[k];
        }
        double psNorm = 0;
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int k = 0; k < d; k++) {
                v += b[i][k] * bt[k];
            }
            ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * mueff) * v;
            psNorm += ps[i] * ps[i];
        }
        psNorm = Math.sqrt(psNorm);
        generation++;
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (d + 1);
        for (int i = 0; i < d; i++) {
            pc[i] = (1 - cc) * pc[i] + (hsig ? Math.sqrt(cc * (2 - cc) * mueff) * step[i] : 0);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double rankMu = 0;
                for (int r = 0; r < mu; r++) {
                    rankMu += weights[r] * y[r][i] * y[r][j];
                }
                double correction = hsig ? 0 : cc * (2 - cc) * c[i][j];
                c[i][j] = (1 - c1 - cmu) * c[i][j] + c1 * (pc[i] * pc[j] + correction) + cmu * rankMu;
            }
        }
        sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
        sigma = Math.min(sigma, 1.0);
        decompose();
    }

    /** B and D from C = B diag(D^2) B^T (cyclic Jacobi rotations; d is small). */
    private void decompose() {
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = c[i].clone();
        }
        double[][] v = identity(d);
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cos * akp - sin * akq;
                        a[k][q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cos * apk - sin * aqk;
                        a[q][k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = cos * vkp - sin * vkq;
                        v[k][q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
        b = v;
        diag = new double[d];
        for (int i = 0; i < d; i++) {
            diag[i] = Math.sqrt(Math.max(a[i][i], 1e-20));
        }
    }
}
