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

    /** The schema a binder checks overrides against, as a run's records would. */
    record Trainer(@Default("10") int maxEpochs, @Default("false") boolean amp) {
    }

    record Root(@Default("{}") Trainer trainer, @Default("{}") MapNode model) {
    }

    @Test
    void plainFormOnAKeyLeftToItsDefaultAddsIt() {
        Config config = config("trainer.max_epochs=3", "+extra.flag=true").withOverrides(List.of());
        Config withDefaultOnly = Config.parse("trainer: {}\n", "y.yaml").withOverrides(List.of("trainer.amp=true"));
        assertThat(withDefaultOnly.bind("trainer", Trainer.class).amp()).isTrue();
        assertThat(config.find("extra.flag")).isPresent();
    }

    @Test
    void misspelledPlainOverrideIsAnUnknownKeyAtBindingPointingAtTheOverride() {
        Config config = config("trainer.max_epoch=3");
        assertThatThrownBy(() -> config.bind("trainer", Trainer.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("command-line override 'trainer.max_epoch=3'")
                .hasMessageContaining("did you mean 'max_epochs'?");
    }

    @Test
    void misspelledTopLevelSectionIsAnUnknownKeyAtBinding() {
        Config config = config("trainr.amp=true");
        assertThatThrownBy(() -> Binder.bind(config.root(), "", Root.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean 'trainer'?");
    }

    @Test
    void descendingIntoAScalarIsRefused() {
        assertThatThrownBy(() -> config("trainer.amp.level=2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("trainer.amp: is not a map, so key 'level' cannot be added to it");
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
