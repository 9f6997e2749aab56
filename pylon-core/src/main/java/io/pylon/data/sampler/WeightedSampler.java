package io.pylon.data.sampler;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.pylon.engine.Seeds;

/**
 * Draws {@code count} indices per epoch, index {@code i} with probability {@code weights[i] / sum(weights)}
 * (class balancing, hard-example mining). With replacement every draw is independent (Walker's alias
 * method, O(1) per draw); without, indices are drawn one by one and removed (Efraimidis–Spirakis keys,
 * so {@code count} must not exceed the number of positive weights).
 *
 * @param weights one non-negative weight per dataset index, not all zero
 * @param count indices per epoch
 * @param replacement whether an index may be drawn more than once per epoch
 * @param seed the run's data seed
 */
public record WeightedSampler(List<Double> weights, long count, boolean replacement, long seed) implements Sampler {

    public WeightedSampler {
        weights = List.copyOf(weights);
        Samplers.checkSize(weights.size());
        double total = 0;
        long positive = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of index " + i + " must be finite and >= 0, got " + w);
            }
            total += w;
            positive += w > 0 ? 1 : 0;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        Samplers.checkSize(count);
        if (!replacement && count > positive) {
            throw new IllegalArgumentException("cannot draw " + count + " distinct indices without replacement: only "
                    + positive + " have a positive weight");
        }
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public long[] indices(int epoch) {
        Random random = new Random(Seeds.derive(seed, epoch));
        return replacement ? withReplacement(random) : withoutReplacement(random);
    }

    private long[] withReplacement(Random random) {
        int n = weights.size();
        double[] prob = new double[n];
        int[] alias = new int[n];
        buildAliasTable(prob, alias);
        long[] out = new long[(int) count];
        for (int k = 0; k < out.length; k++) {
            int column = random.nextInt(n);
            out[k] = random.nextDouble() < prob[column] ? column : alias[column];
        }
        return out;
    }

    /** Vose's stable variant of the alias method. */
    private void buildAliasTable(double[] prob, int[] alias) {
        int n = weights.size();
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights.get(i) * n / total;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        while (largeCount > 0) {
            prob[large[--largeCount]] = 1;
        }
        while (smallCount > 0) {
            prob[small[--smallCount]] = 1; // rounding leftovers
        }
    }

    private long[] withoutReplacement(Random random) {
        int n = weights.size();
        double[] keys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double w = weights.get(i);
            // key u^(1/w): the largest keys are a weighted sample without replacement
            keys[i] = w > 0 ? Math.log(random.nextDouble()) / w : Double.NEGATIVE_INFINITY;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        long[] out = new long[(int) count];
        for (int k = 0; k < out.length; k++) {
            out[k] = order[k];
        }
        return out;
    }
}
