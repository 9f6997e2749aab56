package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.config.YamlReader;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Criterion;
import io.pylon.criteria.CrossEntropy;
import io.pylon.optim.schedule.Schedules;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class CompositeCriteriaTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** The composites over this test's own inner criteria. */
    private static final ComponentBinder BINDER = new ComponentBinder(registry());

    private static Components registry() {
        Components.Builder builder = Components.builder();
        CompositeCriteria.registerBuiltIns(builder);
        Schedules.registerBuiltIns(builder);
        builder.registerSimple(Criteria.KIND, "cross_entropy", CrossEntropy.class, p -> p);
        builder.registerSimple(Criteria.KIND, "const", ConstantCriterion.class, p -> p);
        builder.registerSimple(Criteria.KIND, "mse", SquaredError.class, p -> p);
        return builder.build();
    }

    private static Criterion build(String yaml) {
        ConfigNode section = YamlReader.readDocument(yaml, "x.yaml").get("criterion").orElseThrow();
        return BINDER.bind(Criteria.KIND, section, "criterion").create(null);
    }

    private static void assertConfigError(String yaml, String keyPath, String detail) {
        assertThatThrownBy(() -> build(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.keyPath()).isEqualTo(keyPath);
            assertThat(e.getMessage()).startsWith("x.yaml:").contains(detail);
        });
    }

    private static Tensor any() {
        return TestTensors.doubles(new double[] {0.5, -0.5}, 1, 2);
    }

    @Test
    void combinedWithFixedWeightsPassesOtherKeysToTheTermCriterion() {
        Criterion loss = build("""
                criterion:
                  name: combined
                  terms:
                    - {name: const, value: 2.0}
                    - {name: const, label: other, value: 3.0, weight: 0.5}
                """);
        assertThat(loss).isInstanceOf(CombinedLoss.class);
        assertThat(loss.apply(any(), any()).item_double()).isCloseTo(3.5, within(1e-12));
        assertThat(((CombinedLoss) loss).weights()).containsExactly(Map.entry("const", 1.0), Map.entry("other", 0.5));
        assertThat(((CombinedLoss) loss).parameters()).isEmpty();
    }

    @Test
    void combinedWithScheduleAndLearnableWeights() {
        Criterion loss = build("""
                criterion:
                  name: combined
                  learnable_weights: true
                  terms:
                    - {name: const, label: dice, value: 1.0}
                    - {name: boundary, weight: 0.5}
                  schedule:
                    dice: {name: linear, from: 1.0, to: 0.0, end: 10}
                    boundary: {name: piecewise, milestones: [100], values: [0.0, 1.0], interval: step}
                """);
        CombinedLoss combined = (CombinedLoss) loss;
        assertThat(combined.parameters()).isPresent();
        assertThat(combined.terms().get(1).criterion()).isInstanceOf(BoundaryLoss.class);
        combined.onStep(99, 5);
        assertThat(combined.weights().get("dice")).isCloseTo(0.5, within(1e-7));
        assertThat(combined.weights().get("boundary")).isZero();
        combined.onStep(100, 5);
        assertThat(combined.weights().get("boundary")).isCloseTo(0.5, within(1e-7));
    }

    @Test
    void combinedErrorsNameTheKey() {
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: const, value: 1.0}
                    - {name: mse, weight: -0.5}
                """, "criterion.terms.1.weight", "must be >= 0");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: const, value: 1.0}
                    - {name: const, value: 2.0}
                """, "criterion.terms.1.name", "already labelled 'const'");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: mse}
                  schedule:
                    mse: {name: exponentail, gamma: 0.5}
                """, "criterion.schedule.mse.name", "unknown schedule 'exponentail'; did you mean 'exponential'?");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: mse}
                  schedule:
                    mse: {name: plateau}
                """, "criterion.schedule.mse.name", "schedules only the learning rate");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: mse}
                  schedule:
                    dice: {name: linear, from: 1.0, to: 0.0, end: 10}
                """, "criterion.schedule.dice", "no term is labelled 'dice'");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {name: mse}
                  schedule:
                    mse: {name: cosine_ramp, from: 1.0, to: 0.0, start: 5, end: 5}
                """, "criterion.schedule.mse.end", "must be > start");
        assertConfigError("""
                criterion:
                  name: combined
                  terms: []
                """, "criterion.terms", "at least one term");
        assertConfigError("""
                criterion:
                  name: combined
                  terms:
                    - {weight: 1.0}
                """, "criterion.terms.0.name", "missing required value");
    }

    @Test
    void boundaryFromConfig() {
        BoundaryLoss loss = (BoundaryLoss) build("""
                criterion:
                  name: boundary
                  spacing: [2.0, 0.5]
                  include_background: true
                """);
        assertThat(loss.spacing()).containsExactly(2.0, 0.5);
        assertThat(loss.includeBackground()).isTrue();
        assertThat(((BoundaryLoss) build("criterion:\n  name: boundary\n")).spacing()).isEmpty();
        assertConfigError("""
                criterion:
                  name: boundary
                  spacing: [1.0, 0.0]
                """, "criterion.spacing.1", "must be positive");
    }

    @Test
    void deepSupervisionFromConfig() {
        DeepSupervisionLoss loss = (DeepSupervisionLoss) build("""
                criterion:
                  name: deep_supervision
                  criterion: {name: cross_entropy, label_smoothing: 0.1}
                """);
        assertThat(loss.weights()).isEqualTo(DeepSupervisionLoss.DEFAULT_WEIGHTS);
        assertThat(loss.normalize()).isTrue();
        assertThat(loss.targetMode()).isEqualTo(TargetMode.NEAREST);
        Tensor logits = TestTensors.doubles(TestTensors.random(61, 6), 2, 3);
        Tensor labels = Tensors.fromLongs(new long[] {1, 2}, 2);
        assertThat(loss.apply(List.of(logits), labels).item_double())
                .isCloseTo(new CrossEntropy(0.1).apply(logits, labels).item_double(), within(1e-12));

        DeepSupervisionLoss custom = (DeepSupervisionLoss) build("""
                criterion:
                  name: deep_supervision
                  criterion: {name: combined, terms: [{name: mse}]}
                  weights: [1.0, 1.0]
                  scales: 2
                  normalize: false
                  target_mode: linear
                  clamp_min: 0.0
                  clamp_max: 1.0
                """);
        assertThat(custom.scaleFactors(2)).containsExactly(1.0, 1.0);
        assertThat(custom.targetMode()).isEqualTo(TargetMode.LINEAR);
    }

    @Test
    void deepSupervisionErrorsNameTheKey() {
        assertConfigError("""
                criterion:
                  name: deep_supervision
                  criterion: {name: mse}
                  weights: [1.0, 0.5, 0.25]
                  scales: 4
                """, "criterion.weights", "needs one weight per scale (scales: 4), got 3");
        assertConfigError("""
                criterion:
                  name: deep_supervision
                  criterion: {name: mse}
                  weights: [1.0, -0.5]
                """, "criterion.weights.1", "must be >= 0");
        assertConfigError("""
                criterion:
                  name: deep_supervision
                  criterion: {name: mse}
                  target_mode: cubic
                """, "criterion.target_mode", "expected one of nearest, linear");
        assertConfigError("""
                criterion:
                  name: deep_supervision
                  criterion: {name: mse}
                  clamp_min: 1.0
                  clamp_max: 0.0
                """, "criterion.clamp_max", "must be >= clamp_min");
        assertConfigError("""
                criterion:
                  name: deep_supervision
                  criterion: {label_smoothing: 0.1}
                """, "criterion.criterion.name", "missing required value");
        assertConfigError("""
                criterion:
                  name: deep_supervision
                """, "criterion.criterion", "missing required value");
    }

    @Test
    void multiTaskFromConfig() {
        MultiTaskLoss loss = (MultiTaskLoss) build("""
                criterion:
                  name: multi_task
                  heads:
                    seg: {criterion: {name: const, value: 2.0}}
                    cls: {criterion: {name: const, value: 4.0}, weight: 0.25}
                """);
        assertThat(loss.weights()).containsExactly(Map.entry("seg", 1.0), Map.entry("cls", 0.25));
        assertThat(loss.apply(Map.of("seg", any(), "cls", any()), Map.of("seg", any(), "cls", any())).item_double())
                .isCloseTo(3.0, within(1e-12));
        assertConfigError("""
                criterion:
                  name: multi_task
                  heads:
                    seg: {criterion: {name: mse}}
                    cls: {criterion: {name: mse}, weight: -1}
                """, "criterion.heads.cls.weight", "must be >= 0");
        assertConfigError("""
                criterion:
                  name: multi_task
                  heads: {}
                """, "criterion.heads", "at least one head");
        assertConfigError("""
                criterion:
                  name: multi_task
                  heads:
                    seg: {criterion: 3}
                """, "criterion.heads.seg.criterion", "expected");
    }

    @Test
    void unknownCompositeIsAConfigError() {
        assertConfigError("""
                criterion:
                  name: combind
                """, "criterion.name", "unknown criterion 'combind'; did you mean 'combined'?");
    }
}
