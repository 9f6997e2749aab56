package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;

/** Small cases whose values are worked out by hand in the comments. */
class HandComputedTest {

    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** Sample 1: logits (0, 0), class 0: p = 1/2. Sample 2: logits (ln 3, 0), class 1: p = 1/4. */
    private static Tensor twoLogits() {
        return LossTesting.doubles(new double[] {0, 0, LN3, 0}, 2, 2);
    }

    @Test
    void crossEntropyOfTwoSamples() {
        Tensor y = LossTesting.longs(new long[] {0, 1}, 2);
        // (ln 2 + ln 4) / 2
        assertThat(LossTesting.value(new CrossEntropy(0.0), twoLogits(), y)).isCloseTo(1.5 * LN2, within(1e-12));
        // weights (1, 3): (1 ln 2 + 3 ln 4) / (1 + 3)
        assertThat(LossTesting.value(new CrossEntropy(List.of(1.0, 3.0), 0, -100), twoLogits(), y))
                .isCloseTo(7 * LN2 / 4, within(1e-12));
        // smoothing 0.2, C = 2: sample 1 gives 0.8 ln 2 + 0.1 (ln 2 + ln 2) = ln 2,
        // sample 2 gives 0.8 ln 4 + 0.1 (ln 4/3 + ln 4)
        double smoothed = (LN2 + 0.8 * Math.log(4) + 0.1 * (Math.log(4.0 / 3) + Math.log(4))) / 2;
        assertThat(LossTesting.value(new CrossEntropy(0.2), twoLogits(), y)).isCloseTo(smoothed, within(1e-12));
    }

    @Test
    void crossEntropyLeavesIgnoredTargetsOutOfTheMean() {
        // the second sample (p = 1/4) is ignored: only ln 2 remains, averaged over one sample
        Tensor y = LossTesting.longs(new long[] {0, 255}, 2);
        assertThat(LossTesting.value(new CrossEntropy(List.of(), 0, 255), twoLogits(), y))
                .isCloseTo(LN2, within(1e-12));
        // spatial (N, C, H, W) = (1, 2, 1, 2): same two positions laid out along W
        Tensor spatial = LossTesting.doubles(new double[] {0, LN3, 0, 0}, 1, 2, 1, 2);
        Tensor spatialTarget = LossTesting.longs(new long[] {0, 255}, 1, 1, 2);
        assertThat(LossTesting.value(new CrossEntropy(List.of(), 0, 255), spatial, spatialTarget))
                .isCloseTo(LN2, within(1e-12));
        Tensor bothCount = LossTesting.longs(new long[] {0, 1}, 1, 1, 2);
        assertThat(LossTesting.value(new CrossEntropy(0.0), spatial, bothCount)).isCloseTo(1.5 * LN2, within(1e-12));
    }

    @Test
    void bceWithLogitsAndPosWeight() {
        // x = 0, y = 1: ln 2 (times pos_weight); x = ln 3 (sigmoid 3/4), y = 0: -ln(1/4) = ln 4
        Tensor x = LossTesting.doubles(new double[] {0, LN3}, 2);
        Tensor y = LossTesting.doubles(new double[] {1, 0}, 2);
        assertThat(LossTesting.value(new BceWithLogits(), x, y)).isCloseTo(1.5 * LN2, within(1e-12));
        assertThat(LossTesting.value(new BceWithLogits(List.of(3.0)), x, y)).isCloseTo(2.5 * LN2, within(1e-12));
    }

    /** Saturated binary logits: p = (1, 1, 0, 0) against t = (1, 0, 1, 0), so TP = FP = FN = 1. */
    private static Tensor[] saturatedPair() {
        return new Tensor[] {LossTesting.doubles(new double[] {1e4, 1e4, -1e4, -1e4}, 1, 4),
                LossTesting.doubles(new double[] {1, 0, 1, 0}, 1, 4)};
    }

    @Test
    void diceTverskyAndFocalTverskyOfKnownCounts() {
        Tensor[] s = saturatedPair();
        // dice = 2 TP / (sum p + sum t) = 2 / 4; with smooth 1: 3 / 5
        assertThat(LossTesting.value(new Dice(LossMode.BINARY, List.of(), 0, true, false), s[0], s[1]))
                .isCloseTo(0.5, within(1e-12));
        assertThat(LossTesting.value(new Dice(LossMode.BINARY, List.of(), 1, true, false), s[0], s[1]))
                .isCloseTo(0.4, within(1e-12));
        // TI = 1 / (1 + 0.2 + 0.6)
        double ti = 1 / 1.8;
        assertThat(LossTesting.value(new Tversky(LossMode.BINARY, 0.2, 0.6, 0, true), s[0], s[1]))
                .isCloseTo(1 - ti, within(1e-12));
        assertThat(LossTesting.value(new FocalTversky(LossMode.BINARY, 0.2, 0.6, 2, 0, true), s[0], s[1]))
                .isCloseTo((1 - ti) * (1 - ti), within(1e-12));
    }

