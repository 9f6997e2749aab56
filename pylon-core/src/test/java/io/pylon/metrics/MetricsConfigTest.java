package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.registry.UnknownNameException;
import io.pylon.testing.TestComponents;

/** The {@code metrics:} section: names or maps with parameters, errors with file and line; key directions. */
class MetricsConfigTest {

    private static ConfigNode section(String yaml) {
        return Config.parse(yaml, "run.yaml").find("metrics").orElseThrow();
    }

    @Test
    void namesAndMapsWithParameters() {
        List<Metric> metrics = TestComponents.metrics(section("""
                metrics:
                  - accuracy
                  - {name: top_k_accuracy, k: 5}
                  - {name: f1, num_classes: 10}
                  - name: hd95
                    num_classes: 3
                    spacing: [0.5, 0.5, 2.0]
                """));
        assertThat(metrics).extracting(Metric::name).containsExactly("accuracy", "top_k_accuracy", "f1", "hd95");
        assertThat(metrics.get(1)).isInstanceOf(TopKAccuracy.class);
    }

    @Test
    void defaultsApplyToNamesAlone() {
        assertThat(TestComponents.metrics(List.of("accuracy", "top_k_accuracy", "perplexity"))).hasSize(3);
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> TestComponents.metrics(section("""
                metrics:
                  - accuracy
                  - {name: top_k_accuracy, k: 0}
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("run.yaml:3")
                .hasMessageContaining("k").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> TestComponents.metrics(section("""
                metrics:
                  - accuracy
                  - {name: f1}
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("run.yaml:3")
                .hasMessageContaining("num_classes");
        assertThatThrownBy(() -> TestComponents.metrics(section("""
                metrics:
                  - acuracy
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("run.yaml:2")
                .hasMessageContaining("unknown metric 'acuracy'");
        assertThatThrownBy(() -> TestComponents.metrics(section("""
                metrics:
                  - {name: f1, num_classes: 3, average: macro}
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("run.yaml:2")
                .hasMessageContaining("average");
        assertThatThrownBy(() -> TestComponents.metrics(section("""
                metrics:
                  - accuracy
                  - accuracy
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TestComponents.metrics(List.of("f1"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("num_classes");
    }

    @Test
    void directionOfComputedKeys() {
        assertThat(TestComponents.directions().of("val/loss")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(TestComponents.directions().of("val/accuracy")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(TestComponents.directions().of("val/f1/macro")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(TestComponents.directions().of("val/dice/class_3")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(TestComponents.directions().of("val/hd95/mean")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(TestComponents.directions().of("val/bpc")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThatThrownBy(() -> TestComponents.directions().of("val/f2/macro")).isInstanceOf(IllegalArgumentException.class);
    }
}
