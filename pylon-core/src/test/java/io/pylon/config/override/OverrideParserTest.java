package io.pylon.config.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.config.ConfigException;
import io.pylon.config.ScalarNode;

class OverrideParserTest {

    static Stream<Arguments> setValues() {
        return Stream.of(
                Arguments.of("trainer.max_epochs=3", "trainer.max_epochs", 3L),
                Arguments.of("optim.lr=1e-3", "optim.lr", 1e-3),
                Arguments.of("optim.lr=0.5", "optim.lr", 0.5),
                Arguments.of("trainer.amp=true", "trainer.amp", true),
                Arguments.of("schedule=null", "schedule", null),
                Arguments.of("model.sizes=[1,2]", "model.sizes", List.of(1L, 2L)),
                Arguments.of("model.args={a: 1}", "model.args", Map.of("a", 1L)),
                Arguments.of("experiment.name='42'", "experiment.name", "42"),
                Arguments.of("experiment.name=\"a b\"", "experiment.name", "a b"),
                Arguments.of("experiment.name=mnist", "experiment.name", "mnist"),
                Arguments.of("experiment.name=", "experiment.name", ""),
                Arguments.of("data.path=/tmp/x=y", "data.path", "/tmp/x=y"),
                Arguments.of("model.layers.0=64", "model.layers.0", 64L),
                Arguments.of("  seed=7  ", "seed", 7L));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("setValues")
    void parsesSetValueWithYamlTypedValue(String argument, String path, Object expected) {
        ConfigOverride override = OverrideParser.parse(argument);

        assertThat(override).isInstanceOf(SetValue.class);
        assertThat(override.path().toString()).isEqualTo(path);
        assertThat(((SetValue) override).value().toPlain()).isEqualTo(expected);
    }

    @Test
    void plusPrefixAddsKey() {
        ConfigOverride override = OverrideParser.parse("+trainer.new_key=1");

        assertThat(override).isInstanceOf(AddKey.class);
        assertThat(override.path().segments()).containsExactly("trainer", "new_key");
        assertThat(((AddKey) override).value().toPlain()).isEqualTo(1L);
    }

    @Test
    void tildePrefixDeletesKey() {
        ConfigOverride override = OverrideParser.parse("~trainer.max_epochs");

        assertThat(override).isEqualTo(new DeleteKey("~trainer.max_epochs", KeyPath.of("trainer.max_epochs")));
    }

    @Test
    void overrideValuesCarryTheCommandLineOrigin() {
        SetValue override = (SetValue) OverrideParser.parse("trainer.max_epochs=0");

        assertThat(override.value().origin().toString()).isEqualTo("command-line override 'trainer.max_epochs=0'");
    }

    static Stream<Arguments> badSyntax() {
        return Stream.of(
                Arguments.of("trainer.max_epochs",
                        "command-line override 'trainer.max_epochs': expected key.path=value"),
                Arguments.of("+trainer.max_epochs",
                        "command-line override '+trainer.max_epochs': expected +key.path=value"),
                Arguments.of("~trainer.max_epochs=3",
                        "command-line override '~trainer.max_epochs=3': expected ~key.path (a deletion takes no value)"),
                Arguments.of("=3", "command-line override '=3': expected key.path=value, but the key path is empty"),
                Arguments.of("~", "command-line override '~': expected ~key.path, but the key path is empty"),
                Arguments.of("", "command-line override '': expected key.path=value"),
                Arguments.of("a..b=1", "command-line override 'a..b=1': bad key path 'a..b'"),
                Arguments.of("a b=1", "command-line override 'a b=1': bad key path 'a b'"),
                Arguments.of(".a=1", "command-line override '.a=1': bad key path '.a'"),
                Arguments.of("++a=1", "command-line override '++a=1': bad key path '+a'"),
                Arguments.of("a=[1,2", "command-line override 'a=[1,2': a: cannot read value '[1,2' as YAML"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badSyntax")
    void badSyntaxIsReportedWithTheArgument(String argument, String messageStart) {
        assertThatThrownBy(() -> OverrideParser.parse(argument))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void badKeyPathSaysWhatIsAllowed() {
        assertThatThrownBy(() -> OverrideParser.parse("a..b=1"))
                .hasMessageContaining("letters, digits, '_' or '-' joined by '.'");
    }

    @Test
    void parseAllKeepsOrder() {
        List<ConfigOverride> overrides = OverrideParser.parseAll(List.of("a=1", "+b=2", "~c"));

        assertThat(overrides).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("SetValue", "AddKey", "DeleteKey");
    }

    static Stream<Arguments> sweeps() {
        return Stream.of(
                Arguments.of("optim.lr=1e-3,1e-2", List.of("1e-3", "1e-2"), List.of(1e-3, 1e-2)),
                Arguments.of("model=cnn,mlp,resnet", List.of("cnn", "mlp", "resnet"), List.of("cnn", "mlp", "resnet")),
                Arguments.of("sizes=[1,2],[3,4]", List.of("[1,2]", "[3,4]"), List.of(List.of(1L, 2L), List.of(3L, 4L))),
                Arguments.of("name='a,b',c", List.of("'a,b'", "c"), List.of("a,b", "c")),
                Arguments.of("seed=1", List.of("1"), List.of(1L)),
                Arguments.of("seed=1, 2", List.of("1", "2"), List.of(1L, 2L)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sweeps")
    void parsesSweepIntoChoices(String argument, List<String> texts, List<Object> values) {
        Sweep sweep = OverrideParser.parseSweep(argument);

        assertThat(sweep.choiceTexts()).isEqualTo(texts);
        assertThat(sweep.choices()).extracting(c -> c.toPlain()).isEqualTo(values);
    }

    @Test
    void sweepExpandsToOneOverridePerChoice() {
        Sweep sweep = OverrideParser.parseSweep("optim.lr=0.1,0.01");

        assertThat(sweep.overrides()).containsExactly("optim.lr=0.1", "optim.lr=0.01");
        assertThat(sweep.path()).isEqualTo(KeyPath.of("optim.lr"));
    }

    static Stream<Arguments> badSweeps() {
        return Stream.of(
                Arguments.of("optim.lr", "command-line override 'optim.lr': expected key.path=value1,value2,..."),
                Arguments.of("optim.lr=1,,2", "command-line override 'optim.lr=1,,2': optim.lr: empty sweep choice"),
                Arguments.of("optim.lr=1,", "command-line override 'optim.lr=1,': optim.lr: empty sweep choice"),
                Arguments.of("+a=1,2", "command-line override '+a=1,2': expected key.path=value1,value2,..."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badSweeps")
    void badSweepSyntaxIsReported(String argument, String messageStart) {
        assertThatThrownBy(() -> OverrideParser.parseSweep(argument))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void keyPathRejectsMalformedPaths() {
        assertThat(KeyPath.isValid("a.b_c.d-e.0")).isTrue();
        assertThat(KeyPath.isValid("a.")).isFalse();
        assertThat(KeyPath.isValid("")).isFalse();
        assertThatThrownBy(() -> KeyPath.of("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyValueIsTheEmptyString() {
        SetValue override = (SetValue) OverrideParser.parse("experiment.name=");

        assertThat(override.value()).isEqualTo(new ScalarNode("", override.origin()));
    }
}
