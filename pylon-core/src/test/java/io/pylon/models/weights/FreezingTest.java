package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.NamedParameter;
import io.pylon.optim.ParamGroup;
import io.pylon.optim.ParameterGrouping;

class FreezingTest {

    private static final OptimConfig PLAIN_SGD = OptimConfig.of("sgd", 0.5).withSgd(0.0, 0.0, false);

    private static Map<String, float[]> snapshot(Mlp model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        ModuleTensors.parameters(model).forEach((name, t) -> out.put(name, Tensors.toFloats(t)));
        return out;
    }

    private static void step(Mlp model, Optimizer optimizer) {
        optimizer.zeroGrad();
        Tensor loss = model.forward(WeightsTestSupport.randomInput(8, 4)).pow(new Scalar(2)).sum();
        loss.backward();
        optimizer.step();
    }

    @Test
    void frozenParametersStayPutAndLeaveTheOptimizer() {
        Mlp model = WeightsTestSupport.mlp(20, List.of(3, 3), 4, 2);
        FreezeReport report = Freezing.apply(model, List.of("fc*"), List.of("fc1.bias"));
        assertThat(report.frozen()).containsExactly("fc0.weight", "fc0.bias", "fc1.weight");
        assertThat(report.trainable()).containsExactly("fc1.bias", "out.weight", "out.bias");

        Optimizer optimizer = Optimizers.create(PLAIN_SGD, model);
        assertThat(optimizer.groups().stream().flatMap(g -> g.parameterNames().stream()))
                .containsExactlyInAnyOrder("fc1.bias", "out.weight", "out.bias");
        Map<String, float[]> before = snapshot(model);
        step(model, optimizer);
        Map<String, float[]> after = snapshot(model);

        for (String frozen : report.frozen()) {
            assertThat(after.get(frozen)).as(frozen).containsExactly(before.get(frozen));
        }
        for (String trainable : report.trainable()) {
            assertThat(after.get(trainable)).as(trainable).isNotEqualTo(before.get(trainable));
        }
    }

    @Test
    void unfreezingEverythingAgainRestoresTraining() {
        Mlp model = WeightsTestSupport.fixtureMlp(21);
        Freezing.apply(model, List.of("*"), List.of());
        assertThat(trainableNames(model)).isEmpty();
        FreezeReport report = Freezing.apply(model, List.of(), List.of());
        assertThat(report.frozen()).isEmpty();
        assertThat(trainableNames(model)).hasSize(4);
    }

    @Test
    void regexPatternsNeedThePrefixAndGlobsMatchWholeNames() {
        Mlp model = WeightsTestSupport.fixtureMlp(22);
        assertThat(Freezing.apply(model, List.of("re:^(fc0|out)\\.bias$"), List.of()).frozen())
                .containsExactly("fc0.bias", "out.bias");
        assertThat(NamePattern.of("fc0.*").matches("fc0.weight")).isTrue();
        assertThat(NamePattern.of("fc0.*").matches("fc0xweight")).isFalse();
        assertThat(NamePattern.of("fc0").matches("fc0.weight")).isFalse();
        assertThat(NamePattern.of("*.bias").matches("encoder.block1.bias")).isTrue();
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() {
        Mlp model = WeightsTestSupport.fixtureMlp(23);
        assertThatThrownBy(() -> Freezing.apply(model, List.of("encoder.*"), List.of()))
                .isInstanceOf(PylonUserException.class)
                .hasMessageContaining("model.freeze pattern 'encoder.*' matches no parameter")
                .hasMessageContaining("fc0.weight");
    }

    @Test
    void lrMultipliersApplyToTheUnfrozenGroups() {
        Mlp model = WeightsTestSupport.mlp(24, List.of(3, 3), 4, 2);
        Freezing.apply(model, List.of("fc0.*"), List.of());
        OptimConfig config = PLAIN_SGD.withGrouping(List.of(), Map.of("^fc1\\.", 0.1));
        Optimizer optimizer = Optimizers.create(config, model);

        assertThat(optimizer.groups()).extracting(ParamGroup::name)
                .containsExactly("lr[^fc1\\.].no_decay", "no_decay");
        assertThat(optimizer.groups()).extracting(ParamGroup::lr).containsExactly(0.05, 0.5);
        Map<String, float[]> before = snapshot(model);
        step(model, optimizer);
        Map<String, float[]> after = snapshot(model);
        Map<String, Tensor> params = ModuleTensors.parameters(model);

        assertThat(after.get("fc0.weight")).containsExactly(before.get("fc0.weight"));
        assertDelta(before, after, params, "fc1.weight", 0.05);
        assertDelta(before, after, params, "out.weight", 0.5);
    }

    /** Plain SGD: new = old - lr * grad, with the group's learning rate. */
    private static void assertDelta(Map<String, float[]> before, Map<String, float[]> after, Map<String, Tensor> params,
            String name, double lr) {
        float[] grad = Tensors.toFloats(params.get(name).grad());
        float[] expected = new float[grad.length];
        boolean anyGradient = false;
        for (int i = 0; i < grad.length; i++) {
            expected[i] = (float) (before.get(name)[i] - lr * grad[i]);
            anyGradient |= grad[i] != 0;
        }
        assertThat(anyGradient).as(name + " gets a gradient").isTrue();
        assertThat(after.get(name)).as(name).containsExactly(expected, within(1e-6f));
    }

    /** Names of the parameters an optimizer would take. */
    private static List<String> trainableNames(Mlp model) {
        return ParameterGrouping.trainable(model).stream().map(NamedParameter::name).toList();
    }
}
