package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BinderErrorTest {

    enum Kind { SGD, ADAM }

    record Trainer(int maxEpochs, @Default("1.0") double clip, @Default("sgd") Kind kind,
                   @Default("[]") List<Integer> sizes) {
        Trainer {
            InvalidValueException.require(maxEpochs >= 1, "max_epochs", "must be >= 1, got %d", maxEpochs);
            if (clip == 42) {
                throw new IllegalArgumentException("clip 42 clashes with the meaning of life");
            }
        }
    }

    record Section(Trainer trainer, @Default("null") Optional<Integer> seed) {
    }

    private static Trainer bind(String yaml) {
        return Binder.bind(YamlReader.readDocument(yaml, "x.yaml"), "trainer", Trainer.class);
    }

    @Test
    void unknownKeySuggestsNearestKey() {
        assertThatThrownBy(() -> bind("max_epochs: 3\nmax_epoch: 4\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: trainer.max_epoch: unknown key; did you mean 'max_epochs'?"
                        + " (valid keys: max_epochs, clip, kind, sizes)");
    }

    @Test
    void wrongTypeSaysWhatIsExpected() {
        assertThatThrownBy(() -> bind("max_epochs: ten\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:1: trainer.max_epochs: expected an integer, got 'ten'");
    }

    @Test
    void integerRejectsFloat() {
        assertThatThrownBy(() -> bind("max_epochs: 3.0\n"))
                .hasMessage("x.yaml:1: trainer.max_epochs: expected an integer, got 3.0");
    }

    @Test
    void integerOutOfIntRangeIsAnError() {
        assertThatThrownBy(() -> bind("max_epochs: 3000000000\n"))
                .hasMessage("x.yaml:1: trainer.max_epochs: expected an integer between -2147483648 and"
                        + " 2147483647, got 3000000000");
    }

    @Test
    void doubleRejectsString() {
        assertThatThrownBy(() -> bind("max_epochs: 1\nclip: high\n"))
                .hasMessage("x.yaml:2: trainer.clip: expected a number, got 'high'");
    }

    @Test
    void nullForARequiredScalarIsAnError() {
        assertThatThrownBy(() -> bind("max_epochs: null\n"))
                .hasMessage("x.yaml:1: trainer.max_epochs: expected an integer, got null");
    }

    @Test
    void wrongTypeInsideAListNamesTheItem() {
        assertThatThrownBy(() -> bind("max_epochs: 1\nsizes: [1, x]\n"))
                .hasMessage("x.yaml:2: trainer.sizes.1: expected an integer, got 'x'");
    }

    @Test
    void listExpectedButMapGiven() {
        assertThatThrownBy(() -> bind("max_epochs: 1\nsizes: {a: 1}\n"))
                .hasMessage("x.yaml:2: trainer.sizes: expected a list, got a map");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        assertThatThrownBy(() -> bind("max_epochs: 1\nkind: adma\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: trainer.kind: expected one of sgd, adam, got 'adma'; did you mean 'adam'?");
    }

    @Test
    void outOfRangeValuePointsAtTheLineOfThatKey() {
        assertThatThrownBy(() -> bind("clip: 2.0\n\nmax_epochs: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:3: trainer.max_epochs: must be >= 1, got 0");
    }

    @Test
    void otherConstructorErrorPointsAtTheRecord() {
        MapNode root = YamlReader.readDocument("seed: 1\ntrainer:\n  max_epochs: 1\n  clip: 42\n", "x.yaml");

        assertThatThrownBy(() -> Binder.bind(root, "", Section.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: trainer: clip 42 clashes with the meaning of life");
    }

    @Test
    void missingRequiredValueSaysWhatIsAllowed() {
        assertThatThrownBy(() -> bind("clip: 2.0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:1: trainer.max_epochs: missing required value (allowed: an integer)");
    }

    @Test
    void missingRequiredSectionDescribesItsKeys() {
        assertThatThrownBy(() -> Binder.bind(YamlReader.readDocument("seed: 1\n", "x.yaml"), "", Section.class))
                .hasMessage("x.yaml:1: trainer: missing required value"
                        + " (allowed: a map with keys max_epochs, clip, kind, sizes)");
    }

    @Test
    void sectionThatIsNotAMapIsAnError() {
        assertThatThrownBy(() -> Binder.bind(YamlReader.readDocument("trainer: 3\n", "x.yaml"), "", Section.class))
                .hasMessage("x.yaml:1: trainer: expected a map with keys max_epochs, clip, kind, sizes, got 3");
    }

    @Test
    void overrideSourcedValueNamesTheOverride() {
        Config config = Config.parse("trainer:\n  max_epochs: 3\n", "x.yaml")
                .withOverrides(List.of("trainer.max_epochs=0"));

        assertThatThrownBy(() -> config.bind("trainer", Trainer.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override 'trainer.max_epochs=0': trainer.max_epochs: must be >= 1, got 0");
    }

    @Test
    void badDefaultIsReportedAtTheAnnotation() {
        record BadDefault(@Default("many") int count) {
        }

        assertThatThrownBy(() -> Binder.bind(MapNode.empty(Origin.file("x.yaml", 1)), "b", BadDefault.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("@Default(\"many\") of BadDefault.count: b.count: expected an integer, got 'many'");
    }
}
