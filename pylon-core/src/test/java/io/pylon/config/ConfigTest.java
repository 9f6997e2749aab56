package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    record Trainer(@Default("10") int maxEpochs, @Default("false") boolean amp) {
    }

    @Test
    void findWalksDottedPaths() {
        Config config = Config.parse("trainer:\n  max_epochs: 3\nsizes: [1, 2]\n", "x.yaml");

        assertThat(config.find("trainer.max_epochs").orElseThrow().toPlain()).isEqualTo(3L);
        assertThat(config.find("sizes.1").orElseThrow().toPlain()).isEqualTo(2L);
        assertThat(config.find("trainer.nope")).isEmpty();
        assertThat(config.find("sizes.2")).isEmpty();
        assertThat(config.find("")).contains(config.root());
    }

    @Test
    void bindsASection() {
        Config config = Config.parse("trainer:\n  max_epochs: 3\n", "x.yaml");

        assertThat(config.bind("trainer", Trainer.class)).isEqualTo(new Trainer(3, false));
    }

    @Test
    void absentSectionBindsFromDefaults() {
        Config config = Config.parse("seed: 1\n", "x.yaml");

        assertThat(config.bind("trainer", Trainer.class)).isEqualTo(new Trainer(10, false));
    }

    @Test
    void parseRejectsADefaultsList() {
        assertThatThrownBy(() -> Config.parse("defaults:\n  - model: cnn\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:1: defaults: a defaults list needs the config's folder;"
                        + " load the config from its file");
    }

    @Test
    void withOverridesOnALoadedConfigCanSwitchGroups() {
        ConfigFiles.write(dir, "model/cnn.yaml", "name: cnn\n");
        ConfigFiles.write(dir, "model/mlp.yaml", "name: mlp\n");
        Path file = ConfigFiles.write(dir, "main.yaml", "defaults:\n  - model: cnn\nseed: 1\n");
        Config config = Config.load(file, List.of("seed=2"));

        Config switched = config.withOverrides(List.of("model=mlp"));

        assertThat(switched.root().toPlain()).isEqualTo(Map.of("model", Map.of("name", "mlp"), "seed", 2L));
        assertThat(config.find("model.name").orElseThrow().toPlain()).isEqualTo("cnn");
    }

    @Test
    void toYamlReadsBackToTheSameTree() {
        Config config = Config.parse("""
                experiment:
                  name: mnist
                seed: 42
                optim:
                  lr: 1e-3
                  betas: [0.9, 0.999]
                  big: 1.0e300
                  tiny: -4.9e-324
                  inf: .inf
                  nan: .nan
                texts:
                  - "true"
                  - "1e-3"
                  - "null"
                  - ""
                  - "  padded  "
                  - "a: b"
                  - "# not a comment"
                  - "multi\\nline\\ttab \\"quoted\\" back\\\\slash"
                  - "- dash"
                  - "[x]"
                  - "ünïcödé"
                  - "'single'"
                  - "with, comma"
                  - runs/mnist-1
                empty_map: {}
                empty_list: []
                nothing: null
                nested:
                  - {a: 1, b: [x, {c: d}]}
                  - [[1, 2], []]
                "odd key": 1
                "123": numeric key
                """, "x.yaml");

        String yaml = config.toYaml();
        Config back = Config.parse(yaml, "saved.yaml");

        assertThat(back.root().toPlain()).isEqualTo(config.root().toPlain());
        assertThat(back.toYaml()).isEqualTo(yaml);
    }

    @Test
    void toYamlEscapesControlAndLineSeparatorCharacters() {
        String text = "a\u0085b\u2028c\u2029d\u0001e\u007ff\ufeffg";
        Origin origin = Origin.file("x.yaml", 1);
        MapNode tree = new MapNode(Map.of("t", new ScalarNode(text, origin)), origin);

        String yaml = YamlWriter.write(tree);

        assertThat(yaml).isEqualTo("t: \"a\\u0085b\\u2028c\\u2029d\\u0001e\\u007ff\\ufeffg\"\n");
        assertThat(Config.parse(yaml, "saved.yaml").find("t").orElseThrow().toPlain()).isEqualTo(text);
    }

    @Test
    void toYamlIsReadableBlockYaml() {
        Config config = Config.parse("trainer:\n  max_epochs: 3\n  sizes: [32, 64]\nlr: 0.001\nname: x\n", "x.yaml");

        assertThat(config.toYaml()).isEqualTo("""
                trainer:
                  max_epochs: 3
                  sizes: [32, 64]
                lr: 0.001
                name: x
                """);
    }

    @Test
    void toYamlWritesListsOfMapsCompactly() {
        Config config = Config.parse("callbacks:\n  - {name: ckpt, every: 2}\n  - [[1], []]\n  - {}\n", "x.yaml");

        assertThat(config.toYaml()).isEqualTo("""
                callbacks:
                  - name: ckpt
                    every: 2
                  - - [1]
                    - []
                  - {}
                """);
    }

    @Test
    void missingPrimaryFileIsAUserError() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> Config.load(missing, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void emptyConfigWritesAnEmptyMap() {
        assertThat(Config.parse("", "x.yaml").toYaml()).isEqualTo("{}\n");
        assertThat(Config.parse("{}\n", "x.yaml").root().entries()).isEmpty();
    }

    @Test
    void savedResolvedConfigLoadsBackIdentical() throws Exception {
        ConfigFiles.write(dir, "model/cnn.yaml", "name: cnn\nchannels: [16, 32]\n");
        Path file = ConfigFiles.write(dir, "main.yaml", """
                defaults:
                  - model: cnn
                experiment:
                  name: exp
                seed: 7
                out: runs/${experiment.name}/${seed}
                optim:
                  lr: 1e-3
                """);
        Config config = Config.load(file, List.of("optim.lr=0.01", "+trainer.max_epochs=3", "model.channels=[8]"));
        Path saved = dir.resolve("run/config.yaml");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, config.toYaml());

        Config reloaded = Config.load(saved, List.of());

        assertThat(reloaded.root().toPlain()).isEqualTo(config.root().toPlain());
        assertThat(reloaded.find("out").orElseThrow().toPlain()).isEqualTo("runs/exp/7");
        assertThat(reloaded.toYaml()).isEqualTo(config.toYaml());
    }

    @Test
    void originPrintsFileAndLineOrTheOverride() {
        assertThat(Origin.file("examples/x.yaml", 12)).hasToString("examples/x.yaml:12");
        assertThat(Origin.override("a.b=c")).hasToString("command-line override 'a.b=c'");
        assertThatThrownBy(() -> new Origin("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configExceptionMessageNamesOriginKeyPathAndDetail() {
        ConfigException e = new ConfigException(Origin.file("examples/x.yaml", 12), "trainer.max_epochs",
                "must be >= 1, got 0");

        assertThat(e).hasMessage("examples/x.yaml:12: trainer.max_epochs: must be >= 1, got 0")
                .isInstanceOf(io.pylon.PylonUserException.class);
        assertThat(e.keyPath()).isEqualTo("trainer.max_epochs");
        assertThat(e.origin().line()).isEqualTo(12);
        assertThat(new ConfigException(Origin.file("x.yaml", 1), "", "bad")).hasMessage("x.yaml:1: bad");
    }

    @Test
    void nodesAreImmutable() {
        MapNode map = Config.parse("a: 1\nb: [1]\n", "x.yaml").root();

        assertThatThrownBy(() -> map.entries().put("c", map)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map.without("a").entries().keySet()).containsExactly("b");
        assertThat(map.without("zzz")).isSameAs(map);
        assertThat(map.with("a", new ScalarNode(2, map.origin())).get("a").orElseThrow().toPlain()).isEqualTo(2L);
    }

    @Test
    void scalarNodeRejectsOtherValueTypes() {
        assertThatThrownBy(() -> new ScalarNode(List.of(), Origin.file("x", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScalarNode(1.5f, Origin.file("x", 1)).value()).isEqualTo(1.5);
    }

    @Test
    void suggestionsUseEditDistance() {
        assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.nearest("max_epoch", List.of("lr", "max_epochs", "amp"))).contains("max_epochs");
        assertThat(Suggestions.nearest("x", List.of())).isEmpty();
    }
}
