package io.pylon.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class SamplerTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @Test
    void topKKeepsTheKLargestLogitsOfEachRow() {
        Tensor logits = Tensors.fromFloats(new float[] {1, 5, 3, 2, 9, 0, 4, 8}, 2, 4);

        float[] kept = Tensors.toFloats(Sampler.topK(logits, 2));

        assertThat(kept).containsExactly(Float.NEGATIVE_INFINITY, 5, 3, Float.NEGATIVE_INFINITY,
                9, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 8);
        assertThat(Tensors.toFloats(Sampler.topK(logits, 0))).containsExactly(Tensors.toFloats(logits));
    }

    @Test
    void topPKeepsTheSmallestSetReachingTheMass() {
        // probabilities 0.5, 0.3, 0.2 (in vocabulary order 0.2, 0.5, 0.3)
        Tensor logits = Tensors.fromFloats(new float[] {(float) Math.log(0.2), (float) Math.log(0.5),
                (float) Math.log(0.3)}, 1, 3);

        assertThat(kept(Sampler.topP(logits, 0.4))).containsExactly(false, true, false);
        assertThat(kept(Sampler.topP(logits, 0.7))).containsExactly(false, true, true);
        assertThat(kept(Sampler.topP(logits, 0.9))).containsExactly(true, true, true);
        assertThat(kept(Sampler.topP(logits, 1.0))).containsExactly(true, true, true);
    }

    @Test
    void drawsFollowTheDistribution() {
        Tensor logits = Tensors.fromFloats(new float[] {0, (float) Math.log(3)}, 1, 2);
        Sampler sampler = new Sampler(SamplingParams.seeded(3));

        int ones = 0;
        for (int i = 0; i < 2000; i++) {
            ones += (int) sampler.next(logits).item_long();
        }

        assertThat(ones / 2000.0).isBetween(0.72, 0.78);
    }

    private static boolean[] kept(Tensor logits) {
        float[] values = Tensors.toFloats(logits);
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] != Float.NEGATIVE_INFINITY;
        }
        return out;
    }
}
