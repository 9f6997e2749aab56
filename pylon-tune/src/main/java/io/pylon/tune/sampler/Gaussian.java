package io.pylon.tune.sampler;

/** The standard normal distribution's log density and CDF (Java has no erf). */
final class Gaussian {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private Gaussian() {
    }

    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Φ(z), through erfc with a fractional error below 1.2e-7 (Numerical Recipes' Chebyshev fit). */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** log of the mass of N(mu, sigma) inside [low, high], never below log(1e-300). */
    static double logMass(double mu, double sigma, double low, double high) {
        double mass = cdf((high - mu) / sigma) - cdf((low - mu) / sigma);
        return Math.log(Math.max(mass, 1e-300));
    }
}
