package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import io.pylon.testing.TestComponents;

class BestSelectorTest {

    private final BestSelector selector = new BestSelector(List.of("val/dice/mean", "val/hd95/mean"), TestComponents.directions());

    private static Map<String, Double> eval(double dice, double hd95) {
        return Map.of("val/dice/mean", dice, "val/hd95/mean", hd95);
    }

    @Test
    void dominanceUsesEachMonitorsDirection() {
        assertThat(selector.dominates(eval(0.8, 3.0), eval(0.7, 4.0))).isTrue();
        assertThat(selector.dominates(eval(0.8, 4.0), eval(0.7, 4.0))).isTrue();
        assertThat(selector.dominates(eval(0.8, 5.0), eval(0.7, 4.0))).isFalse();
        assertThat(selector.dominates(eval(0.7, 4.0), eval(0.7, 4.0))).isFalse();
    }

    @Test
    void incomparablesAreBrokenByTheFirstMonitor() {
        // better Dice but worse HD95: incomparable, the first monitor (Dice) decides
        assertThat(selector.compare(eval(0.8, 5.0), eval(0.7, 4.0))).isPositive();
        assertThat(selector.compare(eval(0.7, 4.0), eval(0.8, 5.0))).isNegative();
        // equal Dice: the second monitor decides
        assertThat(selector.compare(eval(0.7, 3.0), eval(0.7, 4.0))).isPositive();
        assertThat(selector.compare(eval(0.7, 4.0), eval(0.7, 4.0))).isZero();
    }

    @Test
    void bestIsOnTheParetoFrontAndEarliestAmongEquals() {
        List<Map<String, Double>> evals = List.of(eval(0.6, 2.0), eval(0.7, 4.0), eval(0.65, 5.0), eval(0.7, 4.0),
                eval(0.5, 1.0));
        assertThat(selector.paretoFront(evals)).containsExactly(0, 1, 3, 4);
        assertThat(selector.best(evals)).contains(1);
        assertThat(selector.paretoFront(evals)).contains(selector.best(evals).orElseThrow());
        assertThat(selector.best(List.of())).isEmpty();
    }

    @Test
    void missingOrNaNIsWorst() {
        assertThat(selector.compare(eval(Double.NaN, 1.0), eval(0.1, 9.0))).isNegative();
        assertThat(selector.compare(Map.of("val/hd95/mean", 1.0), eval(0.1, 9.0))).isNegative();
        assertThat(selector.improves(eval(0.1, 9.0), Optional.empty())).isTrue();
        assertThat(selector.improves(eval(0.1, 9.0), Optional.of(eval(0.1, 9.0)))).isFalse();
        assertThat(selector.improves(eval(0.1, 8.0), Optional.of(eval(0.1, 9.0)))).isTrue();
    }

    @Test
    void lossIsLowerIsBetterAndBadMonitorsAreRejected() {
        BestSelector loss = new BestSelector(List.of("val/loss", "val/accuracy"), TestComponents.directions());
        assertThat(loss.compare(Map.of("val/loss", 0.1, "val/accuracy", 0.5),
                Map.of("val/loss", 0.2, "val/accuracy", 0.9))).isPositive();
        assertThatThrownBy(() -> new BestSelector(List.of("accuracy"), TestComponents.directions())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BestSelector(List.of(), TestComponents.directions())).isInstanceOf(IllegalArgumentException.class);
    }
}
