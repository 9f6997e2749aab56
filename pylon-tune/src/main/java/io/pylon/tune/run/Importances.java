package io.pylon.tune.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.tune.space.Distribution;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * How much of the objective's variance each parameter explains on its own: the correlation ratio
 * {@code eta^2 = between-group variance / total variance}, groups being a choice's options or the quartiles
 * of a range (on the log scale for log ranges), normalised to sum to 1. A first-order view like fANOVA's
 * main effects, cheap and model-free; interactions are not measured.
 */
public final class Importances {

    private Importances() {
    }

    /** Parameter -> importance in [0, 1], most important first; empty with fewer than 4 complete trials. */
    public static Map<String, Double> of(SearchSpace space, List<Trial> trials) {
        List<Trial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE
                && !Double.isNaN(t.values().getFirst())).toList();
        Map<String, Double> raw = new LinkedHashMap<>();
        if (complete.size() < 4) {
            return raw;
        }
        for (Param p : space.params()) {
            List<Trial> with = complete.stream().filter(t -> t.params().containsKey(p.name())).toList();
            raw.put(p.name(), with.size() < 4 ? 0.0 : etaSquared(p.distribution(), p.name(), with));
        }
        double total = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> normalised = new LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> normalised.put(e.getKey(), total > 0 ? e.getValue() / total : 0.0));
        return normalised;
    }

    private static double etaSquared(Distribution d, String name, List<Trial> trials) {
        int n = trials.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.toInternal(trials.get(i).params().get(name));
            y[i] = trials.get(i).values().getFirst();
        }
        int[] group = d.categorical() ? categories(x) : quartiles(x);
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        Map<Integer, double[]> sums = new LinkedHashMap<>();
        double totalSq = 0;
        for (int i = 0; i < n; i++) {
            double[] s = sums.computeIfAbsent(group[i], g -> new double[2]);
            s[0] += y[i];
            s[1]++;
            totalSq += (y[i] - mean) * (y[i] - mean);
        }
        if (totalSq == 0) {
            return 0;
        }
        double between = 0;
        for (double[] s : sums.values()) {
            double groupMean = s[0] / s[1];
            between += s[1] * (groupMean - mean) * (groupMean - mean);
        }
        return between / totalSq;
    }

    private static int[] categories(double[] x) {
        int[] g = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (int) Math.round(x[i]);
        }
        return g;
    }

    private static int[] quartiles(double[] x) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> x[i]));
        int[] g = new int[x.length];
        for (int rank = 0; rank < order.size(); rank++) {
            g[order.get(rank)] = rank * 4 / order.size();
        }
        return g;
    }
}
