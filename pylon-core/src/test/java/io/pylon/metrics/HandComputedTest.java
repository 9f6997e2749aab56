package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

/** Small cases worked out by hand, degenerate masks, and the distance transform against brute force. */
class HandComputedTest {

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    /** Logits whose arg-max is {@code labels}: one-hot, shape {@code [N, C, *spatial]}. */
    static Tensor oneHot(int[] labels, int classes, long... shape) {
        int n = (int) shape[0];
        int positions = labels.length / n;
        float[] logits = new float[n * classes * positions];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < positions; p++) {
                logits[(i * classes + labels[i * positions + p]) * positions + p] = 1f;
            }
        }
        long[] full = new long[shape.length + 1];
        full[0] = n;
        full[1] = classes;
        System.arraycopy(shape, 1, full, 2, shape.length - 1);
        return Tensors.fromFloats(logits, full);
    }

    static Tensor labels(int[] values, long... shape) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return Tensors.fromLongs(longs, shape);
    }

    static Map<String, Double> run(Metric metric, Tensor output, Tensor target) {
        metric.update(output, target);
        return metric.compute();
    }

    @Test
    void binaryAurocCountsTiedPairsAsHalf() {
        try (StepScope scope = new StepScope()) {
            Tensor scores = Tensors.fromFloats(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, 4);
            assertThat(run(new Auroc(new Auroc.Params(2)), scores, labels(new int[] {0, 0, 1, 1}, 4)).get("auroc"))
                    .isEqualTo(0.75);
            // positives {0.5, 0.9}, negatives {0.5, 0.5}: two tied pairs (1/2 each) and two wins -> 3/4
            Tensor tied = Tensors.fromFloats(new float[] {0.5f, 0.5f, 0.5f, 0.9f}, 4);
            assertThat(run(new Auroc(new Auroc.Params(2)), tied, labels(new int[] {0, 1, 0, 1}, 4)).get("auroc"))
                    .isEqualTo(0.75);
            Tensor flat = Tensors.fromFloats(new float[] {1, 1, 1, 1}, 4);
            assertThat(run(new Auroc(new Auroc.Params(2)), flat, labels(new int[] {0, 1, 0, 1}, 4)).get("auroc"))
                    .isEqualTo(0.5);
        }
    }

    @Test
    void aurocOfAClassWithoutPositivesIsNaNAndLeftOutOfTheMacroMean() {
        try (StepScope scope = new StepScope()) {
            // class 2 never occurs; class 0 and 1 perfectly separated by their own logit
            Tensor logits = Tensors.fromFloats(new float[] {3, 0, 0, 0, 3, 0, 2, 1, 0, 1, 2, 0}, 4, 3);
            Map<String, Double> v = run(new Auroc(new Auroc.Params(3)), logits, labels(new int[] {0, 1, 0, 1}, 4));
            assertThat(v.get("auroc/class_0")).isEqualTo(1.0);
            assertThat(v.get("auroc/class_1")).isEqualTo(1.0);
            assertThat(v.get("auroc/class_2")).isNaN();
            assertThat(v.get("auroc/macro")).isEqualTo(1.0);
        }
    }

    @Test
    void f1PrecisionRecallByHand() {
        try (StepScope scope = new StepScope()) {
            int[] targets = {0, 0, 1, 1, 2, 2};
            int[] predicted = {0, 1, 1, 1, 2, 0};
            Map<String, Double> f1 = run(new F1(new ClassCountParams(3)), oneHot(predicted, 3, 6),
                    labels(targets, 6));
            // class 0: TP 1, FP 1, FN 1 -> 2/4; class 1: TP 2, FP 1 -> 4/5; class 2: TP 1, FN 1 -> 2/3
            assertThat(f1.get("f1/class_0")).isEqualTo(0.5);
            assertThat(f1.get("f1/class_1")).isEqualTo(0.8);
            assertThat(f1.get("f1/class_2")).isCloseTo(2.0 / 3, within(1e-15));
            assertThat(f1.get("f1/macro")).isCloseTo((0.5 + 0.8 + 2.0 / 3) / 3, within(1e-15));
            assertThat(f1.get("f1/micro")).isCloseTo(4.0 / 6, within(1e-15));
            Map<String, Double> p = run(new Precision(new ClassCountParams(3)), oneHot(predicted, 3, 6),
                    labels(targets, 6));
            assertThat(p.get("precision/class_1")).isCloseTo(2.0 / 3, within(1e-15));
            assertThat(p.get("precision/class_2")).isEqualTo(1.0);
            Map<String, Double> r = run(new Recall(new ClassCountParams(3)), oneHot(predicted, 3, 6),
                    labels(targets, 6));
            assertThat(r.get("recall/class_1")).isEqualTo(1.0);
            assertThat(r.get("recall/macro")).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-15));
            ConfusionMatrix cm = new ConfusionMatrix(new ClassCountParams(3));
            cm.update(oneHot(predicted, 3, 6), labels(targets, 6));
            assertThat(cm.matrix()).isEqualTo(new long[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}});
        }
    }

    @Test
    void topKCountsTiesInTheTargetsFavour() {
        try (StepScope scope = new StepScope()) {
            Tensor logits = Tensors.fromFloats(new float[] {1, 2, 3, 2, 2, 2, 0, 5, 1}, 3, 3);
            Map<String, Double> v = run(new TopKAccuracy(new TopKAccuracy.Params(1)), logits,
                    labels(new int[] {2, 0, 2}, 3));
            // sample 0: target is the max; sample 1: all tied; sample 2: target 2 is second
            assertThat(v.get("top_k_accuracy")).isCloseTo(2.0 / 3, within(1e-15));
        }
    }

    @Test
    void surfaceDistancesOfShiftedSquaresByHand() {
        // 5 x 5, target square rows 1-3 cols 1-3, prediction shifted one column right: each surface has 8
        // voxels, 4 of them at distance 0 and 4 at distance 1 from the other surface
        int[] target = new int[25];
        int[] predicted = new int[25];
        for (int r = 1; r <= 3; r++) {
            for (int c = 1; c <= 3; c++) {
                target[r * 5 + c] = 1;
                predicted[r * 5 + c + 1] = 1;
            }
        }
        try (StepScope scope = new StepScope()) {
            Map<String, Double> hd = run(new Hausdorff95(new SurfaceParams(2, List.of(), false)),
                    oneHot(predicted, 2, 1, 5, 5), labels(target, 1, 5, 5));
            assertThat(hd.get("hd95/mean")).isEqualTo(1.0);
            Map<String, Double> assd = run(new Assd(new SurfaceParams(2, List.of(), false)),
                    oneHot(predicted, 2, 1, 5, 5), labels(target, 1, 5, 5));
            assertThat(assd.get("assd/mean")).isEqualTo(0.5);
        }
    }

    @Test
    void singleVoxelObjectsUseTheSpacing() {
        int[] target = new int[25];
        int[] predicted = new int[25];
        target[2 * 5 + 2] = 1;
        predicted[2 * 5 + 4] = 1;
        try (StepScope scope = new StepScope()) {
            // two columns apart, columns 2.0 wide: distance 4
            SurfaceParams params = new SurfaceParams(2, List.of(1.0, 2.0), false);
            assertThat(run(new Hausdorff95(params), oneHot(predicted, 2, 1, 5, 5), labels(target, 1, 5, 5))
                    .get("hd95/class_1")).isEqualTo(4.0);
            assertThat(run(new Assd(params), oneHot(predicted, 2, 1, 5, 5), labels(target, 1, 5, 5))
                    .get("assd/class_1")).isEqualTo(4.0);
        }
    }

    @Test
    void emptyMasksHaveTheDocumentedValues() {
        int[] empty = new int[25];
        int[] object = new int[25];
        object[7] = 1;
        object[8] = 1;
        SurfaceParams params = new SurfaceParams(2, List.of(1.0, 2.0), false);
        double diagonal = Math.sqrt(5 * 5 + 10 * 10);
        try (StepScope scope = new StepScope()) {
            assertThat(run(new Hausdorff95(params), oneHot(empty, 2, 1, 5, 5), labels(empty, 1, 5, 5))
                    .get("hd95/mean")).isEqualTo(0.0);
            assertThat(run(new Assd(params), oneHot(empty, 2, 1, 5, 5), labels(object, 1, 5, 5))
                    .get("assd/mean")).isEqualTo(diagonal);
            assertThat(run(new Hausdorff95(params), oneHot(object, 2, 1, 5, 5), labels(empty, 1, 5, 5))
                    .get("hd95/mean")).isEqualTo(diagonal);
            Map<String, Double> dice = run(new Dice(new SegmentationParams(2, false)), oneHot(empty, 2, 1, 5, 5),
                    labels(empty, 1, 5, 5));
            assertThat(dice.get("dice/mean")).isEqualTo(1.0);
            Map<String, Double> iou = run(new Iou(new SegmentationParams(2, true)), oneHot(empty, 2, 1, 5, 5),
                    labels(empty, 1, 5, 5));
            assertThat(iou.get("iou/class_0")).isEqualTo(1.0);
            assertThat(iou.get("iou/class_1")).isEqualTo(1.0);
            Dice missed = new Dice(new SegmentationParams(2, false));
            assertThat(run(missed, oneHot(empty, 2, 1, 5, 5), labels(object, 1, 5, 5)).get("dice/mean")).isEqualTo(0.0);
        }
    }

    @Test
    void perplexityAndBitsPerCharacterOfAUniformModel() {
        try (StepScope scope = new StepScope()) {
            Tensor uniform = Tensors.fromFloats(new float[4 * 8], 4, 8);
            Tensor targets = labels(new int[] {1, 7, 3, 0}, 4);
            assertThat(run(new Perplexity(new TokenParams(-100)), uniform, targets).get("perplexity"))
                    .isCloseTo(8.0, within(1e-12));
            assertThat(run(new BitsPerCharacter(new TokenParams(-100)), uniform, targets).get("bpc"))
                    .isCloseTo(3.0, within(1e-12));
            Tensor ignored = Tensors.fromLongs(new long[] {-100, -100, -100, -100}, 4);
            assertThat(run(new Perplexity(new TokenParams(-100)), uniform, ignored).get("perplexity")).isNaN();
        }
    }

    @Test
    void distanceTransformMatchesBruteForce() {
        Random random = new Random(11);
        for (int[] dims : new int[][] {{9, 13}, {1, 7}, {5, 6, 7}, {3, 1, 4}}) {
            int size = 1;
            for (int d : dims) {
                size *= d;
            }
            double[] spacing = new double[dims.length];
            for (int a = 0; a < dims.length; a++) {
                spacing[a] = 0.3 + random.nextDouble() * 2;
            }
            for (int trial = 0; trial < 20; trial++) {
                boolean[] from = new boolean[size];
                boolean[] to = new boolean[size];
                double density = 0.02 + random.nextDouble() * 0.5;
                for (int i = 0; i < size; i++) {
                    from[i] = random.nextDouble() < density;
                    to[i] = random.nextDouble() < density;
                }
                if (SurfaceDistances.count(to) == 0) {
                    to[random.nextInt(size)] = true;
                }
                assertThat(SurfaceDistances.directed(from, to, dims, spacing))
                        .containsExactly(SurfaceDistances.bruteForce(from, to, dims, spacing), within(1e-9));
            }
        }
    }

    @Test
    void surfaceIsTheBoundaryOfTheMask() {
        boolean[] mask = new boolean[25];
        for (int r = 1; r <= 3; r++) {
            for (int c = 0; c <= 3; c++) {
                mask[r * 5 + c] = true;
            }
        }
        boolean[] surface = SurfaceDistances.surface(mask, new int[] {5, 5});
        // the interior voxels (2,1) and (2,2) are not on the surface; (2,0) touches the volume's edge
        assertThat(SurfaceDistances.count(surface)).isEqualTo(10);
        assertThat(surface[2 * 5 + 1]).isFalse();
        assertThat(surface[2 * 5 + 2]).isFalse();
        assertThat(surface[2 * 5]).isTrue();
    }

    @Test
    void mergingDifferentMetricsOrParametersIsRejected() {
        assertThatThrownBy(() -> new F1(new ClassCountParams(3)).merge(new Precision(new ClassCountParams(3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new F1(new ClassCountParams(3)).merge(new F1(new ClassCountParams(4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different parameters");
    }
}
