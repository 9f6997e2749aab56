package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;

/**
 * Extreme and degenerate inputs: logits of +-1e4 in float32, empty masks, all-background volumes and a
 * single-voxel object. Every value and every gradient must be finite, and the documented values must hold.
 */
class StabilityTest {

    private static final double BIG = 1e4;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** The loss and its gradient in float32; asserts both are finite and returns the value. */
    private static double finiteValue(Criterion criterion, Tensor output, Tensor target) {
        Tensor x = output.to(ScalarType.Float).detach().clone().requires_grad_(true);
        Tensor t = target.is_floating_point() ? target.to(ScalarType.Float) : target;
        Tensor loss = criterion.apply(x, t);
        loss.backward();
        double value = loss.item_double();
        assertThat(value).isFinite();
        assertThat(Arrays.stream(LossTesting.toDoubles(x.grad())).allMatch(Double::isFinite))
                .as("finite gradient").isTrue();
        return value;
    }

    private static final List<Criterion> MULTICLASS = List.of(
            new CrossEntropy(List.of(1.0, 2.0, 3.0), 0.1, -100),
            new Dice(LossMode.MULTICLASS, List.of(), 1.0, true, false),
            new Dice(LossMode.MULTICLASS, List.of(), 0.0, false, true),
            new Focal(LossMode.MULTICLASS, List.of(), 2.0, -100),
            new Focal(LossMode.MULTICLASS, List.of(), 0.5, -100),
            new Tversky(LossMode.MULTICLASS, 0.3, 0.7, 0.0, true),
            new FocalTversky(LossMode.MULTICLASS, 0.7, 0.3, 0.75, 1.0, true),
            TopK.ofFraction(0.5));

    private static final List<Criterion> BINARY = List.of(
            new BceWithLogits(List.of(3.0)),
            new Dice(LossMode.BINARY, List.of(), 0.0, true, false),
            new Focal(LossMode.BINARY, List.of(0.25), 2.0, -100),
            new Focal(LossMode.BINARY, List.of(), 0.5, -100),
            new Tversky(LossMode.BINARY, 0.5, 0.5, 1.0, true),
            new FocalTversky(LossMode.BINARY, 0.5, 0.5, 0.5, 0.0, true));

    /** Logits of +-1e4: (1, 3, 2, 2) with class 0 everywhere strongly predicted. */
    private static Tensor saturatedClassZero() {
        double[] values = new double[12];
        for (int i = 0; i < 12; i++) {
            values[i] = i < 4 ? BIG : -BIG;
        }
        return LossTesting.doubles(values, 1, 3, 2, 2);
    }

    @Test
    void saturatedLogitsGiveFiniteValuesAndGradients() {
        Tensor right = LossTesting.longs(new long[] {0, 0, 0, 0}, 1, 2, 2);
        Tensor wrong = LossTesting.longs(new long[] {1, 2, 1, 2}, 1, 2, 2);
        for (Criterion c : MULTICLASS) {
            finiteValue(c, saturatedClassZero(), right);
            finiteValue(c, saturatedClassZero(), wrong);
        }
        Tensor x = LossTesting.doubles(new double[] {BIG, -BIG, BIG, -BIG}, 2, 2);
        Tensor agree = LossTesting.doubles(new double[] {1, 0, 1, 0}, 2, 2);
        Tensor disagree = LossTesting.doubles(new double[] {0, 1, 0, 1}, 2, 2);
        for (Criterion c : BINARY) {
            finiteValue(c, x, agree);
            finiteValue(c, x, disagree);
        }
        // confidently wrong: the log-space formulations keep the exact large values
        assertThat(finiteValue(new CrossEntropy(0.0), saturatedClassZero(), wrong)).isCloseTo(2 * BIG, within(1.0));
        assertThat(finiteValue(new BceWithLogits(), x, disagree)).isCloseTo(BIG, within(1.0));
        assertThat(finiteValue(new Focal(LossMode.BINARY, List.of(), 2.0, -100), x, disagree))
                .isCloseTo(BIG, within(1.0));
        assertThat(finiteValue(new Focal(LossMode.MULTICLASS, List.of(), 2.0, -100), saturatedClassZero(), wrong))
                .isCloseTo(2 * BIG, within(1.0));
        // confidently right: exactly 0
        assertThat(finiteValue(new CrossEntropy(0.0), saturatedClassZero(), right)).isZero();
        assertThat(finiteValue(new Focal(LossMode.BINARY, List.of(0.25), 2.0, -100), x, agree)).isZero();
    }

    @Test
    void emptyTargetAndEmptyPredictionIsAPerfectScore() {
        Tensor nothing = LossTesting.doubles(new double[] {-BIG, -BIG, -BIG, -BIG, -BIG, -BIG}, 1, 1, 2, 3);
        Tensor empty = LossTesting.doubles(new double[6], 1, 1, 2, 3);
        for (double smooth : new double[] {0.0, 1.0}) {
            assertThat(finiteValue(new Dice(LossMode.BINARY, List.of(), smooth, true, false), nothing, empty))
                    .as("dice smooth %s", smooth).isZero();
            assertThat(finiteValue(new Dice(LossMode.BINARY, List.of(), smooth, true, true), nothing, empty))
                    .as("batch dice smooth %s", smooth).isZero();
            assertThat(finiteValue(new Tversky(LossMode.BINARY, 0.3, 0.7, smooth, true), nothing, empty)).isZero();
            assertThat(finiteValue(new FocalTversky(LossMode.BINARY, 0.3, 0.7, 0.75, smooth, true), nothing, empty))
                    .isZero();
        }
    }

