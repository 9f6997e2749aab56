package io.pylon.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bytedeco.pytorch.DropoutImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LinearOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.trainer.profile.HostMemory;

class RecomputeTest {

    private record TwoBlocks(LinearImpl a, LinearImpl b, LinearImpl c, DropoutImpl dropout) {
        static TwoBlocks create() {
            torch.manual_seed(7);
            DropoutImpl dropout = new DropoutImpl(0.3);
            dropout.train(true);
            return new TwoBlocks(new LinearImpl(new LinearOptions(6, 6)), new LinearImpl(new LinearOptions(6, 6)),
                    new LinearImpl(new LinearOptions(6, 4)), dropout);
        }

        Tensor block1(Tensor x) {
            return x.add(dropout.forward(torch.tanh(a.forward(x))));
        }

        Tensor block2(Tensor x) {
            return c.forward(torch.relu(b.forward(x)));
        }

        List<float[]> grads() {
            List<float[]> out = new ArrayList<>();
            for (LinearImpl l : List.of(a, b, c)) {
                out.add(Tensors.toFloats(l.weight().grad()));
                out.add(Tensors.toFloats(l.bias().grad()));
            }
            return out;
        }
    }

    private static List<float[]> gradients(boolean checkpoint, boolean inputNeedsGrad, float[] inputGrad) {
        TwoBlocks m = TwoBlocks.create();
        try (StepScope scope = new StepScope()) {
            torch.manual_seed(11);
            Tensor x = torch.randn(5, 6);
            if (inputNeedsGrad) {
                x.requires_grad_(true);
            }
            UnaryOperator<Tensor> first = m::block1;
            UnaryOperator<Tensor> second = m::block2;
            Tensor h = checkpoint ? Recompute.apply(first, x) : first.apply(x);
            Tensor y = checkpoint ? Recompute.apply(second, h) : second.apply(h);
            // an RNG draw between forward and backward: the recomputation must not see it
            torch.randn(3);
            y.pow(new org.bytedeco.pytorch.Scalar(2.0)).sum().backward();
            if (inputNeedsGrad) {
                System.arraycopy(Tensors.toFloats(x.grad()), 0, inputGrad, 0, inputGrad.length);
            }
            return m.grads();
        }
    }

    @Test
    void checkpointedBlocksGiveTheSameGradientsWithDropout() {
        Engine.start();
        float[] plainInput = new float[30];
        float[] recomputedInput = new float[30];
        List<float[]> plain = gradients(false, true, plainInput);
        List<float[]> recomputed = gradients(true, true, recomputedInput);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(recomputed.get(i)).containsExactly(plain.get(i), org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(recomputedInput).containsExactly(plainInput, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(plain.get(0)).as("gradients are not trivially zero").isNotEqualTo(new float[36]);
    }

    @Test
    void anInputWithoutGradientStillTrainsTheBlockParameters() {
        Engine.start();
        List<float[]> plain = gradients(false, false, null);
        List<float[]> recomputed = gradients(true, false, null);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(recomputed.get(i)).containsExactly(plain.get(i), org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void withoutGradModeTheBlockJustRuns() {
        Engine.start();
        TwoBlocks m = TwoBlocks.create();
        try (StepScope scope = new StepScope(); var noGrad = new org.bytedeco.pytorch.NoGradGuard()) {
            Tensor x = torch.randn(2, 6);
            Tensor out = Recompute.apply(m::block2, x);
            assertThat(out.requires_grad()).isFalse();
            assertThat(Tensors.toFloats(out)).containsExactly(Tensors.toFloats(m.block2(x)));
        }
    }

    /** Peak resident bytes a forward + backward through 8 blocks adds, each block keeping 5 activations. */
    private static long peakOf(boolean checkpoint) {
        torch.manual_seed(3);
        Tensor w = torch.randn(512, 512).mul_(new org.bytedeco.pytorch.Scalar(0.03)).requires_grad_(true);
        UnaryOperator<Tensor> block = x -> {
            Tensor h1 = torch.tanh(x.matmul(w));
            Tensor h2 = torch.sigmoid(h1);
            return torch.exp(h1.mul(h2).neg()).add(x);
        };
        System.gc();
        long before = HostMemory.residentBytes().orElseThrow();
        HostMemory.resetPeak();
        try (StepScope scope = new StepScope()) {
            Tensor x = torch.randn(4096, 512);
            for (int i = 0; i < 8; i++) {
                x = checkpoint ? Recompute.apply(block, x) : block.apply(x);
            }
            x.sum().backward();
        }
        return HostMemory.peakBytes().orElseThrow() - before;
    }

    @Test
    void checkpointingKeepsOneBlockOfActivationsInsteadOfEight() {
        Engine.start();
        HostMemory.returnFreedBlocksToOs(64 * 1024);
        peakOf(false);
        long plain = peakOf(false);
        long checkpointed = peakOf(true);
        System.out.printf("gradient checkpointing, 8 blocks of 5 activations of 8 MiB: peak added %d MiB plain,"
                + " %d MiB checkpointed%n", plain >> 20, checkpointed >> 20);
        assertThat(checkpointed).isLessThan(plain / 2);
    }
}
