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
import io.pylon.criteria.CrossEntropy;
import io.pylon.criteria.composite.DeepSupervisionLoss;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.models.UNetParams.Upsampling;
import io.pylon.nn.Activation;
import io.pylon.nn.ModuleTensors;
import io.pylon.nn.Norm;
import io.pylon.optim.Optimizer;

class UNetTest {

    private static final DataSpec IMAGE = new DataSpec(new long[] {2, 16, 16}, 3);
    private static final DataSpec VOLUME = new DataSpec(new long[] {1, 8, 8, 8}, 3);

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static UNetParams params(int depth, int width, Norm norm, int groups, Activation activation,
                                     Upsampling upsampling, double dropout, boolean residual, boolean deep) {
        return new UNetParams(depth, width, norm, groups, activation, upsampling, dropout, residual, deep);
    }

    /** dims, params: every norm, activation, up-sampling and block kind appears at least once. */
    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(2, params(2, 4, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false)),
                Arguments.of(2, params(2, 4, Norm.INSTANCE, 1, Activation.LEAKY_RELU, Upsampling.INTERPOLATE, 0, true,
                        false)),
                Arguments.of(2, params(1, 4, Norm.GROUP, 2, Activation.GELU, Upsampling.TRANSPOSED, 0, true, true)),
                Arguments.of(2, params(2, 3, Norm.NONE, 1, Activation.RELU, Upsampling.INTERPOLATE, 0, false, true)),
                Arguments.of(3, params(2, 2, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false)),
                Arguments.of(3, params(2, 4, Norm.GROUP, 2, Activation.LEAKY_RELU, Upsampling.INTERPOLATE, 0, true,
                        true)),
                Arguments.of(3, params(1, 2, Norm.INSTANCE, 1, Activation.GELU, Upsampling.TRANSPOSED, 0, true, false)));
    }

    private static DataSpec spec(int dims) {
        return dims == 2 ? IMAGE : VOLUME;
    }

    private static Tensor batch(int dims, int n) {
        return dims == 2 ? inputs(n, 2, 16, 16) : inputs(n, 1, 8, 8, 8);
    }

    /** The loss the tests optimise: deep supervision over every head when the model has them. */
    private static Tensor loss(Model model, Tensor x, Tensor y) {
        if (model instanceof MultiOutputModel multi) {
            return new DeepSupervisionLoss(new CrossEntropy(0.0)).apply(List.copyOf(multi.forwardAll(x).values()), y);
        }
        return torch.cross_entropy(model.forward(x), y);
    }

    @Test
    void outputsHaveOneChannelPerClassAtInputResolution() {
        UNet flat = UNet.create(UNetParams.defaults(), new DataSpec(new long[] {1, 32, 48}, 5), 2);
        assertThat(Tensors.shape(flat.forward(inputs(2, 1, 32, 48)))).containsExactly(2, 5, 32, 48);
        // fully convolutional: any size divisible by 2^depth works
        assertThat(Tensors.shape(flat.forward(inputs(1, 1, 16, 64)))).containsExactly(1, 5, 16, 64);

        UNet image = UNet.create(params(2, 4, Norm.BATCH, 1, Activation.RELU, Upsampling.INTERPOLATE, 0, false,
                false), IMAGE, 2);
        assertThat(Tensors.shape(image.forward(inputs(3, 2, 16, 16)))).containsExactly(3, 3, 16, 16);
        assertThat(Tensors.shape(image.forward(inputs(2, 2, 8, 12)))).containsExactly(2, 3, 8, 12);

        UNet volume = UNet.create(params(2, 2, Norm.INSTANCE, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false,
                false), new DataSpec(new long[] {1, 8, 16, 16}, 2), 3);
        assertThat(Tensors.shape(volume.forward(inputs(2, 1, 8, 16, 16)))).containsExactly(2, 2, 8, 16, 16);
        assertThat(Tensors.shape(volume.forward(inputs(1, 1, 4, 8, 12)))).containsExactly(1, 2, 4, 8, 12);
    }

    @Test
    void deepSupervisionGivesOneOutputPerDecoderScaleFullResolutionFirst() {
        UNet model = UNet.create(params(3, 2, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, true),
                new DataSpec(new long[] {1, 16, 32}, 4), 2);
        assertThat(model).isInstanceOf(MultiOutputModel.class);
        Map<String, Tensor> out = ((MultiOutputModel) model).forwardAll(inputs(2, 1, 16, 32));

        assertThat(out.keySet()).containsExactly("scale0", "scale1", "scale2");
        assertThat(Tensors.shape(out.get("scale0"))).containsExactly(2, 4, 16, 32);
        assertThat(Tensors.shape(out.get("scale1"))).containsExactly(2, 4, 8, 16);
        assertThat(Tensors.shape(out.get("scale2"))).containsExactly(2, 4, 4, 8);
        model.eval();
        assertThat(torch.equal(model.forward(inputs(2, 1, 16, 32)),
                ((MultiOutputModel) model).forwardAll(inputs(2, 1, 16, 32)).get("scale0"))).isTrue();

        UNet volume = UNet.create(params(2, 2, Norm.GROUP, 2, Activation.RELU, Upsampling.INTERPOLATE, 0, false,
                true), new DataSpec(new long[] {1, 8, 16, 16}, 2), 3);
        Map<String, Tensor> volumes = ((MultiOutputModel) volume).forwardAll(inputs(1, 1, 8, 16, 16));
        assertThat(volumes.keySet()).containsExactly("scale0", "scale1");
        assertThat(Tensors.shape(volumes.get("scale1"))).containsExactly(1, 2, 4, 8, 8);
        assertThat(UNet.create(UNetParams.defaults(), IMAGE, 2)).isNotInstanceOf(MultiOutputModel.class);
    }

    @Test
    void deepSupervisionLossBackpropagatesIntoEveryHead() {
        UNet model = UNet.create(params(3, 2, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, true),
                new DataSpec(new long[] {1, 16, 16}, 3), 2);
        Tensor x = inputs(2, 1, 16, 16);
        loss(model, x, labels(x)).backward();

        Map<String, Tensor> named = ModuleTensors.parameters(model);
        assertThat(named).containsKeys("head0.weight", "head1.weight", "head2.weight");
        for (String head : List.of("head0", "head1", "head2")) {
            for (String kind : List.of(".weight", ".bias")) {
                Tensor grad = named.get(head + kind).grad();
                assertThat(grad.defined()).as(head + kind).isTrue();
                assertThat(grad.abs().sum().item_double()).as(head + kind).isGreaterThan(0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void gradientReachesEveryParameter(int dims, UNetParams params) {
        // seeded: unseeded weights and inputs depended on test order, and a small ReLU variant without norms
        // can draw a dead path whose gradient is exactly zero
        Seeds.seed(5);
        UNet model = UNet.create(params, spec(dims), dims);
        model.train(true);
        Tensor x = batch(dims, 2);

        loss(model, x, labels(x)).backward();

        for (Map.Entry<String, Tensor> p : ModuleTensors.parameters(model).entrySet()) {
            assertThat(p.getValue().grad().defined()).as(p.getKey()).isTrue();
            assertThat(p.getValue().grad().abs().sum().item_double()).as(p.getKey()).isGreaterThan(0);
        }
    }

    /** Closed form of a {@code ConvBlock}: two k-voxel convolutions, norms or biases, projecting shortcut. */
    private static long block(long k, long in, long out, Norm norm, boolean residual) {
        long n = k * in * out + k * out * out + (norm == Norm.NONE ? 2 * out : 4 * out);
        return n + (residual && in != out ? in * out : 0);
    }

    /** Closed form of the whole UNet with {@code c_l = width * 2^l}. */
    static long closedForm(UNetParams p, int dims, long inChannels, long classes) {
        long k = dims == 2 ? 9 : 27;
        long upKernel = dims == 2 ? 4 : 8;
        long total = 0;
        long in = inChannels;
        for (int l = 0; l <= p.depth(); l++) {
            long c = (long) p.width() << l;
            total += block(k, in, c, p.norm(), p.residual());
            in = c;
        }
        for (int l = 0; l < p.depth(); l++) {
            long c = (long) p.width() << l;
            total += (p.upsampling() == Upsampling.TRANSPOSED ? upKernel * 2 * c * c : 2 * c * c) + c;
            total += block(k, 2 * c, c, p.norm(), p.residual());
            if (p.deepSupervision() && l > 0) {
                total += c * classes + classes;
            }
        }
        return total + p.width() * classes + classes;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void parameterCountMatchesTheClosedForm(int dims, UNetParams params) {
        DataSpec spec = spec(dims);
        assertThat(parameterCount(UNet.create(params, spec, dims)))
                .isEqualTo(closedForm(params, dims, spec.inputShape()[0], spec.numClasses()));
    }

    @Test
    void parameterCountOfASmallUNetByHand() {
        // depth 1, width 2, batch norm, 1 -> 2 classes, 2D:
        // enc0 9*1*2 + 9*2*2 + 4*2 = 62; enc1 9*2*4 + 9*4*4 + 4*4 = 232; up 4*4*2 + 2 = 34;
        // dec0 9*4*2 + 9*2*2 + 4*2 = 116; head 2*2 + 2 = 6
        UNetParams p = params(1, 2, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false);
        assertThat(parameterCount(UNet.create(p, new DataSpec(new long[] {1, 4, 4}, 2), 2))).isEqualTo(450);
        assertThat(closedForm(p, 2, 1, 2)).isEqualTo(450);
        // the default 4-level UNet (32..512 channels) on RGB, 2 classes
        assertThat(parameterCount(UNet.create(UNetParams.defaults(), new DataSpec(new long[] {3, 16, 16}, 2), 2)))
                .isEqualTo(closedForm(UNetParams.defaults(), 2, 3, 2));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void seededInitialisationIsReproducible(int dims, UNetParams params) {
        Seeds.seed(1234);
        Tensor[] first = parameters(UNet.create(params, spec(dims), dims));
        Seeds.seed(1234);
        Tensor[] second = parameters(UNet.create(params, spec(dims), dims));
        Seeds.seed(99);
        Tensor[] other = parameters(UNet.create(params, spec(dims), dims));

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.length; i++) {
            assertThat(torch.equal(first[i], second[i])).as("parameter %d", i).isTrue();
        }
        assertThat(torch.equal(first[0], other[0])).isFalse();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedStateLoadsIntoAFreshInstanceWithIdenticalOutputs(int dims, UNetParams params) {
        Seeds.seed(1);
        UNet trained = UNet.create(params, spec(dims), dims);
        Tensor x = batch(dims, 2);
        Optimizer optimizer = adamw(trained, 1e-2);
        loss(trained, x, labels(x)).backward();
        optimizer.step();
        Map<String, Tensor> saved = snapshot(trained);

        Seeds.seed(2);
        UNet loaded = UNet.create(params, spec(dims), dims);
        trained.eval();
        loaded.eval();
        assertThat(torch.equal(trained.forward(x), loaded.forward(x))).isFalse();
        ModuleTensors.loadStateDict(loaded, saved);

        assertThat(torch.equal(trained.forward(x), loaded.forward(x))).isTrue();
    }

    @Test
    void evalModeIsDeterministicAndTrainModeDropsOut() {
        for (int dims : new int[] {2, 3}) {
            UNet model = UNet.create(params(2, 4, Norm.INSTANCE, 1, Activation.RELU, Upsampling.TRANSPOSED, 0.3, true,
                    false), spec(dims), dims);
            Tensor x = batch(dims, 2);
            model.eval();
            assertThat(torch.equal(model.forward(x), model.forward(x))).isTrue();
            model.train(true);
            assertThat(torch.equal(model.forward(x), model.forward(x))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void oneAdamWStepLowersTheLossOnAFixedBatch(int dims, UNetParams params) {
        Seeds.seed(7);
        UNet model = UNet.create(params, spec(dims), dims);
        model.train(true);
        Tensor x = batch(dims, 4);
        Tensor y = labels(x);
        Optimizer optimizer = adamw(model, 1e-2);

        Tensor before = loss(model, x, y);
        before.backward();
        optimizer.step();

        assertThat(loss(model, x, y).item_double()).isLessThan(before.item_double());
    }

    @Test
    @Tag("slow")
    void overfitsSixteenImages() {
        Seeds.seed(3);
        UNet model = UNet.create(params(2, 8, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false),
                new DataSpec(new long[] {1, 16, 16}, 3), 2);
        model.train(true);
        Tensor x = inputs(16, 1, 16, 16);

        assertThat(fit(model, x, labels(x), 150, 1e-2)).isLessThan(0.05);
    }

    @Test
    @Tag("slow")
    void overfitsSixteenVolumes() {
        Seeds.seed(3);
        UNet model = UNet.create(params(1, 4, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, true,
                false), new DataSpec(new long[] {1, 8, 16, 16}, 3), 3);
        model.train(true);
        Tensor x = inputs(16, 1, 8, 16, 16);

        assertThat(fit(model, x, labels(x), 100, 2e-2)).isLessThan(0.05);
    }

    @Test
    void paramsAndInputsAreValidatedWithTheKeyAndShape() {
        assertThatThrownBy(() -> params(0, 4, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false))
                .isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("depth"));
        assertThatThrownBy(() -> params(2, 0, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false))
                .isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("width"));
        assertThatThrownBy(() -> params(2, 6, Norm.GROUP, 4, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false))
                .isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("groups"));
        assertThatThrownBy(() -> params(2, 6, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 1.0, false,
                false)).isInstanceOf(InvalidValueException.class)
                .matches(e -> ((InvalidValueException) e).key().equals("dropout"));
        // group count not dividing the width only matters for group norm
        params(2, 6, Norm.BATCH, 4, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false);

        UNetParams depth3 = params(3, 2, Norm.BATCH, 1, Activation.RELU, Upsampling.TRANSPOSED, 0, false, false);
        assertThatThrownBy(() -> UNet.create(depth3, new DataSpec(new long[] {1, 16, 20}, 2), 2))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("model.depth")
                .hasMessageContaining("[1, 16, 20]").hasMessageContaining("divisible by 8");
        assertThatThrownBy(() -> UNet.create(depth3, new DataSpec(new long[] {1, 16, 16}, 2), 3))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("[1, 16, 16]")
                .hasMessageContaining("unet2d");
    }
}
