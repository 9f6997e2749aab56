package io.pylon.models;

import static io.pylon.models.ModelTesting.inputs;
import static io.pylon.models.ModelTesting.loss;
import static io.pylon.models.ModelTesting.parameterCount;
import static io.pylon.models.ModelTesting.parameters;
import static io.pylon.models.ModelTesting.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.registry.UnknownNameException;
import io.pylon.testing.TestComponents;

class ModelsTest {

    private static final DataSpec MNIST = new DataSpec(new long[] {1, 28, 28}, 10);
    private static final DataSpec RGB = new DataSpec(new long[] {3, 20, 12}, 7);

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** name, params, whose dropout-free variant the optimisation tests use. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("mlp", MlpParams.defaults(), new MlpParams(List.of(32, 16), 0.0)),
                Arguments.of("cnn", CnnParams.defaults(), new CnnParams(List.of(8, 16), 32, 0.0, true)),
                Arguments.of("cnn", new CnnParams(List.of(4, 6, 5), 12, 0.5, false),
                        new CnnParams(List.of(4, 6, 5), 12, 0.0, false)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void outputHasOneLogitPerClassForEveryInputAndBatchSize(String name, Record params, Record plain) {
        Model mnist = TestComponents.model(name, params, MNIST);
        Model rgb = TestComponents.model(name, params, RGB);

        assertThat(Tensors.shape(mnist.forward(inputs(2, 1, 28, 28)))).containsExactly(2, 10);
        assertThat(Tensors.shape(mnist.forward(inputs(5, 1, 28, 28)))).containsExactly(5, 10);
        assertThat(Tensors.shape(rgb.forward(inputs(3, 3, 20, 12)))).containsExactly(3, 7);
    }

    @ParameterizedTest
    @MethodSource("models")
    void gradientReachesEveryParameter(String name, Record params, Record plain) {
        Model model = TestComponents.model(name, params, RGB);
        model.module().train(true);

        torch.cross_entropy(model.forward(inputs(6, 3, 20, 12)), targets(6, 7)).backward();

        for (Tensor p : parameters(model.module())) {
            assertThat(p.grad().defined()).isTrue();
            assertThat(p.grad().abs().sum().item_double()).isGreaterThan(0);
        }
    }

    @Test
    void parameterCountsMatchTheClosedForm() {
        // mlp: 784 -> 256 -> 128 -> 10, each linear in*out + out
        long mlp = (784 * 256 + 256) + (256 * 128 + 128) + (128 * 10 + 10);
        assertThat(parameterCount(TestComponents.model("mlp", MlpParams.defaults(), MNIST).module())).isEqualTo(mlp);
        // cnn with batch norm: conv without bias (9*in*out) + BN (2*out); 28 -> 14 -> 7
        long cnnNorm = (9 * 1 * 32 + 2 * 32) + (9 * 32 * 64 + 2 * 64) + (64 * 7 * 7 * 128 + 128) + (128 * 10 + 10);
        assertThat(parameterCount(TestComponents.model("cnn", CnnParams.defaults(), MNIST).module())).isEqualTo(cnnNorm);
        // cnn without batch norm on 3x20x12: conv with bias; 20x12 -> 10x6 -> 5x3 -> 2x1
        long cnnPlain = (9 * 3 * 4 + 4) + (9 * 4 * 6 + 6) + (9 * 6 * 5 + 5) + (5 * 2 * 1 * 12 + 12) + (12 * 7 + 7);
        assertThat(parameterCount(TestComponents.model("cnn", new CnnParams(List.of(4, 6, 5), 12, 0.5, false), RGB).module()))
                .isEqualTo(cnnPlain);
        // mlp without hidden layers is softmax regression
        assertThat(parameterCount(TestComponents.model("mlp", new MlpParams(List.of(), 0), RGB).module()))
                .isEqualTo(3 * 20 * 12 * 7 + 7);
    }

    @ParameterizedTest
    @MethodSource("models")
    void seededInitialisationIsReproducible(String name, Record params, Record plain) {
        Seeds.seed(1234);
        Tensor[] first = parameters(TestComponents.model(name, params, RGB).module());
        Seeds.seed(1234);
        Tensor[] second = parameters(TestComponents.model(name, params, RGB).module());
        Seeds.seed(99);
        Tensor[] other = parameters(TestComponents.model(name, params, RGB).module());

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.length; i++) {
            assertThat(torch.equal(first[i], second[i])).as("parameter %d", i).isTrue();
        }
        assertThat(torch.equal(first[0], other[0])).isFalse();
    }

    @ParameterizedTest
    @MethodSource("models")
    void oneSgdStepLowersTheLossOnAFixedBatch(String name, Record params, Record plain) {
        Seeds.seed(7);
        Model model = TestComponents.model(name, plain, RGB);
        model.module().train(true);
        Tensor x = inputs(16, 3, 20, 12);
        Tensor y = targets(16, 7);

        Tensor loss = torch.cross_entropy(model.forward(x), y);
        double before = loss.item_double();
        loss.backward();
        NoGradGuard noGrad = new NoGradGuard();
        try {
            for (Tensor p : parameters(model.module())) {
                p.sub_(p.grad().mul(new Scalar(0.05)));
            }
        } finally {
            noGrad.close();
        }

        assertThat(loss(model, x, y)).isLessThan(before);
    }

    @ParameterizedTest
    @MethodSource("models")
    void evalModeIsDeterministicAndTrainModeDropsOut(String name, Record params, Record plain) {
        Model model = TestComponents.model(name, params, MNIST);
        Tensor x = inputs(4, 1, 28, 28);

        model.module().eval();
        assertThat(torch.equal(model.forward(x), model.forward(x))).isTrue();
        model.module().train(true);
        assertThat(torch.equal(model.forward(x), model.forward(x))).isFalse();
    }

    @Test
    void registryResolvesNamesAndParamsTypes() {
        assertThat(TestComponents.BUILT_INS.names(Models.KIND)).contains("cnn", "gpt", "mlp", "resnet", "rsunet3d", "unet2d", "unet3d");
        assertThat(TestComponents.modelParams("cnn")).isEqualTo(CnnParams.class);
        assertThat(TestComponents.modelParams("mlp")).isEqualTo(MlpParams.class);
        assertThatThrownBy(() -> TestComponents.modelParams("no_such_model")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("no_such_model").hasMessageContaining("cnn, gpt, mlp, resnet");
        assertThatThrownBy(() -> TestComponents.model("cnn", MlpParams.defaults(), MNIST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CnnParams");
    }

    @Test
    void cnnRejectsInputsItCannotPool() {
        assertThatThrownBy(() -> TestComponents.model("cnn", CnnParams.defaults(), new DataSpec(new long[] {784}, 10)))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("[784]").hasMessageContaining("mlp");
        assertThatThrownBy(() -> TestComponents.model("cnn", new CnnParams(List.of(8, 8, 8, 8, 8), 16, 0, true), MNIST))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("5 entries")
                .hasMessageContaining("at most 4");
    }
}
