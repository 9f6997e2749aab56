package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void restoredRngStateReplaysTheSameRandomNumbers() {
        Seeds.seed(11);
        byte[] state = Seeds.cpuState();
        float[] first = Tensors.toFloats(torch.randn(5));
        Seeds.restoreCpuState(state);
        float[] again = Tensors.toFloats(torch.randn(5));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void derivedSeedsDifferPerStreamAndRepeat() {
        assertThat(Seeds.derive(1, 0)).isEqualTo(Seeds.derive(1, 0));
        assertThat(Seeds.derive(1, 0)).isNotEqualTo(Seeds.derive(1, 1));
        assertThat(Seeds.derive(1, 2, 3)).isNotEqualTo(Seeds.derive(1, 3, 2));
    }
}
