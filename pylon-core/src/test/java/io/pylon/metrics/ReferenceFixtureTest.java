package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.Origin;
import io.pylon.config.YamlReader;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

/**
 * Values from scikit-learn 1.2 and SciPy 1.10 (Debian packages), written by {@code bench/metrics/make_fixtures.py}
 * into {@code metrics/reference_fixtures.json}: precision/recall/F1 (macro, micro, per class), confusion-matrix
 * recall, AUROC (one-vs-rest and binary, with ties), top-k accuracy, Dice, HD95 and ASSD (SciPy's exact EDT with
 * spacing, 2D and 3D, with empty, all-background and single-voxel cases), perplexity and bits per character.
 */
class ReferenceFixtureTest {

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    record Fixture(String name, String metric, long[] shape, float[] logits, long[] targets,
            Map<String, Double> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> fixtures() throws IOException {
        try (InputStream in = ReferenceFixtureTest.class.getResourceAsStream("/metrics/reference_fixtures.json")) {
            Map<String, Object> root = new ObjectMapper().readValue(in, Map.class);
            List<Map<String, Object>> cases = (List<Map<String, Object>>) root.get("cases");
            return cases.stream().map(c -> {
                List<Number> logits = (List<Number>) c.get("logits");
                float[] values = new float[logits.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = logits.get(i).floatValue();
                }
                long[] shape = ((List<Number>) c.get("shape")).stream().mapToLong(Number::longValue).toArray();
                long[] targets = ((List<Number>) c.get("targets")).stream().mapToLong(Number::longValue).toArray();
                Map<String, Double> expected = new LinkedHashMap<>();
                ((Map<String, Number>) c.get("expected")).forEach((k, v) -> expected.put(k, v.doubleValue()));
                return Arguments.of(new Fixture((String) c.get("name"), (String) c.get("metric"), shape, values,
                        targets, expected));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesTheReference(Fixture f) {
        ConfigNode item = YamlReader.readValue(f.metric(), Origin.file("fixture.yaml", 1));
        Metric metric = TestComponents.metrics(new ListNode(List.of(item), Origin.file("fixture.yaml", 1))).get(0);
        long[] targetShape = new long[f.shape().length - (f.shape().length == 1 ? 0 : 1)];
        targetShape[0] = f.shape()[0];
        System.arraycopy(f.shape(), 2 <= f.shape().length ? 2 : 1, targetShape, 1, targetShape.length - 1);
        int n = (int) f.shape()[0];
        int perSample = f.logits().length / n;
        int perTarget = f.targets().length / n;
        for (int start = 0; start < n; start += 7) {
            int end = Math.min(n, start + 7);
            long[] shape = f.shape().clone();
            shape[0] = end - start;
            long[] tShape = targetShape.clone();
            tShape[0] = end - start;
            try (StepScope scope = new StepScope()) {
                metric.update(
                        Tensors.fromFloats(Arrays.copyOfRange(f.logits(), start * perSample, end * perSample),
                                shape),
                        Tensors.fromLongs(Arrays.copyOfRange(f.targets(), start * perTarget, end * perTarget),
                                tShape));
            }
        }
        Map<String, Double> values = metric.compute();
        f.expected().forEach((key, value) -> assertThat(values.get(key)).as(key).isCloseTo(value, within(1e-9)));
    }
}
