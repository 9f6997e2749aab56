package io.pylon.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.registry.UnknownNameException;

/** Parameters and gradients really are views of the flat buffers, and grouping follows the rules. */
class FlatBuffersTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static boolean inside(Tensor view, Tensor flat) {
        long begin = flat.data_ptr().address();
        long end = begin + flat.nbytes();
        long address = view.data_ptr().address();
        return address >= begin && address + view.nbytes() <= end;
    }

    @Test
    void parametersAndGradientsAreViewsOfTheFlatBuffers() {
        torch.manual_seed(1);
        TwoLayerNet net = new TwoLayerNet();
        float[] before = Tensors.toFloats(net.fc1.weight());
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 0.01).withWeightDecay(0.1), net);
        assertThat(Tensors.toFloats(net.fc1.weight())).as("values survive flattening").containsExactly(before);

        torch.mse_loss(net.forward(torch.randn(4, 6)), torch.randn(4, 3)).backward();
        optimizer.step();

        Map<String, ParamGroup> byParameter = new HashMap<>();
        optimizer.groups().forEach(g -> g.parameterNames().forEach(n -> byParameter.put(n, g)));
        for (NamedParameter p : net.namedParams()) {
            ParamGroup group = byParameter.get(p.name());
            assertThat(inside(p.tensor(), group.flatParams())).as("%s inside its flat params", p.name()).isTrue();
            assertThat(inside(p.tensor().grad(), group.flatGrads())).as("%s grad inside its flat grads", p.name()).isTrue();
        }
    }

    @Test
    void backwardAccumulatesIntoTheFlatGradientBufferAndZeroGradKeepsTheViews() {
        torch.manual_seed(2);
        TwoLayerNet net = new TwoLayerNet();
        TwoLayerNet plain = new TwoLayerNet().copyFrom(net);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.1), net);
        Tensor input = torch.randn(4, 6);
        Tensor target = torch.randn(4, 3);

        for (int round = 0; round < 2; round++) {
            optimizer.zeroGrad();
            plain.zero_grad(true);
            torch.mse_loss(net.forward(input), target).backward();
            torch.mse_loss(plain.forward(input), target).backward();
            ParamGroup group = optimizer.groups().getFirst();
            Tensor expected = torch.cat(new TensorVector(
                    plain.namedParams().stream().map(p -> p.tensor().grad().reshape(-1)).toArray(Tensor[]::new)));
            assertThat(Tensors.toFloats(group.flatGrads())).as("round %d", round)
                    .containsExactly(Tensors.toFloats(expected), Offset.offset(1e-7f));
            assertThat(group.flatGrads().abs().sum().item_double()).isGreaterThan(0);
        }
        optimizer.zeroGrad();
        assertThat(optimizer.groups().getFirst().flatGrads().abs().sum().item_double()).isZero();
        assertThat(net.fc1.weight().grad().abs().sum().item_double()).as("the views see the zeroed buffer").isZero();
    }

    @Test
    void vectorsAndNoDecayPatternsGetNoWeightDecayAndMultipliersMakeTheirOwnGroups() {
        TwoLayerNet net = new TwoLayerNet();
        OptimConfig config = OptimConfig.of("adamw", 0.01).withWeightDecay(0.1)
                .withGrouping(List.of("^fc2\\."), Map.of("^fc1\\.", 0.1));
        Optimizer optimizer = Optimizers.create(config, net);
        // libtorch lists a module's own parameters (scale) before its children's.
        assertThat(optimizer.groups()).extracting(ParamGroup::name)
                .containsExactly("no_decay", "lr[^fc1\\.].decay", "lr[^fc1\\.].no_decay");
        ParamGroup fc1Decay = optimizer.groups().get(1);
        assertThat(fc1Decay.parameterNames()).containsExactly("fc1.weight");
        assertThat(fc1Decay.weightDecay()).isEqualTo(0.1);
        assertThat(fc1Decay.lrMultiplier()).isEqualTo(0.1);
        assertThat(fc1Decay.lr()).isEqualTo(0.01 * 0.1, Offset.offset(1e-15));
        assertThat(optimizer.groups().get(2).parameterNames()).containsExactly("fc1.bias");
        assertThat(optimizer.groups().get(0).parameterNames()).containsExactly("scale", "fc2.weight", "fc2.bias");
        assertThat(optimizer.groups().get(0).weightDecay()).isZero();
        assertThat(optimizer.groups().get(0).lrMultiplier()).isEqualTo(1.0);
        assertThat(optimizer.groups().get(0).flatParams().numel()).isEqualTo(12 + 3 * 12 + 3);
    }

    @Test
    void defaultGroupingSplitsMatricesFromVectors() {
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.1).withWeightDecay(0.01), new TwoLayerNet());
        assertThat(optimizer.groups()).extracting(ParamGroup::name).containsExactly("no_decay", "decay");
        assertThat(optimizer.groups().get(1).parameterNames()).containsExactly("fc1.weight", "fc2.weight");
        assertThat(optimizer.groups().get(1).weightDecay()).isEqualTo(0.01);
        assertThat(optimizer.groups().get(0).parameterNames()).containsExactly("scale", "fc1.bias", "fc2.bias");
        assertThat(optimizer.groups().get(0).weightDecay()).isZero();
    }

    @Test
    void aParameterMatchedByTwoMultiplierPatternsIsRejected() {
        OptimConfig config = OptimConfig.of("sgd", 0.1).withGrouping(List.of(), Map.of("fc1", 0.1, "weight", 0.5));
        assertThatThrownBy(() -> Optimizers.create(config, new TwoLayerNet()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fc1.weight");
    }

    @Test
    void unknownOptimizerNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Optimizers.create(OptimConfig.of("lion", 0.1), new TwoLayerNet()))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("lion").hasMessageContaining("sgd").hasMessageContaining("adam")
                .hasMessageContaining("adamw");
    }
}
