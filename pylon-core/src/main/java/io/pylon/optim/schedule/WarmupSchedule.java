package io.pylon.optim.schedule;

/**
 * Linear warmup in front of another schedule, which starts once warmup ends:
 *
 * <pre>
 *   factor(t) = s + (1 - s) * t / W     for t &lt; W
 *   factor(t) = inner.factor(t - W)     for t &gt;= W
 * </pre>
 *
 * @param inner the schedule after warmup
 * @param warmup W, the number of warmup steps, >= 1
 * @param startFactor s, the factor at t = 0, in [0, 1]
 */
record WarmupSchedule(LrSchedule inner, long warmup, double startFactor) implements LrSchedule {

    public WarmupSchedule {
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup_steps must be >= 1, got " + warmup);
        }
        if (!(startFactor >= 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("warmup_start_factor must be in [0, 1], got " + startFactor);
        }
    }

    /** The warmup ramp alone: {@code s + (1 - s) * t / W} before W, 1 after. */
    public double ramp(long t) {
        return t >= warmup ? 1.0 : startFactor + (1 - startFactor) * Math.max(t, 0) / warmup;
    }

    @Override
    public double factor(long t) {
        return t < warmup ? ramp(t) : inner.factor(t - warmup);
    }
}
