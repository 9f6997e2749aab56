package io.pylon.tune.sampler;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.tune.space.Distribution;

/**
 * A mixture of one kernel per observation plus a prior kernel, over one or several parameters (then each
 * component is a product of per-parameter kernels, as in multivariate TPE). Numeric parameters get normal
 * kernels truncated to the range; a choice gets a categorical kernel peaked at the observed option.
 * <p>
 * Bandwidths follow Bergstra et al. (2011) and Optuna: univariate, the larger gap to a neighbouring
 * observation, clipped to [range / min(100, 1 + n), range]; multivariate, Scott's rule
 * {@code 0.2 * n^(-1/(d+4)) * range}. The prior sits mid-range with the whole range as its bandwidth.
 */
final class ParzenEstimator {

    private static final double PRIOR_WEIGHT = 1.0;

    private final List<Distribution> dims;
    private final double[] logWeights;
    /** [component][dim]: kernel centre (the observed internal value, or the category index). */
    private final double[][] mus;
    private final double[][] sigmas;
    private final double[][] logMass;
    private final int components;

    /**
     * @param observations [n][d] internal values of the observed trials, in trial order
     * @param weights      n weights of the observations (older trials may weigh less)
     */
    ParzenEstimator(List<Distribution> dims, double[][] observations, double[] weights, boolean multivariate) {
        this.dims = List.copyOf(dims);
        int n = observations.length;
        int d = dims.size();
        components = n + 1;
        mus = new double[components][d];
        sigmas = new double[components][d];
        logMass = new double[components][d];
        logWeights = new double[components];
        double total = PRIOR_WEIGHT;
        for (double w : weights) {
            total += w;
        }
        for (int j = 0; j < n; j++) {
            logWeights[j] = Math.log(weights[j] / total);
        }
        logWeights[n] = Math.log(PRIOR_WEIGHT / total);
        for (int k = 0; k < d; k++) {
            Distribution dist = dims.get(k);
            double low = dist.internalLow();
            double high = dist.internalHigh();
            double[] column = new double[n];
            for (int j = 0; j < n; j++) {
                column[j] = observations[j][k];
                mus[j][k] = column[j];
            }
            mus[n][k] = dist.categorical() ? -1 : 0.5 * (low + high);
            if (dist.categorical()) {
                continue;
            }
            double[] bandwidths = multivariate ? scott(n, d, high - low) : neighbourGaps(column, low, high);
            double minSigma = (high - low) / Math.min(100.0, 1.0 + components);
            for (int j = 0; j < n; j++) {
                sigmas[j][k] = Math.min(high - low, Math.max(minSigma, bandwidths[j]));
            }
            sigmas[n][k] = high - low;
            for (int j = 0; j < components; j++) {
                logMass[j][k] = Gaussian.logMass(mus[j][k], sigmas[j][k], low, high);
            }
        }
    }

    private static double[] scott(int n, int d, double range) {
        double sigma = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (d + 4)) * range;
        double[] all = new double[n];
        Arrays.fill(all, sigma);
        return all;
    }

    /** For each observation, the larger distance to its neighbours among the sorted observations and the prior. */
    private static double[] neighbourGaps(double[] column, double low, double high) {
        int n = column.length;
        double[] sorted = new double[n + 1];
        System.arraycopy(column, 0, sorted, 0, n);
        sorted[n] = 0.5 * (low + high);
        Arrays.sort(sorted);
        double[] gaps = new double[n];
        for (int j = 0; j < n; j++) {
            int at = Arrays.binarySearch(sorted, column[j]);
            double left = at > 0 ? sorted[at] - sorted[at - 1] : sorted.length > 1 ? sorted[1] - sorted[0] : high - low;
            double right = at < n ? sorted[at + 1] - sorted[at] : left;
            gaps[j] = Math.max(left, right);
        }
        return gaps;
    }

    /** Draws {@code count} points: a component by weight, then each parameter from that component's kernel. */
    double[][] sample(SplittableRandom random, int count) {
        double[][] points = new double[count][dims.size()];
        for (int i = 0; i < count; i++) {
            int j = component(random);
            for (int k = 0; k < dims.size(); k++) {
                points[i][k] = draw(j, k, random);
            }
        }
        return points;
    }

    private int component(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int j = 0; j < components; j++) {
            cumulative += Math.exp(logWeights[j]);
            if (u < cumulative) {
                return j;
            }
        }
        return components - 1;
    }

    private double draw(int j, int k, SplittableRandom random) {
        Distribution dist = dims.get(k);
        if (dist.categorical()) {
            int options = (int) dist.internalHigh() + 1;
            double u = random.nextDouble();
            double cumulative = 0;
            for (int c = 0; c < options; c++) {
                cumulative += Math.exp(logCategory(j, k, c, options));
                if (u < cumulative) {
                    return c;
                }
            }
            return options - 1;
        }
        double low = dist.internalLow();
        double high = dist.internalHigh();
        for (int attempt = 0; attempt < 100; attempt++) {
            double x = mus[j][k] + sigmas[j][k] * nextGaussian(random);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return low + random.nextDouble() * (high - low);
    }

    private static double nextGaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }

    /** A categorical kernel: the prior weight spread evenly, plus one for the observed option, normalised. */
    private double logCategory(int j, int k, int category, int options) {
        double spread = PRIOR_WEIGHT / options;
        double peak = mus[j][k] == category ? 1 : 0;
        double norm = j == components - 1 ? PRIOR_WEIGHT : PRIOR_WEIGHT + 1;
        return Math.log((spread + peak) / norm);
    }

    double logDensity(double[] point) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[components];
        for (int j = 0; j < components; j++) {
            double sum = logWeights[j];
            for (int k = 0; k < dims.size(); k++) {
                Distribution dist = dims.get(k);
                if (dist.categorical()) {
                    sum += logCategory(j, k, (int) Math.round(point[k]), (int) dist.internalHigh() + 1);
                } else {
                    double z = (point[k] - mus[j][k]) / sigmas[j][k];
                    sum += Gaussian.logDensity(z) - Math.log(sigmas[j][k]) - logMass[j][k];
                }
            }
            terms[j] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (double t : terms) {
            total += Math.exp(t - max);
        }
        return max + Math.log(total);
    }
}
