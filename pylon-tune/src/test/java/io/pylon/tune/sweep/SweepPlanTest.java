package io.pylon.tune.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.config.ConfigException;

class SweepPlanTest {

    @Test
    void crossProductVariesTheFirstKeySlowest() {
        SweepPlan plan = SweepPlan.of(List.of("optim.lr=1e-3,1e-2", "model=cnn,mlp", "seed=range(3)"));
        assertThat(plan.runs()).hasSize(12);
        assertThat(plan.runs().getFirst()).containsExactly("optim.lr=1e-3", "model=cnn", "seed=0");
        assertThat(plan.runs().get(1)).containsExactly("optim.lr=1e-3", "model=cnn", "seed=1");
        assertThat(plan.runs().getLast()).containsExactly("optim.lr=1e-2", "model=mlp", "seed=2");
    }

    @Test
    void rangeAndChoiceExpandToLists() {
        assertThat(SweepPlan.expand("seed=range(2, 8, 3)")).isEqualTo("seed=2,5");
        assertThat(SweepPlan.expand("seed=range(3, 0, -1)")).isEqualTo("seed=3,2,1");
        assertThat(SweepPlan.expand("model=choice(cnn, mlp)")).isEqualTo("model=cnn, mlp");
        assertThat(SweepPlan.of(List.of("sizes=[1,2],[3,4]")).runs()).hasSize(2);
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> SweepPlan.of(List.of("seed=range(3, 3)"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("seed").hasMessageContaining("empty");
        assertThatThrownBy(() -> SweepPlan.of(List.of("optim.lr=interval(0, 1)"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pylon tune");
        assertThatThrownBy(() -> SweepPlan.of(List.of("seed=range(a)"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("integers");
    }
}
