package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class BinderTest {

    enum Precision { FP32, BF16, MIXED_FP16 }

    record Scalars(int anInt, long aLong, double aDouble, float aFloat, boolean flag, Integer boxed, String text,
                   Precision precision, Path dir) {
    }

    record Containers(List<Integer> sizes, Map<String, Double> weights, List<List<String>> nested) {
    }

    record Optionals(Optional<String> name, OptionalInt steps, OptionalLong seed, OptionalDouble clip,
                     Optional<Integer> absent) {
    }

    record Inner(@Default("0.9") double momentum, @Default("[32, 64]") List<Integer> sizes) {
    }

    record Outer(@Default("5") int maxEpochs, Inner inner, @Default("null") Optional<String> resume) {
    }

    record Component(String name, MapNode params, ConfigNode anything) {
    }

    private static MapNode yaml(String text) {
        return YamlReader.readDocument(text, "b.yaml");
    }

    @Test
    void bindsScalarTypes() {
        Scalars s = Binder.bind(yaml("""
                an_int: 3
                a_long: 12345678901
                a_double: 2
                a_float: 0.5
                flag: true
                boxed: 7
                text: hello
                precision: bf16
                dir: /tmp/data
                """), "s", Scalars.class);

        assertThat(s).isEqualTo(new Scalars(3, 12345678901L, 2.0, 0.5f, true, 7, "hello", Precision.BF16,
                Path.of("/tmp/data")));
    }

    @Test
    void snakeCaseKeysMapToCamelCaseComponents() {
        assertThat(RecordBinder.yamlKey("maxEpochs")).isEqualTo("max_epochs");
        assertThat(RecordBinder.yamlKey("lr")).isEqualTo("lr");
        assertThat(Binder.bind(yaml("max_epochs: 2\ninner: {}\n"), "t", Outer.class).maxEpochs()).isEqualTo(2);
    }

    @Test
    void doublesAcceptScientificNotation() {
        assertThat((Double) Binder.bindValue(yaml("lr: 1e-3").get("lr").orElseThrow(), "lr", double.class))
                .isEqualTo(1e-3);
    }

    @Test
    void enumsMatchCaseInsensitively() {
        ConfigNode node = yaml("p: Mixed_FP16").get("p").orElseThrow();

        assertThat((Precision) Binder.bindValue(node, "p", Precision.class)).isEqualTo(Precision.MIXED_FP16);
    }

    @Test
    void stringsAcceptUnquotedNumbersAsText() {
        MapNode root = yaml("a: 2024\nb: 1.5\nc: true\n");

        assertThat((String) Binder.bindValue(root.get("a").orElseThrow(), "a", String.class)).isEqualTo("2024");
        assertThat((String) Binder.bindValue(root.get("b").orElseThrow(), "b", String.class)).isEqualTo("1.5");
        assertThat((String) Binder.bindValue(root.get("c").orElseThrow(), "c", String.class)).isEqualTo("true");
    }

    @Test
    void bindsListsMapsAndNestedLists() {
        Containers c = Binder.bind(yaml("""
                sizes: [1, 2, 3]
                weights: {a: 1, b: 0.5}
                nested: [[x], [y, z]]
                """), "c", Containers.class);

        assertThat(c.sizes()).containsExactly(1, 2, 3);
        assertThat(c.weights()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 0.5));
        assertThat(c.nested()).containsExactly(List.of("x"), List.of("y", "z"));
    }

    @Test
    void bindsGenericTypesThroughBindValue() {
        record Holder(List<Long> values) {
        }
        Type type = Holder.class.getRecordComponents()[0].getGenericType();

        List<Long> values = Binder.bindValue(yaml("v: [1, 2]").get("v").orElseThrow(), "v", type);

        assertThat(values).containsExactly(1L, 2L);
    }

    @Test
    void optionalsAreEmptyWhenAbsentOrNull() {
        Optionals o = Binder.bind(yaml("name: null\nsteps: 3\nseed: ~\nclip: 1\n"), "o", Optionals.class);

        assertThat(o).isEqualTo(new Optionals(Optional.empty(), OptionalInt.of(3), OptionalLong.empty(),
                OptionalDouble.of(1.0), Optional.empty()));
    }

    @Test
    void defaultsApplyToAbsentKeys() {
        Outer outer = Binder.bind(yaml("inner: {momentum: 0.5}\n"), "o", Outer.class);

        assertThat(outer).isEqualTo(new Outer(5, new Inner(0.5, List.of(32, 64)), Optional.empty()));
    }

    @Test
    void nullSectionBindsAsEmptyMap() {
        Outer outer = Binder.bind(yaml("max_epochs: 1\ninner:\n"), "o", Outer.class);

        assertThat(outer.inner()).isEqualTo(new Inner(0.9, List.of(32, 64)));
    }

    @Test
    void rawNodesAreHandedOverUntouched() {
        MapNode root = yaml("name: adamw\nparams: {lr: 1e-3, betas: [0.9, 0.99]}\nanything: [1]\n");

        Component c = Binder.bind(root, "optim", Component.class);

        assertThat(c.params()).isSameAs(root.get("params").orElseThrow());
        assertThat(c.anything().toPlain()).isEqualTo(List.of(1L));
    }

    @Test
    void unsupportedComponentTypeIsAProgrammingError() {
        record Odd(Object thing) {
        }

        assertThatThrownBy(() -> Binder.bind(yaml("thing: 1"), "o", Odd.class))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(ConfigException.class)
                .hasMessage("config values cannot have type java.lang.Object (at o.thing)");
    }

    @Test
    void boundListsAreUnmodifiable() {
        Containers c = Binder.bind(yaml("sizes: [1]\nweights: {}\nnested: []\n"), "c", Containers.class);

        assertThat(c.sizes()).isUnmodifiable();
        assertThat(c.weights()).isUnmodifiable();
    }
}