    @Test
    void multiclassDiceWeightsAndBackground() {
        // one sample, 2 x 1 pixels, 3 classes; saturated logits predict (0, 1), targets are (0, 2)
        Tensor x = LossTesting.doubles(new double[] {1e4, -1e4, -1e4, 1e4, -1e4, -1e4}, 1, 3, 2);
        Tensor y = LossTesting.longs(new long[] {0, 2}, 1, 2);
        // class 0: TP 1, p 1, t 1 -> dice 1; class 1: 0 / (1 + 0) -> 0; class 2: 0 / (0 + 1) -> 0
        assertThat(LossTesting.value(new Dice(LossMode.MULTICLASS, List.of(), 0, true, false), x, y))
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(LossTesting.value(new Dice(LossMode.MULTICLASS, List.of(), 0, false, false), x, y))
                .isCloseTo(1.0, within(1e-12));
        // weights (4, 1, 3): (4 * 0 + 1 * 1 + 3 * 1) / 8
        assertThat(LossTesting.value(new Dice(LossMode.MULTICLASS, List.of(4.0, 1.0, 3.0), 0, true, false), x, y))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void focalLossAtEvenOdds() {
        // x = 0, y = 1: p_t = 1/2, ce = ln 2, (1 - p_t)^2 = 1/4, alpha_t = 0.25
        Tensor x = LossTesting.doubles(new double[] {0}, 1);
        Tensor y = LossTesting.doubles(new double[] {1}, 1);
        assertThat(LossTesting.value(new Focal(LossMode.BINARY, List.of(0.25), 2, -100), x, y))
                .isCloseTo(0.25 * 0.25 * LN2, within(1e-12));
        // multiclass: logits (0, 0), class 0: p_t = 1/2 too; alpha (0.4, 1): 0.4 * 0.25 * ln 2
        Tensor logits = LossTesting.doubles(new double[] {0, 0}, 1, 2);
        Tensor label = LossTesting.longs(new long[] {0}, 1);
        assertThat(LossTesting.value(new Focal(LossMode.MULTICLASS, List.of(0.4, 1.0), 2, -100), logits, label))
                .isCloseTo(0.4 * 0.25 * LN2, within(1e-12));
    }

    @Test
    void topKKeepsTheHardestPositions() {
        // per-sample CE: ln 2, ln 4, ln 4/3, ln 8
        Tensor x = LossTesting.doubles(new double[] {0, 0, LN3, 0, LN3, 0, 0, Math.log(7)}, 4, 2);
        Tensor y = LossTesting.longs(new long[] {0, 1, 0, 0}, 4);
        // the two hardest: (ln 8 + ln 4) / 2
        assertThat(LossTesting.value(TopK.ofCount(2), x, y)).isCloseTo(2.5 * LN2, within(1e-12));
        assertThat(LossTesting.value(TopK.ofFraction(0.5), x, y)).isCloseTo(2.5 * LN2, within(1e-12));
        // ceil(0.6 * 4) = 3: (ln 8 + ln 4 + ln 2) / 3
        assertThat(LossTesting.value(TopK.ofFraction(0.6), x, y)).isCloseTo(2 * LN2, within(1e-12));
        // count above M keeps all: plain mean
        double all = (LN2 + Math.log(4) + Math.log(4.0 / 3) + Math.log(8)) / 4;
        assertThat(LossTesting.value(TopK.ofCount(100), x, y)).isCloseTo(all, within(1e-12));
        // ignoring the ln 8 sample (target 1 set to ignore index 9): the hardest two are ln 4 and ln 2
        Tensor ignored = LossTesting.longs(new long[] {0, 1, 0, 9}, 4);
        assertThat(LossTesting.value(new TopK(OptionalDouble.empty(), OptionalInt.of(2), 9), x, ignored))
                .isCloseTo(1.5 * LN2, within(1e-12));
    }

    @Test
    void regressionLosses() {
        // differences 1 and 3
        Tensor x = LossTesting.doubles(new double[] {0, 3}, 2);
        Tensor y = LossTesting.doubles(new double[] {1, 0}, 2);
        assertThat(LossTesting.value(new Mse(), x, y)).isCloseTo(5, within(1e-12));
        assertThat(LossTesting.value(new L1(), x, y)).isCloseTo(2, within(1e-12));
        // beta 1: 1 - 0.5 and 3 - 0.5; beta 2: 0.5 * 1 / 2 and 3 - 1
        assertThat(LossTesting.value(new SmoothL1(1), x, y)).isCloseTo(1.5, within(1e-12));
        assertThat(LossTesting.value(new SmoothL1(2), x, y)).isCloseTo(1.125, within(1e-12));
    }
}
