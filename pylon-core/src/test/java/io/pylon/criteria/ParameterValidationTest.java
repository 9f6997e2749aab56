package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.InvalidValueException;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.engine.Engine;
import io.pylon.testing.TestComponents;

/** Every out-of-range parameter is an {@link InvalidValueException} naming its key; config errors name file:line. */
class ParameterValidationTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static void rejects(String key, String messagePart, Executable build) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> {
            try {
                build.execute();
            } catch (Throwable t) {
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
            }
        });
        assertThat(e).as("expected an InvalidValueException for %s", key).isNotNull();
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage()).contains(messagePart);
    }

    @Test
    void crossEntropy() {
        rejects("label_smoothing", "[0, 1)", () -> new CrossEntropy(1.0));
        rejects("label_smoothing", "[0, 1)", () -> new CrossEntropy(-0.1));
        rejects("weight", ">= 0", () -> new CrossEntropy(List.of(1.0, -1.0), 0, -100));
        Tensor[] s = SingleOutputLosses.multiclass(1);
        rejects("weight", "3 classes, got 2 values",
                () -> new CrossEntropy(List.of(1.0, 2.0), 0, -100).apply(s[0], s[1]));
    }

    @Test
    void bceWithLogits() {
        rejects("pos_weight", ">= 0", () -> new BceWithLogits(List.of(-2.0)));
        Tensor[] s = SingleOutputLosses.binary(1);
        rejects("pos_weight", "3 classes along dim 1, got 2 values",
                () -> new BceWithLogits(List.of(1.0, 2.0)).apply(s[0], s[1]));
    }

    @Test
    void dice() {
        rejects("smooth", ">= 0", () -> new Dice(LossMode.MULTICLASS, List.of(), -1, true, false));
        rejects("weight", "multiclass", () -> new Dice(LossMode.BINARY, List.of(1.0), 1, true, false));
        rejects("weight", "all 0", () -> new Dice(LossMode.MULTICLASS, List.of(0.0, 0.0), 1, true, false));
        rejects("weight", ">= 0", () -> new Dice(LossMode.MULTICLASS, List.of(1.0, -1.0), 1, true, false));
        rejects("include_background", "multiclass", () -> new Dice(LossMode.BINARY, List.of(), 1, false, false));
        Tensor[] s = SingleOutputLosses.multiclass(1);
        rejects("weight", "3 classes, got 4 values",
                () -> new Dice(LossMode.MULTICLASS, List.of(1.0, 1.0, 1.0, 1.0), 1, true, false).apply(s[0], s[1]));
    }

    @Test
    void focal() {
        rejects("alpha", "[0, 1]", () -> new Focal(LossMode.BINARY, List.of(1.5), 2, -100));
        rejects("alpha", "[0, 1]", () -> new Focal(LossMode.BINARY, List.of(-0.1), 2, -100));
        rejects("alpha", "one alpha", () -> new Focal(LossMode.BINARY, List.of(0.2, 0.3), 2, -100));
        rejects("alpha", ">= 0", () -> new Focal(LossMode.MULTICLASS, List.of(0.2, -0.3), 2, -100));
        rejects("gamma", ">= 0", () -> new Focal(LossMode.MULTICLASS, List.of(), -1, -100));
        Tensor[] s = SingleOutputLosses.multiclass(1);
        rejects("alpha", "3 classes, got 2 values",
                () -> new Focal(LossMode.MULTICLASS, List.of(0.5, 0.5), 2, -100).apply(s[0], s[1]));
    }

    @Test
    void tverskyAndFocalTversky() {
        rejects("alpha", ">= 0", () -> new Tversky(LossMode.MULTICLASS, -0.1, 0.5, 1, true));
        rejects("beta", ">= 0", () -> new Tversky(LossMode.MULTICLASS, 0.5, -1, 1, true));
        rejects("beta", "alpha + beta must be > 0", () -> new Tversky(LossMode.MULTICLASS, 0, 0, 1, true));
        rejects("smooth", ">= 0", () -> new Tversky(LossMode.MULTICLASS, 0.5, 0.5, -1, true));
        rejects("include_background", "multiclass", () -> new Tversky(LossMode.BINARY, 0.5, 0.5, 1, false));
        rejects("gamma", "> 0", () -> new FocalTversky(LossMode.MULTICLASS, 0.7, 0.3, 0, 1, true));
        rejects("gamma", "> 0", () -> new FocalTversky(LossMode.MULTICLASS, 0.7, 0.3, -1, 1, true));
        rejects("alpha", ">= 0", () -> new FocalTversky(LossMode.MULTICLASS, -1, 0.3, 1, 1, true));
    }

    @Test
    void topK() {
        rejects("count", "got both", () -> new TopK(OptionalDouble.of(0.5), OptionalInt.of(3), -100));
        rejects("fraction", "got neither", () -> new TopK(OptionalDouble.empty(), OptionalInt.empty(), -100));
        rejects("fraction", "(0, 1]", () -> TopK.ofFraction(0));
        rejects("fraction", "(0, 1]", () -> TopK.ofFraction(1.5));
        rejects("count", ">= 1", () -> TopK.ofCount(0));
    }

    @Test
    void smoothL1() {
        rejects("beta", "> 0", () -> new SmoothL1(0));
        rejects("beta", "> 0", () -> new SmoothL1(-1));
    }

    private static Criterion fromFile(String yaml) {
        Config config = Config.parse(yaml, "x.yaml");
        MapNode section = (MapNode) config.find("criterion").orElseThrow();
        String name = String.valueOf(((ScalarNode) config.find("criterion.name").orElseThrow()).value());
        return TestComponents.criterion(name, section.without("name"), "criterion");
    }

    @Test
    void badYamlSectionsPointAtFileAndLine() {
        assertThatThrownBy(() -> fromFile("seed: 1\ncriterion:\n  name: focal\n  gamma: -1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:4: criterion.gamma: ")
                .hasMessageContaining("must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> fromFile("criterion:\n  name: topk\n  fraction: 0.5\n  count: 3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:4: criterion.count: ")
                .hasMessageContaining("exactly one of fraction and count");
        assertThatThrownBy(() -> fromFile("criterion:\n  name: focal\n  mode: binary\n  alpha: [1.5]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:4: criterion.alpha")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> fromFile("criterion:\n  name: focal\n  mode: binary\n  alpha: 1.5\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:4: criterion.alpha")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> fromFile("criterion:\n  name: dice\n  weight: 2.0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:3: criterion.weight");
        assertThatThrownBy(() -> fromFile("criterion:\n  name: cross_entropy\n  label_smoothing: 1.5\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:3: criterion.label_smoothing: ");
    }

    @Test
    void validYamlSectionsBindEveryParameter() {
        Criterion ce = fromFile("criterion:\n  name: cross_entropy\n  weight: [1, 2, 3]\n  label_smoothing: 0.1\n"
                + "  ignore_index: 255\n");
        assertThat(ce).isEqualTo(new CrossEntropy(List.of(1.0, 2.0, 3.0), 0.1, 255));
        Criterion dice = fromFile("criterion:\n  name: dice\n  mode: multiclass\n  weight: [1, 2]\n  smooth: 0\n"
                + "  include_background: false\n  batch_dice: true\n");
        assertThat(dice).isEqualTo(new Dice(LossMode.MULTICLASS, List.of(1.0, 2.0), 0, false, true));
        assertThat(fromFile("criterion:\n  name: topk\n  count: 7\n")).isEqualTo(TopK.ofCount(7));
        // one number where a list is expected: pos_weight and focal alpha
        assertThat(fromFile("criterion:\n  name: bce_with_logits\n  pos_weight: 3\n"))
                .isEqualTo(new BceWithLogits(List.of(3.0)));
        assertThat(fromFile("criterion:\n  name: bce_with_logits\n  pos_weight: [1, 2]\n"))
                .isEqualTo(new BceWithLogits(List.of(1.0, 2.0)));
        assertThat(fromFile("criterion:\n  name: focal\n  mode: binary\n  alpha: 0.25\n  gamma: 1\n"))
                .isEqualTo(new Focal(LossMode.BINARY, List.of(0.25), 1, -100));
        assertThat(fromFile("criterion:\n  name: focal_tversky\n  mode: binary\n  gamma: 2\n"))
                .isEqualTo(new FocalTversky(LossMode.BINARY, 0.7, 0.3, 2, 1, true));
    }
}
