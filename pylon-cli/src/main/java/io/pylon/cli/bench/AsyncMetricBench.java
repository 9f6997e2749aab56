package io.pylon.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.AdamWOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.metrics.Accuracy;
import io.pylon.metrics.AsyncMetricBuffer;
import io.pylon.metrics.ClassCountParams;
import io.pylon.metrics.ConfusionMatrix;
import io.pylon.metrics.Dice;
import io.pylon.metrics.F1;
import io.pylon.metrics.Hausdorff95;
import io.pylon.metrics.Metric;
import io.pylon.metrics.SegmentationParams;
import io.pylon.metrics.SurfaceParams;
import io.pylon.models.Cnn;
import io.pylon.models.CnnParams;

/**
 * Times a training step with its metrics updated synchronously (in the step) against the same step handing them to
 * an {@link AsyncMetricBuffer}. The step is the default {@code cnn} on a 64 x 1 x 28 x 28 batch (forward,
 * cross-entropy, backward, libtorch AdamW). Two metric loads: {@code accuracy + f1 + confusion_matrix} on the
 * step's 64 x 10 logits, and the same plus {@code dice + hd95} on a 16 x 3 x 48 x 48 segmentation batch. Each
 * "epoch" of steps ends with a flush, which is timed. Sync and async alternate in blocks; the figure is the median
 * block mean, in ms per step.
 *
 * <p>Run as {@code pylon bench metrics [--steps 30] [--blocks 3] [--threads N]}.
 */
final class AsyncMetricBench {

    private static final int BATCH = 64;
    private static final int CLASSES = 10;

    private AsyncMetricBench() {
    }

