package io.pylon.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

/** Norm clipping is global over all groups; value clipping is a symmetric clamp. */
class GradientClippingTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Optimizer withGradients(double scale) {
        torch.manual_seed(5);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.1).withWeightDecay(0.01), new TwoLayerNet());
        try (NoGradGuard guard = new NoGradGuard()) {
            for (ParamGroup group : optimizer.groups()) {
                group.flatGrads().copy_(torch.randn_like(group.flatGrads()).mul(new Scalar(scale)));
            }
        }
        return optimizer;
    }

    private static double globalNorm(Optimizer optimizer) {
        double sum = 0;
        for (ParamGroup group : optimizer.groups()) {
            for (float g : Tensors.toFloats(group.flatGrads())) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void clipNormScalesTheGlobalNormDownToTheMaximum() {
        Optimizer optimizer = withGradients(3.0);
        assertThat(optimizer.groups()).hasSize(2);
        double before = globalNorm(optimizer);
        float[] direction = Tensors.toFloats(optimizer.groups().get(1).flatGrads());

        double returned = GradientClipping.clipNorm(optimizer, 1.0);

        assertThat(returned).isCloseTo(before, within(before * 1e-5));
        assertThat(globalNorm(optimizer)).isCloseTo(1.0, within(1e-5));
        float[] after = Tensors.toFloats(optimizer.groups().get(1).flatGrads());
        double ratio = after[0] / direction[0];
        for (int i = 0; i < after.length; i++) {
            assertThat((double) after[i]).isCloseTo(direction[i] * ratio, within(1e-6));
        }
    }

    @Test
    void clipNormLeavesSmallGradientsAlone() {
        Optimizer optimizer = withGradients(0.001);
        float[] before = Tensors.toFloats(optimizer.groups().getFirst().flatGrads());
        double norm = globalNorm(optimizer);
        assertThat(norm).isLessThan(1.0);

        assertThat(GradientClipping.clipNorm(optimizer, 1.0)).isCloseTo(norm, within(norm * 1e-5));
        assertThat(Tensors.toFloats(optimizer.groups().getFirst().flatGrads())).containsExactly(before);
    }

    @Test
    void clipValueBoundsEveryElement() {
        Optimizer optimizer = withGradients(1.0);
        GradientClipping.clipValue(optimizer, 0.5);
        boolean hitBound = false;
        for (ParamGroup group : optimizer.groups()) {
            for (float g : Tensors.toFloats(group.flatGrads())) {
                assertThat(g).isBetween(-0.5f, 0.5f);
                hitBound |= Math.abs(g) == 0.5f;
            }
        }
        assertThat(hitBound).as("some standard-normal gradients exceed 0.5").isTrue();
    }
}
