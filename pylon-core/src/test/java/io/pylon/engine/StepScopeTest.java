package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class StepScopeTest {

    @Test
    void keptTensorOutlivesTheScopeOthersDoNot() {
        Engine.start();
        Tensor kept;
        Tensor dropped;
        try (StepScope scope = new StepScope()) {
            kept = scope.keep(torch.ones(3));
            dropped = torch.ones(3);
        }
        assertThat(kept.isNull()).isFalse();
        assertThat(Tensors.toFloats(kept)).containsExactly(1f, 1f, 1f);
        assertThat(dropped.isNull()).isTrue();
        kept.close();
    }
}
