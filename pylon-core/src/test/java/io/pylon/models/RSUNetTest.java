package io.pylon.models;

import static io.pylon.models.ModelTesting.adamw;
import static io.pylon.models.ModelTesting.fit;
import static io.pylon.models.ModelTesting.inputs;
import static io.pylon.models.ModelTesting.labels;
import static io.pylon.models.ModelTesting.parameterCount;
import static io.pylon.models.ModelTesting.parameters;
import static io.pylon.models.ModelTesting.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.PylonUserException;
import io.pylon.config.InvalidValueException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.nn.Activation;
import io.pylon.nn.ModuleTensors;
import io.pylon.nn.Norm;
import io.pylon.optim.Optimizer;

class RSUNetTest {

    private static final DataSpec SMALL = new DataSpec(new long[] {1, 4, 8, 8}, 3);

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** Every norm and activation, anisotropic and isotropic levels, and a single-level network. */
    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(new RSUNetParams(List.of(2, 3, 4), List.of(false, false, true), Norm.BATCH, 1,
                        Activation.RELU)),
                Arguments.of(new RSUNetParams(List.of(4, 4), List.of(true, true), Norm.GROUP, 2,
                        Activation.LEAKY_RELU)),
                Arguments.of(new RSUNetParams(List.of(2), List.of(false), Norm.NONE, 1, Activation.GELU)),
                Arguments.of(new RSUNetParams(List.of(2, 4, 6), List.of(false, true, false), Norm.INSTANCE, 1,
                        Activation.RELU)));
    }

    private static Tensor loss(Model model, Tensor x) {
        return torch.cross_entropy(model.forward(x), labels(x));
    }

    @Test
    void outputsHaveOneChannelPerClassAtInputResolution() {
        RSUNet defaults = new RSUNet(RSUNetParams.defaults(), new DataSpec(new long[] {1, 8, 16, 16}, 3));
        defaults.eval();
        assertThat(Tensors.shape(defaults.forward(inputs(1, 1, 8, 16, 16)))).containsExactly(1, 3, 8, 16, 16);
        assertThat(Tensors.shape(defaults.forward(inputs(1, 1, 4, 16, 32)))).containsExactly(1, 3, 4, 16, 32);

        RSUNet small = new RSUNet(new RSUNetParams(List.of(2, 3, 4), List.of(false, false, true), Norm.BATCH, 1,
                Activation.RELU), SMALL);
        assertThat(Tensors.shape(small.forward(inputs(2, 1, 4, 8, 8)))).containsExactly(2, 3, 4, 8, 8);
        assertThat(Tensors.shape(small.forward(inputs(3, 1, 2, 12, 4)))).containsExactly(3, 3, 2, 12, 4);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void gradientReachesEveryParameter(RSUNetParams params) {
        RSUNet model = new RSUNet(params, SMALL);
        model.train(true);

        loss(model, inputs(2, 1, 4, 8, 8)).backward();

        for (Map.Entry<String, Tensor> p : ModuleTensors.parameters(model).entrySet()) {
            assertThat(p.getValue().grad().defined()).as(p.getKey()).isTrue();
            assertThat(p.getValue().grad().abs().sum().item_double()).as(p.getKey()).isGreaterThan(0);
        }
    }

    /** Closed form: residual modules, 1x5x5 embedding and output, transposed up-convolutions. */
    static long closedForm(RSUNetParams p, long inChannels, long classes) {
        List<Integer> c = p.channels();
        int levels = c.size();
        long total = 25 * inChannels * c.get(0) + normTerm(p, c.get(0));
        long in = c.get(0);
        for (int i = 0; i < levels; i++) {
            long k = p.isotropy().get(i) ? 27 : 9;
            total += residual(p, k, in, c.get(i));
            in = c.get(i);
        }
        for (int i = 0; i < levels - 1; i++) {
            long k = p.isotropy().get(i) ? 27 : 9;
            long factor = p.isotropy().get(i + 1) ? 8 : 4;
            total += factor * c.get(i + 1) * c.get(i) + c.get(i);
            total += residual(p, k, c.get(i), c.get(i));
        }
        return total + 25 * c.get(0) * classes + classes;
    }

    private static long normTerm(RSUNetParams p, long out) {
        return p.norm() == Norm.NONE ? out : 2 * out;
    }

    private static long residual(RSUNetParams p, long k, long in, long out) {
        return k * in * out + 2 * k * out * out + 3 * normTerm(p, out);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void parameterCountMatchesTheClosedForm(RSUNetParams params) {
        assertThat(parameterCount(new RSUNet(params, SMALL))).isEqualTo(closedForm(params, 1, 3));
    }

    @Test
    void parameterCountByHand() {
        // one level [2], anisotropic, batch norm, 1 -> 2 classes:
        // embed 25*1*2 + 2*2 = 54; R 9*2*2 + 2*9*2*2 + 3*2*2 = 120; output 25*2*2 + 2 = 102
        RSUNetParams p = new RSUNetParams(List.of(2), List.of(false), Norm.BATCH, 1, Activation.RELU);
        assertThat(parameterCount(new RSUNet(p, new DataSpec(new long[] {1, 2, 2, 2}, 2)))).isEqualTo(276);
        assertThat(closedForm(p, 1, 2)).isEqualTo(276);
        assertThat(parameterCount(new RSUNet(RSUNetParams.defaults(), new DataSpec(new long[] {1, 8, 16, 16}, 3))))
                .isEqualTo(closedForm(RSUNetParams.defaults(), 1, 3));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void seededInitialisationIsReproducible(RSUNetParams params) {
        Seeds.seed(1234);
        Tensor[] first = parameters(new RSUNet(params, SMALL));
        Seeds.seed(1234);
        Tensor[] second = parameters(new RSUNet(params, SMALL));
        Seeds.seed(99);
        Tensor[] other = parameters(new RSUNet(params, SMALL));

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.length; i++) {
            assertThat(torch.equal(first[i], second[i])).as("parameter %d", i).isTrue();
        }
        assertThat(torch.equal(first[0], other[0])).isFalse();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedStateLoadsIntoAFreshInstanceWithIdenticalOutputs(RSUNetParams params) {
        Seeds.seed(1);
        RSUNet trained = new RSUNet(params, SMALL);
        Tensor x = inputs(2, 1, 4, 8, 8);
        Optimizer optimizer = adamw(trained, 1e-2);
        loss(trained, x).backward();
        optimizer.step();
        Map<String, Tensor> saved = snapshot(trained);

        Seeds.seed(2);
        RSUNet loaded = new RSUNet(params, SMALL);
        trained.eval();
        loaded.eval();
        assertThat(torch.equal(trained.forward(x), loaded.forward(x))).isFalse();
        ModuleTensors.loadStateDict(loaded, saved);

        assertThat(torch.equal(trained.forward(x), loaded.forward(x))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void evalModeIsDeterministic(RSUNetParams params) {
        RSUNet model = new RSUNet(params, SMALL);
        Tensor x = inputs(2, 1, 4, 8, 8);
        model.train(true);
        model.forward(x);
        model.eval();
        assertThat(torch.equal(model.forward(x), model.forward(x))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void oneAdamWStepLowersTheLossOnAFixedBatch(RSUNetParams params) {
        Seeds.seed(7);
        RSUNet model = new RSUNet(params, SMALL);
        model.train(true);
        Tensor x = inputs(4, 1, 4, 8, 8);
        Optimizer optimizer = adamw(model, 1e-2);

        Tensor before = loss(model, x);
        before.backward();
        optimizer.step();

        assertThat(loss(model, x).item_double()).isLessThan(before.item_double());
    }

    @Test
    @Tag("slow")
    void overfitsSixteenVolumes() {
        Seeds.seed(3);
        RSUNet model = new RSUNet(new RSUNetParams(List.of(4, 4), List.of(false, false), Norm.BATCH, 1,
                Activation.RELU), new DataSpec(new long[] {1, 8, 16, 16}, 3));
        model.train(true);
        Tensor x = inputs(16, 1, 8, 16, 16);

        assertThat(fit(model, x, labels(x), 300, 1e-2)).isLessThan(0.05);
    }

    @Test
    void paramsAndInputsAreValidatedWithTheKeyAndShape() {
        assertThatThrownBy(() -> new RSUNetParams(List.of(), List.of(), Norm.BATCH, 1, Activation.RELU))
                .isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("channels"));
        assertThatThrownBy(() -> new RSUNetParams(List.of(4, 0), List.of(false, true), Norm.BATCH, 1,
                Activation.RELU)).isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("channels"));
        assertThatThrownBy(() -> new RSUNetParams(List.of(4, 8), List.of(false), Norm.BATCH, 1, Activation.RELU))
                .isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("isotropy"));
        assertThatThrownBy(() -> new RSUNetParams(List.of(4, 6), List.of(false, true), Norm.GROUP, 4,
                Activation.RELU)).isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("groups"));

        RSUNetParams p = new RSUNetParams(List.of(2, 2, 2), List.of(false, false, true), Norm.BATCH, 1,
                Activation.RELU);
        // pooling (1,2,2) then (2,2,2): z by 2, y and x by 4
        new RSUNet(p, new DataSpec(new long[] {1, 2, 4, 4}, 2));
        assertThatThrownBy(() -> new RSUNet(p, new DataSpec(new long[] {1, 3, 8, 8}, 2)))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("model.isotropy")
                .hasMessageContaining("[1, 3, 8, 8]").hasMessageContaining("[2, 4, 4]");
        assertThatThrownBy(() -> new RSUNet(p, new DataSpec(new long[] {1, 8, 8}, 2)))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("[1, 8, 8]");
    }
}
