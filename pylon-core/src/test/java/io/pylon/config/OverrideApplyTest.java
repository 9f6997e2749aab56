package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OverrideApplyTest {

    private static final String YAML = """
            trainer:
              max_epochs: 10
              amp: false
            model:
              layers: [32, 64]
            """;

    private static Config config(String... overrides) {
        return Config.parse(YAML, "x.yaml").withOverrides(List.of(overrides));
    }

    @Test
    void setReplacesAnExistingValue() {
        assertThat(config("trainer.max_epochs=3").find("trainer.max_epochs").orElseThrow().toPlain()).isEqualTo(3L);
    }

    @Test
    void setReplacesAMapWholesale() {
        assertThat(config("trainer={amp: true}").find("trainer").orElseThrow().toPlain())
                .isEqualTo(Map.of("amp", true));
    }

    @Test
    void setIndexesIntoLists() {
        assertThat(config("model.layers.1=128").find("model.layers").orElseThrow().toPlain())
                .isEqualTo(List.of(32L, 128L));
    }

    @Test
    void laterOverridesWin() {
        assertThat(config("trainer.max_epochs=3", "trainer.max_epochs=4").find("trainer.max_epochs")
                .orElseThrow().toPlain()).isEqualTo(4L);
    }

    @Test
    void unknownKeyInPlainFormSuggestsNearestKeyAndThePlusForm() {
        assertThatThrownBy(() -> config("trainer.max_epoch=3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override 'trainer.max_epoch=3': trainer.max_epoch: unknown key:"
                        + " no key 'trainer.max_epoch'; did you mean 'trainer.max_epochs'?;"
                        + " to add a new key write +trainer.max_epoch=3")
                .satisfies(e -> assertThat(((ConfigException) e).keyPath()).isEqualTo("trainer.max_epoch"));
    }

    @Test
    void unknownTopLevelSectionSuggestsNearestSection() {
        assertThatThrownBy(() -> config("trainr.amp=true"))
                .hasMessageContaining("no key 'trainr'; did you mean 'trainer'?");
    }

    @Test
    void descendingIntoAScalarIsAnUnknownKey() {
        assertThatThrownBy(() -> config("trainer.amp.level=2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no key 'trainer.amp.level' ('trainer.amp' is a single value, not a map)");
    }

    @Test
    void listIndexOutOfRangeIsAnError() {
        assertThatThrownBy(() -> config("model.layers.5=1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'model.layers' is a list of 2 items, indexed from 0");
    }

    @Test
    void addCreatesANewKey() {
        Config config = config("+trainer.grad_clip=1.0");

        assertThat(config.find("trainer.grad_clip").orElseThrow().toPlain()).isEqualTo(1.0);
        assertThat(config.root().get("trainer").map(ConfigNode::toPlain).orElseThrow())
                .isEqualTo(Map.of("max_epochs", 10L, "amp", false, "grad_clip", 1.0));
    }

    @Test
    void addCreatesMissingParentMaps() {
        assertThat(config("+callbacks.early_stop.patience=3").find("callbacks").orElseThrow().toPlain())
                .isEqualTo(Map.of("early_stop", Map.of("patience", 3L)));
    }

    @Test
    void addOfAnExistingKeyIsAnError() {
        assertThatThrownBy(() -> config("+trainer.amp=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override '+trainer.amp=true': trainer.amp: key already exists;"
                        + " to change it write trainer.amp=true");
    }

    @Test
    void addUnderAScalarIsAnError() {
        assertThatThrownBy(() -> config("+trainer.amp.level=1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override '+trainer.amp.level=1': trainer.amp: is not a map,"
                        + " so key 'level' cannot be added to it");
    }

    @Test
    void deleteRemovesAKey() {
        assertThat(config("~trainer.amp").find("trainer").orElseThrow().toPlain()).isEqualTo(Map.of("max_epochs", 10L));
    }

    @Test
    void deleteRemovesAListItem() {
        assertThat(config("~model.layers.0").find("model.layers").orElseThrow().toPlain()).isEqualTo(List.of(64L));
    }

    @Test
    void deleteOfAnUnknownKeySuggestsNearestKey() {
        assertThatThrownBy(() -> config("~trainer.ampp"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override '~trainer.ampp': trainer.ampp: unknown key:"
                        + " no key 'trainer.ampp'; did you mean 'trainer.amp'?");
    }

    @Test
    void badOverrideSyntaxIsReportedBeforeLoading() {
        assertThatThrownBy(() -> config("trainer.max_epochs"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override 'trainer.max_epochs': expected key.path=value");
    }
}
