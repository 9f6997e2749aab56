package io.pylon.optim.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pylon.metrics.Direction;

/**
 * ReduceLROnPlateau with PyTorch's rules, kept as a factor on the base learning rate. After each
 * validation value v:
 *
 * <pre>
 *   if v beats best (lower-is-better metric, rel: v &lt; best * (1 - threshold); abs: v &lt; best - threshold; max mirrored):
 *       best = v, bad = 0
 *   else bad += 1
 *   if cooldown_counter &gt; 0: cooldown_counter -= 1, bad = 0
 *   if bad &gt; patience: scale = max(scale * factor, min_lr / base_lr), cooldown_counter = cooldown, bad = 0
 * </pre>
 *
 * The direction comes from the monitored metric, so there is no {@code mode} to get wrong. A reduction smaller than 1e-8 in learning-rate units is skipped, as in PyTorch.
 */
public final class ReduceLrOnPlateau {

    /** Prefix of this state's keys inside {@link Scheduler#state()}. */
    static final String PREFIX = "plateau.";
    private static final double EPS = 1e-8;

    private final Direction direction;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minFactor;
    private final double baseLr;

    private boolean hasBest;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private double scale = 1.0;

    public ReduceLrOnPlateau(Direction direction, double factor, int patience, double threshold,
            ThresholdMode thresholdMode, int cooldown, double minLr, double baseLr) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (patience < 0 || cooldown < 0 || !(threshold >= 0) || !(minLr >= 0) || !(baseLr > 0)) {
            throw new IllegalArgumentException("patience, cooldown, threshold and min_lr must be >= 0 and the base"
                    + " learning rate > 0");
        }
        this.direction = direction;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        this.cooldown = cooldown;
        this.minFactor = minLr / baseLr;
        this.baseLr = baseLr;
    }

    /** Records one validation value; returns whether the rate was reduced. */
    public boolean observe(double value) {
        boolean reduced = false;
        if (isBetter(value)) {
            best = value;
            hasBest = true;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            double next = Math.max(scale * factor, minFactor);
            if ((scale - next) * baseLr > EPS) {
                scale = next;
                reduced = true;
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        return reduced;
    }

    private boolean isBetter(double value) {
        double reference = hasBest ? best : direction.worst();
        return switch (direction) {
            case LOWER_IS_BETTER -> thresholdMode == ThresholdMode.REL ? value < reference * (1 - threshold)
                    : value < reference - threshold;
            case HIGHER_IS_BETTER -> thresholdMode == ThresholdMode.REL ? value > reference * (1 + threshold)
                    : value > reference + threshold;
        };
    }

    /** The current factor on the base learning rate (1 until the first reduction). */
    public double scale() {
        return scale;
    }

    /** Counters and best value as plain finite numbers (an absent best is {@code has_best = 0}). */
    public Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("has_best", hasBest ? 1 : 0);
        out.put("best", hasBest ? best : 0.0);
        out.put("num_bad_epochs", numBadEpochs);
        out.put("cooldown_counter", cooldownCounter);
        out.put("scale", scale);
        return out;
    }

    public void loadState(Map<String, Object> state) {
        boolean restoredHasBest = Scheduler.number(state, "has_best", PREFIX).intValue() != 0;
        double restoredBest = Scheduler.number(state, "best", PREFIX).doubleValue();
        int bad = Scheduler.number(state, "num_bad_epochs", PREFIX).intValue();
        int counter = Scheduler.number(state, "cooldown_counter", PREFIX).intValue();
        double restoredScale = Scheduler.number(state, "scale", PREFIX).doubleValue();
        if (bad < 0 || counter < 0 || !(restoredScale > 0 && restoredScale <= 1)) {
            throw new IllegalArgumentException("plateau state out of range: " + state);
        }
        hasBest = restoredHasBest;
        best = restoredBest;
        numBadEpochs = bad;
        cooldownCounter = counter;
        scale = restoredScale;
    }
}
