package io.pylon.tune.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/** Pruning decisions on hand-made histories of accuracy curves (higher is better). */
class PrunersTest {

    private static Trial trial(int number, TrialState state, double... curve) {
        TreeMap<Integer, Double> steps = new TreeMap<>();
        for (int i = 0; i < curve.length; i++) {
            steps.put(i + 1, curve[i]);
        }
        List<Double> values = state == TrialState.COMPLETE ? List.of(curve[curve.length - 1]) : List.of();
        return new Trial(number, number, state, Map.of(), values, steps, -1, 0, 0, "");
    }

    private static boolean asks(Pruner pruner, List<Trial> others, Trial running) {
        List<Trial> all = new ArrayList<>(others);
        all.add(running);
        return pruner.prune(new PruningContext(Direction.HIGHER_IS_BETTER, all, running, running.intermediate().lastKey()));
    }

    @Test
    void medianPrunesBelowTheMedianOfCompleteTrialsAtTheSameStep() {
        List<Trial> done = List.of(trial(0, TrialState.COMPLETE, 0.5, 0.6, 0.7), trial(1, TrialState.COMPLETE, 0.6, 0.7, 0.8),
                trial(2, TrialState.COMPLETE, 0.7, 0.8, 0.9));
        MedianPruner median = new MedianPruner(3, 0);
        assertThat(asks(median, done, trial(3, TrialState.RUNNING, 0.55))).isTrue();
        assertThat(asks(median, done, trial(3, TrialState.RUNNING, 0.65))).isFalse();
        assertThat(asks(new MedianPruner(4, 0), done, trial(3, TrialState.RUNNING, 0.1))).as("startup").isFalse();
        assertThat(asks(median, done, trial(3, TrialState.RUNNING, Double.NaN))).isTrue();
    }

    @Test
    void ashaPromotesOnlyTheTopThirdAtEachRung() {
        SuccessiveHalvingPruner asha = new SuccessiveHalvingPruner(1, 3, 0);
        assertThat(asks(asha, List.of(), trial(0, TrialState.RUNNING, 0.1))).as("the first at a rung goes on").isFalse();
        List<Trial> rung0 = List.of(trial(0, TrialState.PRUNED, 0.3), trial(1, TrialState.PRUNED, 0.5),
                trial(2, TrialState.RUNNING, 0.9, 0.91), trial(3, TrialState.PRUNED, 0.4), trial(4, TrialState.PRUNED, 0.2));
        // six values at rung 0 (step 1): only the best two go on
        assertThat(asks(asha, rung0, trial(5, TrialState.RUNNING, 0.6))).isFalse();
        assertThat(asks(asha, rung0, trial(5, TrialState.RUNNING, 0.45))).isTrue();
        // step 2 is no rung (rungs at 1, 3, 9): nothing is judged
        assertThat(asks(asha, rung0, trial(5, TrialState.RUNNING, 0.6, 0.0))).isFalse();
        // at step 3 trial 5 meets trial 2 alone, which reached 0.95
        List<Trial> rung1 = List.of(trial(2, TrialState.COMPLETE, 0.9, 0.91, 0.95));
        assertThat(asks(asha, rung1, trial(5, TrialState.RUNNING, 0.6, 0.7, 0.8))).isTrue();
        assertThat(asks(asha, rung1, trial(5, TrialState.RUNNING, 0.6, 0.7, 0.96))).isFalse();
    }

    @Test
    void hyperbandDealsTrialsToBracketsThatCompeteApart() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 9, 3);
        assertThat(hyperband.brackets()).isEqualTo(3);
        int[] counts = new int[3];
        for (int n = 0; n < 300; n++) {
            counts[hyperband.bracket(n)]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[2]).isGreaterThan(0);
        assertThat(new HyperbandPruner(1, 0, 3).withDefaultMaxResource(27).maxResource()).isEqualTo(27);
    }
}
