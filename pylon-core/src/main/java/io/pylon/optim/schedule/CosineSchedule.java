package io.pylon.optim.schedule;

/**
 * Cosine annealing, the closed form of {@code CosineAnnealingLR}, held at its floor after {@code tMax}
 * (PyTorch's would climb back up):
 *
 * <pre>
 *   factor(t) = r + (1 - r) * (1 + cos(pi * min(t, tMax) / tMax)) / 2,   r = eta_min / base_lr
 * </pre>
 *
 * @param tMax steps (or epochs) from the peak to the floor, >= 1
 * @param minFactor the floor r as a fraction of the base rate, in [0, 1]
 */
record CosineSchedule(long tMax, double minFactor) implements LrSchedule {

    public CosineSchedule {
        if (tMax < 1) {
            throw new IllegalArgumentException("t_max must be >= 1, got " + tMax);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("eta_min must be between 0 and the base learning rate (factor "
                    + minFactor + ")");
        }
    }

    @Override
    public double factor(long t) {
        double progress = (double) Math.min(Math.max(t, 0), tMax) / tMax;
        return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
