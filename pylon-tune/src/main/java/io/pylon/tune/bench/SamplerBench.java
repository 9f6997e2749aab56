package io.pylon.tune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import io.pylon.metrics.Direction;
import io.pylon.tune.sampler.Sampler;
import io.pylon.tune.sampler.SamplingContext;
import io.pylon.tune.space.Param;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Search quality of a sampler: the best value found in {@code trials} sequential trials, over several seeds,
 * summarised as median and interquartile range. Trials live in memory, so this measures the sampler alone.
 */
public final class SamplerBench {

    /** Best values of every seed with their median and quartiles. */
    public record Result(double[] bests, double median, double q1, double q3) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.5g  IQR [%.5g, %.5g]", median, q1, q3);
        }
    }

    private SamplerBench() {
    }

    public static Result run(TestFunction function, LongFunction<Sampler> samplerForSeed, int trials, int seeds) {
        double[] bests = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            bests[s] = bestOf(function, samplerForSeed.apply(s), trials);
        }
        double[] sorted = bests.clone();
        Arrays.sort(sorted);
        return new Result(bests, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    static double bestOf(TestFunction function, Sampler sampler, int count) {
        List<Trial> trials = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        List<Param> params = function.space().params();
        for (int n = 0; n < count; n++) {
            Map<String, Object> values = sampler.sample(new SamplingContext(function.space(),
                    List.of(Direction.LOWER_IS_BETTER), trials, n));
            double[] x = new double[params.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = ((Number) values.get(params.get(k).name())).doubleValue();
            }
            double y = function.f().applyAsDouble(x);
            best = Math.min(best, y);
            trials.add(new Trial(n, n, TrialState.COMPLETE, values, List.of(y), new TreeMap<>(), -1, 0, 0, ""));
        }
        return best;
    }

    /** Linear interpolation between order statistics (numpy's default), as the peer script computes it. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
