package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.engine.Engine;

/**
 * Compares every loss with reference values and gradients computed independently by
 * {@code bench/criteria/make_fixtures.py} (PyTorch 1.13's torch.nn.functional, and hand-written formulas for
 * Dice, Tversky, focal Tversky, focal and top-k), stored in {@code criteria/reference_losses.json}. The params of
 * each case are bound from YAML through {@link Criteria#create}.
 */
class ReferenceFixtureTest {

    private static final String RESOURCE = "/criteria/reference_losses.json";

    @BeforeAll
    static void start() {
        Engine.start();
    }

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ReferenceFixtureTest.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out.stream();
        }
    }

    private static long[] shape(JsonNode tensor) {
        long[] shape = new long[tensor.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.get("shape").get(i).asLong();
        }
        return shape;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static Tensor tensor(JsonNode tensor) {
        double[] data = doubles(tensor.get("data"));
        if (tensor.get("dtype") != null && tensor.get("dtype").asText().equals("long")) {
            long[] longs = new long[data.length];
            for (int i = 0; i < data.length; i++) {
                longs[i] = (long) data[i];
            }
            return LossTesting.longs(longs, shape(tensor));
        }
        return LossTesting.doubles(data, shape(tensor));
    }

    @Test
    void fixtureCoversEveryRegisteredLoss() throws IOException {
        List<String> covered = cases().map(c -> c.get("loss").asText()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(SingleOutputLosses.NAMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheIndependentReference(JsonNode c) {
        Criterion criterion = LossTesting.fromYaml(c.get("loss").asText(), c.get("params").toString());
        Tensor output = tensor(c.get("output"));
        Tensor target = tensor(c.get("target"));
        double expected = c.get("expected").asDouble();

        assertThat(LossTesting.value(criterion, output, target))
                .as(c.get("name").asText()).isCloseTo(expected, within(1e-10 * Math.max(1, Math.abs(expected))));
        double[] grad = LossTesting.autogradGradient(criterion, output, target);
        double[] reference = doubles(c.get("grad"));
        assertThat(grad).hasSameSizeAs(reference);
        for (int i = 0; i < grad.length; i++) {
            assertThat(grad[i]).as("%s grad[%d]", c.get("name").asText(), i).isCloseTo(reference[i], within(1e-10));
        }
    }
}
