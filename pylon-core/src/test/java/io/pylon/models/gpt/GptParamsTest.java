package io.pylon.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;

class GptParamsTest {

    @Test
    void anEmptySectionBindsToTheDefaults() {
        assertThat(Config.parse("model: {}\n", "test").bind("model", GptParams.class)).isEqualTo(GptParams.defaults());
        assertThat(Config.parse("sampling: {}\n", "test").bind("sampling", SamplingParams.class))
                .isEqualTo(SamplingParams.seeded(0));
    }

    @Test
    void snakeCaseKeysBindToTheComponents() {
        GptParams params = Config.parse("""
                model: {d_model: 64, n_layers: 4, n_heads: 4, d_ff: 256, block_size: 128, dropout: 0.2, bias: false}
                """, "test").bind("model", GptParams.class);

        assertThat(params).isEqualTo(new GptParams(64, 4, 4, 256, 128, 0.2, false));
        assertThat(params.headSize()).isEqualTo(16);
        SamplingParams sampling = Config.parse("s: {temperature: 0.8, top_k: 5, top_p: 0.9, seed: 3}\n", "test")
                .bind("s", SamplingParams.class);
        assertThat(sampling).isEqualTo(new SamplingParams(0.8, 5, 0.9, 3));
    }

    @Test
    void anInvalidValueIsReportedAtItsKey() {
        assertThatThrownBy(() -> Config.parse("model: {d_model: 100, n_heads: 8}\n", "test").bind("model", GptParams.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("n_heads").hasMessageContaining("divide d_model");
    }
}
