package io.pylon.trainer.find;

import java.util.ArrayList;
import java.util.List;

import io.pylon.optim.ParamGroup;
import io.pylon.trainer.TrainingComponents;

/**
 * The learning-rate range test (Smith 2015; fastai's and Lightning's {@code lr_find}): train for
 * {@code steps} steps while the learning rate grows exponentially from {@code minLr} to {@code maxLr},
 * record the loss, stop early once the smoothed loss exceeds {@code divergence} times its best. The
 * suggestion is the rate where the smoothed loss falls fastest (steepest negative slope over log lr),
 * ignoring the first {@code skipBegin} and last {@code skipEnd} points, where the curve is noise.
 */
public final class LrRangeTest {

    /**
     * @param minLr first learning rate (> 0)
     * @param maxLr last learning rate (> minLr)
     * @param steps training steps (>= 10)
     * @param divergence stop when the smoothed loss exceeds this factor times its minimum (> 1)
     * @param smoothing weight of the previous value in the loss's exponential moving average, in [0, 1)
     */
    public record Params(double minLr, double maxLr, int steps, double divergence, double smoothing) {
        public Params {
            if (!(minLr > 0) || !(maxLr > minLr) || Double.isInfinite(maxLr)) {
                throw new IllegalArgumentException("need 0 < min lr < max lr, got " + minLr + " and " + maxLr);
            }
            if (steps < 10) {
                throw new IllegalArgumentException("the range test needs >= 10 steps, got " + steps);
            }
            if (!(divergence > 1)) {
                throw new IllegalArgumentException("divergence factor must be > 1, got " + divergence);
            }
            if (!(smoothing >= 0 && smoothing < 1)) {
                throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
            }
        }

        /** Lightning's defaults: 1e-8 .. 1, 100 steps, stop at 4x the best loss, smoothing 0.98. */
        public static Params defaults() {
            return new Params(1e-8, 1.0, 100, 4.0, 0.98);
        }

        double lrAt(int step) {
            return minLr * Math.pow(maxLr / minLr, step / (double) (steps - 1));
        }
    }

    /**
     * @param lrs learning rate of each step taken
     * @param losses the raw loss of each step
     * @param smoothed bias-corrected exponential moving average of the losses
     * @param suggestion the suggested learning rate
     * @param stoppedEarly whether the loss diverged before the last step
     */
    public record Result(List<Double> lrs, List<Double> losses, List<Double> smoothed, double suggestion,
            boolean stoppedEarly) {
    }

    private LrRangeTest() {
    }

    /** Runs the test on {@code parts} (it changes the weights; build fresh components for training). */
    public static Result run(TrainingComponents parts, Params params) {
        FinderStep step = new FinderStep(parts);
        List<Double> lrs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<Double> smoothed = new ArrayList<>();
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        boolean diverged = false;
        for (int i = 0; i < params.steps() && !diverged; i++) {
            double lr = params.lrAt(i);
            for (ParamGroup group : parts.optimizer().groups()) {
                group.setLr(lr * group.lrMultiplier());
            }
            double loss = step.run();
            average = params.smoothing() * average + (1 - params.smoothing()) * loss;
            double corrected = average / (1 - Math.pow(params.smoothing(), i + 1));
            lrs.add(lr);
            losses.add(loss);
            smoothed.add(corrected);
            best = Math.min(best, corrected);
            diverged = !Double.isFinite(loss) || (i > 0 && corrected > params.divergence() * best);
        }
        return new Result(lrs, losses, smoothed, suggest(lrs, smoothed), diverged);
    }

    /**
     * The rate at the steepest descent of {@code smoothed} over log(lr), skipping the noisy first tenth
     * and the last point (which includes the divergence); the middle rate if too few points remain.
     */
    static double suggest(List<Double> lrs, List<Double> smoothed) {
        int n = lrs.size();
        int begin = Math.max(1, n / 10);
        int end = n - 1;
        if (end - begin < 2) {
            return lrs.get(n / 2);
        }
        int bestIndex = begin;
        double steepest = Double.POSITIVE_INFINITY;
        for (int i = begin; i < end; i++) {
            // central difference over log10(lr), as numpy.gradient does on the interior points
            double slope = (smoothed.get(i + 1) - smoothed.get(i - 1)) / (Math.log10(lrs.get(i + 1)) - Math.log10(lrs.get(i - 1)));
            if (Double.isFinite(slope) && slope < steepest) {
                steepest = slope;
                bestIndex = i;
            }
        }
        return lrs.get(bestIndex);
    }
}
