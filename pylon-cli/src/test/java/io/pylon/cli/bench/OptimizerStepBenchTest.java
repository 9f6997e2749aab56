package io.pylon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark helper runs both optimizers on the same model and reports positive timings. */
class OptimizerStepBenchTest {

    @Test
    void timesBothOptimizers() {
        OptimizerStepBench.Result result = OptimizerStepBench.run(() -> new OptimizerStepBench.DeepMlp(3, 16, false), 1, 3);
        assertThat(result.tensors()).isEqualTo(6);
        assertThat(result.parameters()).isEqualTo(3 * (16 * 16 + 16));
        assertThat(result.flatMsPerStep()).isPositive();
        assertThat(result.perParameterMsPerStep()).isPositive();
        assertThat(result.device()).isEqualTo("cpu");
    }
}
