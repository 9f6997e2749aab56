package io.pylon.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.models.ModelSummary;

class TinyResMlpTest {

    @Test
    void hasTheClosedFormParameterCountAndOutputShape() {
        Engine.start();
        DataSpec spec = new DataSpec(new long[] {1, 28, 28}, 10);
        long w = 16;
        ModelSummary summary = ModelSummary.of(new TinyResMlp(new TinyResMlpParams((int) w, 3), spec),
                spec, -1);

        long stem = 784 * w + w;
        long block = 2 * (w * w + w);
        long head = w * 10 + 10;
        assertThat(summary.totalParams()).isEqualTo(stem + 3 * block + head);
        assertThat(summary.rows()).filteredOn(r -> r.path().equals("block1")).singleElement()
                .satisfies(r -> assertThat(r.totalParams()).isEqualTo(block))
                .satisfies(r -> assertThat(r.type()).isEqualTo("Block"));
        assertThat(summary.outputShapes()).containsEntry("output", "[1, 10]");
    }
}