    @Test
    void emptyTargetWithAPredictionIsPenalized() {
        // sigmoid(1e4) = 1 on all 6 elements, no target: dice = smooth / (6 + smooth)
        Tensor everything = LossTesting.doubles(new double[] {BIG, BIG, BIG, BIG, BIG, BIG}, 1, 6);
        Tensor empty = LossTesting.doubles(new double[6], 1, 6);
        assertThat(finiteValue(new Dice(LossMode.BINARY, List.of(), 1.0, true, false), everything, empty))
                .isCloseTo(6.0 / 7, within(1e-6));
        assertThat(finiteValue(new Dice(LossMode.BINARY, List.of(), 0.0, true, false), everything, empty))
                .isCloseTo(1.0, within(1e-6));
    }

    /** Logits (1, 3, 4, 4, 4) strongly predicting class {@code predicted} at {@code voxel}, 0 elsewhere. */
    private static Tensor volumeLogits(int voxel, int predicted) {
        double[] values = new double[3 * 64];
        for (int v = 0; v < 64; v++) {
            int cls = v == voxel ? predicted : 0;
            for (int c = 0; c < 3; c++) {
                values[c * 64 + v] = c == cls ? BIG : -BIG;
            }
        }
        return LossTesting.doubles(values, 1, 3, 4, 4, 4);
    }

    private static Tensor volumeTarget(int voxel, int cls) {
        long[] target = new long[64];
        if (voxel >= 0) {
            target[voxel] = cls;
        }
        return LossTesting.longs(target, 1, 4, 4, 4);
    }

    @Test
    void allBackgroundVolume() {
        Tensor background = volumeTarget(-1, 0);
        Tensor logits = volumeLogits(-1, 0);
        for (boolean includeBackground : new boolean[] {true, false}) {
            for (boolean batch : new boolean[] {true, false}) {
                for (double smooth : new double[] {0, 1}) {
                    assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), smooth, includeBackground, batch),
                            logits, background)).isZero();
                }
            }
            assertThat(finiteValue(new Tversky(LossMode.MULTICLASS, 0.5, 0.5, 0, includeBackground), logits,
                    background)).isZero();
            assertThat(finiteValue(new FocalTversky(LossMode.MULTICLASS, 0.7, 0.3, 0.75, 0, includeBackground),
                    logits, background)).isZero();
        }
        assertThat(finiteValue(new CrossEntropy(0.0), logits, background)).isZero();
        assertThat(finiteValue(new Focal(LossMode.MULTICLASS, List.of(), 2, -100), logits, background)).isZero();
        // soft logits (all 0) on an all-background volume: class 0 gets p = 1/3 everywhere
        Tensor uniform = LossTesting.doubles(new double[3 * 64], 1, 3, 4, 4, 4);
        double dice0 = 2 * (64 / 3.0) / (64 / 3.0 + 64);
        double diceEmpty = 0 / (64 / 3.0);
        assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), 0, true, false), uniform, background))
                .isCloseTo(1 - (dice0 + 2 * diceEmpty) / 3, within(1e-6));
    }

    @Test
    void singleVoxelObject() {
        Tensor target = volumeTarget(21, 1);
        // found exactly: every class scores 1
        assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), 1, false, false), volumeLogits(21, 1),
                target)).isZero();
        assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), 0, true, false), volumeLogits(21, 1),
                target)).isZero();
        // missed (all background predicted), no background class: class 1 dice = smooth / (1 + smooth),
        // class 2 is absent everywhere (loss 0); mean over the two classes
        assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), 1, false, false), volumeLogits(-1, 0),
                target)).isCloseTo(0.25, within(1e-6));
        assertThat(finiteValue(new Dice(LossMode.MULTICLASS, List.of(), 0, false, false), volumeLogits(-1, 0),
                target)).isCloseTo(0.5, within(1e-6));
        // Tversky with beta = 1 (only false negatives count): class 1 TI = 0 -> loss 1, class 2 -> 0
        assertThat(finiteValue(new Tversky(LossMode.MULTICLASS, 0, 1, 0, false), volumeLogits(-1, 0), target))
                .isCloseTo(0.5, within(1e-6));
        assertThat(finiteValue(TopK.ofCount(1), volumeLogits(-1, 0), target)).isCloseTo(2 * BIG, within(1.0));
    }

    @Test
    void everyTargetIgnoredGivesZero() {
        Tensor x = saturatedClassZero();
        Tensor ignored = LossTesting.longs(new long[] {-100, -100, -100, -100}, 1, 2, 2);
        assertThat(finiteValue(new CrossEntropy(List.of(1.0, 2.0, 3.0), 0.1, -100), x, ignored)).isZero();
        assertThat(finiteValue(new Focal(LossMode.MULTICLASS, List.of(), 2, -100), x, ignored)).isZero();
        assertThat(finiteValue(new TopK(OptionalDouble.empty(), OptionalInt.of(2), -100), x, ignored)).isZero();
    }
}