    /** One configuration's result. */
    public record Result(String load, double syncMsPerStep, double asyncMsPerStep, double metricsOnlyMsPerStep) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-50s sync %8.2f ms/step  async %8.2f ms/step  async/sync %.3f"
                    + "  (metric updates alone %.2f ms/step)", load, syncMsPerStep, asyncMsPerStep,
                    asyncMsPerStep / syncMsPerStep, metricsOnlyMsPerStep);
        }
    }

    private record Segmentation(Tensor logits, Tensor labels) {
    }

    /** Prints both loads' figures; the engine must be started (with the thread count to measure). */
    static void report(int steps, int blocks) {
        System.out.printf(Locale.ROOT, "intra-op threads %d, cores %d, %d steps per block, %d blocks%n",
                Engine.intraOpThreads(), Runtime.getRuntime().availableProcessors(), steps, blocks);
        Supplier<List<Metric>> classification = () -> List.of(new Accuracy(), new F1(new ClassCountParams(CLASSES)),
                new ConfusionMatrix(new ClassCountParams(CLASSES)));
        Supplier<List<Metric>> segmentation = () -> List.of(new Dice(new SegmentationParams(3, false)),
                new Hausdorff95(new SurfaceParams(3, List.of(), false)));
        // untimed pass: JIT, libtorch's allocator and kernels warm up before any figure is taken
        run("warm-up", classification, segmentation, 5, 1);
        System.out.println(run("cnn step + accuracy, f1, confusion_matrix", classification, null, steps, blocks));
        System.out.println(run("cnn step + the above + dice, hd95 on 16x3x48x48", classification, segmentation,
                steps, blocks));
    }

    static Result run(String load, Supplier<List<Metric>> classification, Supplier<List<Metric>> segmentation,
            int steps, int blocks) {
        Cnn model = new Cnn(CnnParams.defaults(), new DataSpec(new long[] {1, 28, 28}, CLASSES));
        model.train(true);
        AdamW optimizer = new AdamW(model.parameters(), new AdamWOptions(1e-3));
        Random random = new Random(3);
        Tensor inputs = Tensors.fromFloats(gaussian(random, BATCH * 28 * 28), BATCH, 1, 28, 28);
        long[] labels = new long[BATCH];
        Arrays.setAll(labels, i -> random.nextInt(CLASSES));
        Tensor targets = Tensors.fromLongs(labels, BATCH);
        Segmentation seg = segmentation == null ? null : segmentationBatch(random);
        // warm-up, both ways
        block(model, optimizer, inputs, targets, seg, classification, segmentation, 3, false);
        block(model, optimizer, inputs, targets, seg, classification, segmentation, 3, true);
        double[] sync = new double[blocks];
        double[] async = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            sync[b] = block(model, optimizer, inputs, targets, seg, classification, segmentation, steps, false);
            async[b] = block(model, optimizer, inputs, targets, seg, classification, segmentation, steps, true);
        }
        Tensor logits;
        try (StepScope scope = new StepScope()) {
            logits = scope.keep(model.forward(inputs).detach());
        }
        double[] alone = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            List<Metric> cls = classification.get();
            List<Metric> segMetrics = segmentation == null ? List.of() : segmentation.get();
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                try (StepScope scope = new StepScope()) {
                    cls.forEach(m -> m.update(logits, targets));
                    if (seg != null) {
                        segMetrics.forEach(m -> m.update(seg.logits(), seg.labels()));
                    }
                }
            }
            alone[b] = (System.nanoTime() - start) / 1e6 / steps;
        }
        logits.close();
        return new Result(load, median(sync), median(async), median(alone));
    }

    /** Mean ms per step over {@code steps} steps and the closing flush. */
    private static double block(Cnn model, AdamW optimizer, Tensor inputs, Tensor targets, Segmentation seg,
            Supplier<List<Metric>> classification, Supplier<List<Metric>> segmentation, int steps, boolean async) {
        List<Metric> cls = classification.get();
        List<Metric> segMetrics = segmentation == null ? List.of() : segmentation.get();
        long start = System.nanoTime();
        Map<String, Double> values;
        if (async) {
            try (AsyncMetricBuffer clsBuffer = new AsyncMetricBuffer(cls, 8);
                    AsyncMetricBuffer segBuffer = new AsyncMetricBuffer(segMetrics, 8)) {
                for (int s = 0; s < steps; s++) {
                    try (StepScope scope = new StepScope()) {
                        Tensor logits = step(model, optimizer, inputs, targets);
                        clsBuffer.submit(logits, targets);
                        if (seg != null) {
                            segBuffer.submit(seg.logits(), seg.labels());
                        }
                    }
                }
                values = clsBuffer.flush();
                values.putAll(segBuffer.flush());
            }
        } else {
            for (int s = 0; s < steps; s++) {
                try (StepScope scope = new StepScope()) {
                    Tensor logits = step(model, optimizer, inputs, targets).detach();
                    cls.forEach(m -> m.update(logits, targets));
                    if (seg != null) {
                        segMetrics.forEach(m -> m.update(seg.logits(), seg.labels()));
                    }
                }
            }
            values = new LinkedHashMap<>();
            for (Metric m : cls) {
                values.putAll(m.compute());
            }
            for (Metric m : segMetrics) {
                values.putAll(m.compute());
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / steps;
        if (values.isEmpty()) {
            throw new IllegalStateException("no metric values");
        }
        return ms;
    }

    private static Tensor step(Cnn model, AdamW optimizer, Tensor inputs, Tensor targets) {
        Tensor logits = model.forward(inputs);
        torch.cross_entropy(logits, targets).backward();
        optimizer.step();
        optimizer.zero_grad();
        return logits;
    }

    private static Segmentation segmentationBatch(Random random) {
        int n = 16;
        int side = 48;
        float[] logits = gaussian(random, n * 3 * side * side);
        long[] labels = new long[n * side * side];
        for (int i = 0; i < n; i++) {
            int cx = 10 + random.nextInt(28);
            int cy = 10 + random.nextInt(28);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    int label = d2 < 36 ? 2 : d2 < 100 ? 1 : 0;
                    labels[(i * side + y) * side + x] = label;
                    logits[((i * 3 + label) * side + y) * side + x] += 1.5f;
                }
            }
        }
        return new Segmentation(Tensors.fromFloats(logits, n, 3, side, side), Tensors.fromLongs(labels, n, side, side));
    }

    private static float[] gaussian(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
