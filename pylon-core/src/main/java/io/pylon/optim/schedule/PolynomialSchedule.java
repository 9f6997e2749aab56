package io.pylon.optim.schedule;

/**
 * Polynomial decay to zero, as {@code PolynomialLR}:
 * {@code factor(t) = (1 - min(t, total) / total)^power}.
 *
 * @param total steps (or epochs) until the rate reaches 0, >= 1
 * @param power exponent, > 0 (1 is linear decay)
 */
record PolynomialSchedule(long total, double power) implements LrSchedule {

    public PolynomialSchedule {
        if (total < 1) {
            throw new IllegalArgumentException("total must be >= 1, got " + total);
        }
        if (!(power > 0)) {
            throw new IllegalArgumentException("power must be > 0, got " + power);
        }
    }

    @Override
    public double factor(long t) {
        double remaining = 1 - (double) Math.min(Math.max(t, 0), total) / total;
        return Math.pow(remaining, power);
    }
}
