package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;

class AsyncMetricBufferTest {

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    /** Records the first sample index of every batch and the threads it ran on; can block or fail on demand. */
    private static final class Probe implements Metric {
        final List<Long> firstIndices = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        final CountDownLatch release;
        final CountDownLatch entered = new CountDownLatch(1);
        final int failOnBatch;
        int batches;

        Probe(CountDownLatch release, int failOnBatch) {
            this.release = release;
            this.failOnBatch = failOnBatch;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }

        @Override
        public void update(Tensor output, Tensor target) {
            update(output, target, new long[] {-1});
        }

        @Override
        public void update(Tensor output, Tensor target, long[] indices) {
            threads.add(Thread.currentThread().getName());
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            batches++;
            if (batches == failOnBatch) {
                throw new IllegalStateException("probe failure on batch " + batches);
            }
            firstIndices.add(indices[0]);
        }

        @Override
        public Map<String, Double> compute() {
            return Map.of("probe", (double) batches);
        }

        @Override
        public void reset() {
            batches = 0;
            firstIndices.clear();
        }

        @Override
        public void merge(Metric other) {
            batches += ((Probe) other).batches;
        }

        @Override
        public double[] state() {
            return new double[] {batches};
        }

        @Override
        public void loadState(double[] state) {
            batches = (int) state[0];
        }
    }

    private static List<Metric> segmentationMetrics() {
        return List.of(new Accuracy(), new F1(new ClassCountParams(3)), new Dice(new SegmentationParams(3, false)),
                new Hausdorff95(new SurfaceParams(3, List.of(), false)));
    }

