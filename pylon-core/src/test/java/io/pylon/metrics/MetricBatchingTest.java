package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.testing.TestComponents;

/**
 * Every metric gives the whole-set value under any batching (1, 7 and 64 samples, ragged last batch), after
 * merging metrics fed disjoint parts, and after a state round trip: equal to 1e-12 for counts-based metrics,
 * 1e-9 for the others.
 */
class MetricBatchingTest {

    private static final double COUNTS = 1e-12;
    private static final double OTHER = 1e-9;

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    record Case(String label, Supplier<Metric> metric, MetricData data, double tolerance) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> cases() {
        MetricData cls = MetricData.classification(1, 150, 5);
        MetricData seg2 = MetricData.segmentation(2, 70, 3, 12, 10);
        MetricData seg3 = MetricData.segmentation(3, 66, 3, 6, 7, 5);
        return Stream.of(
                new Case("accuracy", Accuracy::new, cls, COUNTS),
                new Case("top_k", () -> new TopKAccuracy(new TopKAccuracy.Params(2)), cls, COUNTS),
                new Case("confusion", () -> new ConfusionMatrix(new ClassCountParams(5)), cls, COUNTS),
                new Case("precision", () -> new Precision(new ClassCountParams(5)), cls, COUNTS),
                new Case("recall", () -> new Recall(new ClassCountParams(5)), cls, COUNTS),
                new Case("f1", () -> new F1(new ClassCountParams(5)), cls, COUNTS),
                new Case("auroc ovr", () -> new Auroc(new Auroc.Params(5)), cls, COUNTS),
                new Case("auroc binary [N]", () -> new Auroc(new Auroc.Params(2)), MetricData.binaryScores(4, 130),
                        COUNTS),
                new Case("auroc binary [N,2]", () -> new Auroc(new Auroc.Params(2)),
                        MetricData.classification(5, 140, 2), COUNTS),
                new Case("dice 2d", () -> new Dice(new SegmentationParams(3, false)), seg2, COUNTS),
                new Case("iou 3d", () -> new Iou(new SegmentationParams(3, true)), seg3, COUNTS),
                new Case("hd95 2d", () -> new Hausdorff95(new SurfaceParams(3, List.of(0.5, 1.25), false)), seg2,
                        OTHER),
                new Case("assd 3d", () -> new Assd(new SurfaceParams(3, List.of(2.0, 0.7, 1.0), true)), seg3,
                        OTHER),
                new Case("perplexity", () -> new Perplexity(new TokenParams(-100)), MetricData.tokens(6, 90, 7, 9),
                        OTHER),
                new Case("bpc", () -> new BitsPerCharacter(new TokenParams(-100)), MetricData.tokens(7, 90, 7, 9),
                        OTHER))
                .map(Arguments::of);
    }

    static Metric feed(Supplier<Metric> factory, MetricData data, int from, int to, int batch, boolean indices) {
        Metric m = factory.get();
        for (int start = from; start < to; start += batch) {
            int end = Math.min(to, start + batch);
            try (StepScope scope = new StepScope()) {
                if (indices) {
                    m.update(data.output(start, end), data.target(start, end), data.indices(start, end));
                } else {
                    m.update(data.output(start, end), data.target(start, end));
                }
            }
        }
        return m;
    }

    static void assertClose(Map<String, Double> actual, Map<String, Double> expected, double tolerance) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, value) -> {
            assertThat(value).as(key + " is a number").isNotNaN();
            assertThat(actual.get(key)).as(key).isCloseTo(value, within(tolerance));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anyBatchingGivesTheWholeSetValue(Case c) {
        int n = c.data().samples();
        Map<String, Double> whole = feed(c.metric(), c.data(), 0, n, n, false).compute();
        for (int batch : new int[] {1, 7, 64}) {
            Metric m = feed(c.metric(), c.data(), 0, n, batch, true);
            assertClose(m.compute(), whole, c.tolerance());
            if (m instanceof PerSampleScores p) {
                Metric single = feed(c.metric(), c.data(), 0, n, n, true);
                assertThat(p.perSample()).isEqualTo(((PerSampleScores) single).perSample());
                assertThat(p.perSample()).hasSize(n);
                assertThat(p.perSample().firstKey()).isEqualTo(1000L);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergingPartsEqualsFeedingEverything(Case c) {
        int n = c.data().samples();
        Map<String, Double> whole = feed(c.metric(), c.data(), 0, n, 7, true).compute();
        Metric a = feed(c.metric(), c.data(), 0, n / 3, 5, true);
        Metric b = feed(c.metric(), c.data(), n / 3, n, 64, true);
        a.merge(b);
        assertClose(a.compute(), whole, c.tolerance());
        if (a instanceof PerSampleScores p) {
            assertThat(p.perSample()).hasSize(n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateRoundTripResumesMidway(Case c) {
        int n = c.data().samples();
        Map<String, Double> whole = feed(c.metric(), c.data(), 0, n, 7, false).compute();
        Metric first = feed(c.metric(), c.data(), 0, n / 2, 7, false);
        Metric resumed = c.metric().get();
        resumed.loadState(first.state().clone());
        try (StepScope scope = new StepScope()) {
            resumed.update(c.data().output(n / 2, n), c.data().target(n / 2, n));
        }
        assertClose(resumed.compute(), whole, c.tolerance());
        resumed.reset();
        assertThat(resumed.compute().values()).allMatch(v -> v.isNaN());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void directionsAgreeWithTheRegistry(Case c) {
        Metric m = c.metric().get();
        for (String key : feed(c.metric(), c.data(), 0, 10, 10, false).compute().keySet()) {
            assertThat(key).startsWith(m.name());
            assertThat(TestComponents.directions().of("val/" + key)).as(key).isEqualTo(m.direction(key));
        }
    }
}
