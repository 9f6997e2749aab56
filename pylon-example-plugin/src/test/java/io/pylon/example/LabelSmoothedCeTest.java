package io.pylon.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.criteria.CrossEntropy;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;

class LabelSmoothedCeTest {

    @Test
    void equalsTheBuiltInCrossEntropyWithLabelSmoothing() {
        Engine.start();
        Seeds.seed(3);
        Tensor logits = torch.randn(6, 4);
        Tensor target = torch.randint(4, new long[] {6});
        for (double s : new double[] {0.0, 0.1, 0.5}) {
            double plugin = new LabelSmoothedCe(s).apply(logits, target).item_double();
            double builtIn = new CrossEntropy(s).apply(logits, target).item_double();
            assertThat(plugin).as("smoothing %s", s).isCloseTo(builtIn, Offset.offset(1e-6));
        }
    }

    @Test
    void rejectsSmoothingOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new LabelSmoothedCe(1.0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("[0, 1)");
    }
}