    @Test
    void asynchronousResultsEqualSynchronousOnesAndNoTensorIsRetained() {
        MetricData data = MetricData.segmentation(5, 50, 3, 10, 9);
        List<Metric> sync = segmentationMetrics();
        for (int start = 0; start < 50; start += 7) {
            int end = Math.min(50, start + 7);
            try (StepScope scope = new StepScope()) {
                for (Metric m : sync) {
                    m.update(data.output(start, end), data.target(start, end), data.indices(start, end));
                }
            }
        }
        System.gc();
        long countBefore = Pointer.totalCount();
        try (AsyncMetricBuffer buffer = new AsyncMetricBuffer(segmentationMetrics(), 3)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                // submitted from inside the training step's scope, as the trainer does
                for (int start = 0; start < 50; start += 7) {
                    int end = Math.min(50, start + 7);
                    try (StepScope scope = new StepScope()) {
                        buffer.submit(data.output(start, end), data.target(start, end), data.indices(start, end));
                    }
                }
                Map<String, Double> values = buffer.flush();
                assertThat(buffer.retainedTensors()).isZero();
                assertThat(buffer.pending()).isZero();
                Map<String, Double> expected = new LinkedHashMap<>();
                sync.forEach(m -> expected.putAll(m.compute()));
                assertThat(values).isEqualTo(expected);
                Map<String, Map<Long, Double>> perSample = buffer.perSample();
                assertThat(perSample.keySet()).containsExactly("dice/mean", "hd95/mean");
                assertThat(perSample.get("dice/mean")).isEqualTo(((Dice) sync.get(2)).perSample());
                assertThat(new ArrayList<>(perSample.get("hd95/mean").keySet())).isSorted().hasSize(50);
                buffer.reset();
            }
        }
        System.gc();
        // pointers left by earlier tests may be collected meanwhile, so the count can only be bounded from above
        assertThat(Pointer.totalCount()).as("JavaCPP pointers alive after flush and close")
                .isLessThanOrEqualTo(countBefore);
    }

    @Test
    void manySmallBatchesThroughATinyQueueGiveTheSynchronousResult() {
        MetricData data = MetricData.segmentation(9, 300, 3, 6, 5);
        List<Metric> sync = List.of(new Accuracy(), new Dice(new SegmentationParams(3, true)));
        try (StepScope scope = new StepScope()) {
            for (Metric m : sync) {
                m.update(data.output(0, 300), data.target(0, 300), data.indices(0, 300));
            }
        }
        try (AsyncMetricBuffer buffer = new AsyncMetricBuffer(
                List.of(new Accuracy(), new Dice(new SegmentationParams(3, true))), 1)) {
            for (int i = 0; i < 300; i++) {
                try (StepScope scope = new StepScope()) {
                    buffer.submit(data.output(i, i + 1), data.target(i, i + 1), data.indices(i, i + 1));
                }
                assertThat(buffer.retainedTensors()).isLessThanOrEqualTo(2 * 2);
            }
            Map<String, Double> expected = new LinkedHashMap<>(sync.get(0).compute());
            expected.putAll(sync.get(1).compute());
            assertThat(buffer.flush()).isEqualTo(expected);
            assertThat(buffer.perSample().get("dice/mean")).isEqualTo(((Dice) sync.get(1)).perSample());
            assertThat(buffer.retainedTensors()).isZero();
        }
    }

    @Test
    void aFullQueueBlocksTheSubmitter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Probe probe = new Probe(release, 0);
        MetricData data = MetricData.classification(1, 20, 3);
        try (AsyncMetricBuffer buffer = new AsyncMetricBuffer(List.of(probe), 2)) {
            try (StepScope scope = new StepScope()) {
                buffer.submit(data.output(0, 1), data.target(0, 1), new long[] {0});
            }
            assertThat(probe.entered.await(10, TimeUnit.SECONDS)).isTrue();
            // one batch in the metric thread, two fill the queue
            for (int i = 1; i <= 2; i++) {
                try (StepScope scope = new StepScope()) {
                    buffer.submit(data.output(i, i + 1), data.target(i, i + 1), new long[] {i});
                }
            }
            AtomicBoolean fourthDone = new AtomicBoolean();
            Thread submitter = Thread.ofPlatform().start(() -> {
                try (StepScope scope = new StepScope()) {
                    buffer.submit(data.output(3, 4), data.target(3, 4), new long[] {3});
                }
                fourthDone.set(true);
            });
            submitter.join(300);
            assertThat(fourthDone).as("submit to a full queue returns").isFalse();
            assertThat(buffer.retainedTensors()).isLessThanOrEqualTo(2 * 4);
            release.countDown();
            submitter.join(10_000);
            assertThat(fourthDone).isTrue();
            assertThat(buffer.flush()).containsEntry("probe", 4.0);
            assertThat(probe.firstIndices).containsExactly(0L, 1L, 2L, 3L);
            assertThat(probe.threads).containsExactly("pylon-metrics");
            assertThat(buffer.retainedTensors()).isZero();
        }
    }

    @Test
    void aMetricFailureSurfacesAtTheNextSubmitOrFlush() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        Probe probe = new Probe(open, 2);
        MetricData data = MetricData.classification(1, 20, 3);
        try (AsyncMetricBuffer buffer = new AsyncMetricBuffer(List.of(probe), 4)) {
            for (int i = 0; i < 5; i++) {
                try (StepScope scope = new StepScope()) {
                    buffer.submit(data.output(i, i + 1), data.target(i, i + 1), new long[] {i});
                } catch (AsyncMetricBuffer.MetricThreadException e) {
                    // a submit after the failure may already see it; flush must in any case
                    assertThat(e).hasRootCauseMessage("probe failure on batch 2");
                    break;
                }
            }
            assertThatThrownBy(buffer::flush).isInstanceOf(AsyncMetricBuffer.MetricThreadException.class)
                    .hasRootCauseMessage("probe failure on batch 2");
            assertThat(buffer.retainedTensors()).isZero();
            try (StepScope scope = new StepScope()) {
                assertThatThrownBy(() -> buffer.submit(data.output(0, 1), data.target(0, 1)))
                        .isInstanceOf(AsyncMetricBuffer.MetricThreadException.class);
            }
            buffer.reset();
            try (StepScope scope = new StepScope()) {
                buffer.submit(data.output(0, 1), data.target(0, 1), new long[] {7});
            }
            assertThat(buffer.flush()).containsEntry("probe", 1.0);
        }
    }

    @Test
    void closeAppliesWhatIsQueuedAndStopsTheThread() {
        MetricData data = MetricData.classification(1, 64, 4);
        Accuracy accuracy = new Accuracy();
        AsyncMetricBuffer buffer = new AsyncMetricBuffer(List.of(accuracy), 2);
        for (int start = 0; start < 64; start += 8) {
            try (StepScope scope = new StepScope()) {
                buffer.submit(data.output(start, start + 8), data.target(start, start + 8));
            }
        }
        buffer.close();
        assertThat(buffer.retainedTensors()).isZero();
        Accuracy direct = new Accuracy();
        try (StepScope scope = new StepScope()) {
            direct.update(data.output(0, 64), data.target(0, 64));
        }
        assertThat(accuracy.compute()).isEqualTo(direct.compute());
        try (StepScope scope = new StepScope()) {
            assertThatThrownBy(() -> buffer.submit(data.output(0, 1), data.target(0, 1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
