package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeGroups() {
        ConfigFiles.write(dir, "model/cnn.yaml", """
                name: cnn
                channels: [16, 32]
                dropout: 0.1
                """);
        ConfigFiles.write(dir, "model/mlp.yaml", """
                name: mlp
                hidden: 128
                """);
        ConfigFiles.write(dir, "optim/sgd.yaml", """
                name: sgd
                lr: 0.1
                """);
    }

    private Object plain(Config config, String keyPath) {
        return config.find(keyPath).orElseThrow().toPlain();
    }

    @Test
    void groupContentLandsUnderTheGroupKey() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                seed: 1
                """);

        Config config = Config.load(file, List.of());

        assertThat(plain(config, "model")).isEqualTo(Map.of("name", "cnn", "channels", List.of(16L, 32L), "dropout", 0.1));
        assertThat(config.root().entries().keySet()).containsExactly("model", "seed");
        assertThat(config.find("defaults")).isEmpty();
    }

    @Test
    void ownContentIsMergedLastWhenSelfIsAbsent() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                model:
                  dropout: 0.5
                """);

        Config config = Config.load(file, List.of());

        assertThat(plain(config, "model.dropout")).isEqualTo(0.5);
        assertThat(plain(config, "model.name")).isEqualTo("cnn");
    }

    @Test
    void selfFirstLetsGroupFilesWin() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - _self_
                  - model: cnn
                model:
                  dropout: 0.5
                  extra: 1
                """);

        Config config = Config.load(file, List.of());

        assertThat(plain(config, "model.dropout")).isEqualTo(0.1);
        assertThat(plain(config, "model.extra")).isEqualTo(1L);
    }

    @Test
    void laterDefaultsEntriesWin() {
        ConfigFiles.write(dir, "model/headed.yaml", "name: headed\nhead:\n  size: 1\n  bias: true\n");
        ConfigFiles.write(dir, "model/head/big.yaml", "size: 2\n");
        Path headLast = ConfigFiles.write(dir, "last.yaml", """
                defaults:
                  - model: headed
                  - model/head: big
                """);
        Path headFirst = ConfigFiles.write(dir, "first.yaml", """
                defaults:
                  - model/head: big
                  - model: headed
                """);

        assertThat(plain(Config.load(headLast, List.of()), "model.head")).isEqualTo(Map.of("size", 2L, "bias", true));
        assertThat(plain(Config.load(headFirst, List.of()), "model.head")).isEqualTo(Map.of("size", 1L, "bias", true));
    }

    @Test
    void topLevelKeysFollowTheDefaultsOrder() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - optim: sgd
                  - model: cnn
                seed: 3
                """);

        assertThat(Config.load(file, List.of()).root().entries().keySet()).containsExactly("optim", "model", "seed");
    }

    @Test
    void deepMergeReplacesListsAndScalars() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                model:
                  channels: [8]
                """);

        Config config = Config.load(file, List.of());

        assertThat(plain(config, "model.channels")).isEqualTo(List.of(8L));
        assertThat(plain(config, "model.dropout")).isEqualTo(0.1);
    }

    @Test
    void overridesApplyAfterComposition() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - _self_
                  - model: cnn
                model:
                  dropout: 0.5
                """);

        Config config = Config.load(file, List.of("model.dropout=0.9"));

        assertThat(plain(config, "model.dropout")).isEqualTo(0.9);
        assertThat(config.find("model.dropout").orElseThrow().origin().toString())
                .isEqualTo("command-line override 'model.dropout=0.9'");
    }

    @Test
    void overrideOfAGroupSwitchesTheGroupFile() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                """);

        Config config = Config.load(file, List.of("model=mlp", "model.hidden=64"));

        assertThat(plain(config, "model")).isEqualTo(Map.of("name", "mlp", "hidden", 64L));
    }

    @Test
    void groupChoiceNullLeavesTheGroupOut() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                  - optim: null
                """);

        assertThat(Config.load(file, List.of()).find("optim")).isEmpty();
        assertThat(Config.load(file, List.of("model=null")).find("model")).isEmpty();
        assertThat(Config.load(file, List.of("optim=sgd")).find("optim.lr")).isPresent();
    }

    @Test
    void groupInSubfolderLandsUnderNestedKey() {
        ConfigFiles.write(dir, "optim/schedule/cosine.yaml", "warmup: 5\n");
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - optim: sgd
                  - optim/schedule: cosine
                """);

        Config config = Config.load(file, List.of());

        assertThat(plain(config, "optim.schedule.warmup")).isEqualTo(5L);
        assertThat(plain(config, "optim.lr")).isEqualTo(0.1);
    }

    @Test
    void groupFileValuesKeepTheirOwnFileAndLine() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: mlp\n");

        Config config = Config.load(file, List.of());

        assertThat(config.find("model.hidden").orElseThrow().origin())
                .isEqualTo(Origin.file(dir.resolve("model/mlp.yaml").toString(), 2));
    }

    @Test
    void missingDefaultsFileNamesThePathAndTheAvailableChoices() {
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnx
                """);

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: defaults.0: no config file " + dir.resolve("model/cnx.yaml")
                        + " for group 'model'; available in " + dir.resolve("model") + ": cnn, mlp");
    }

    @Test
    void missingGroupFileChosenByOverrideBlamesTheOverride() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: cnn\n");

        assertThatThrownBy(() -> Config.load(file, List.of("model=rnn")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("command-line override 'model=rnn': defaults.0: no config file "
                        + dir.resolve("model/rnn.yaml"))
                .hasMessageEndingWith("available in " + dir.resolve("model") + ": cnn, mlp");
    }

    @Test
    void missingGroupFolderIsNamed() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - data: mnist\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("the folder " + dir.resolve("data") + " does not exist");
    }

    @Test
    void groupSwitchToNonNameIsAnError() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: cnn\n");

        assertThatThrownBy(() -> Config.load(file, List.of("model=[1]")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command-line override 'model=[1]': model: 'model' is a config group:"
                        + " give a file name from its folder (or null)");
    }

    @Test
    void malformedDefaultsEntryIsAnError() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: cnn\n  - 3\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: defaults.1: expected '- group: choice' or '- _self_'");
    }

    @Test
    void defaultsMustBeAList() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults: model\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":1: defaults: expected a list");
    }

    @Test
    void groupListedTwiceIsAnError() {
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: cnn\n  - model: mlp\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: defaults.1: 'model' appears twice in the defaults list (first at "
                        + file + ":2)");
    }

    @Test
    void defaultsListInGroupFileIsRejected() {
        ConfigFiles.write(dir, "model/nested.yaml", "defaults:\n  - x: y\nname: n\n");
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: nested\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a defaults list is only read from the primary config");
    }

    @Test
    void badYamlInGroupFileNamesThatFile() {
        ConfigFiles.write(dir, "model/broken.yaml", "name: [\n");
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: broken\n");

        assertThatThrownBy(() -> Config.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("model/broken.yaml") + ":")
                .hasMessageContaining("bad YAML syntax");
    }

    @Test
    void relativePathsAreShownAsGiven() {
        Path relative = Path.of("").toAbsolutePath().relativize(ConfigFiles.write(dir, "main.yaml",
                "defaults:\n  - model: cnx\n"));

        assertThatThrownBy(() -> Config.load(relative, List.of()))
                .hasMessageStartingWith(relative + ":2: defaults.0: no config file "
                        + relative.getParent().resolve("model/cnx.yaml"));
    }
}
