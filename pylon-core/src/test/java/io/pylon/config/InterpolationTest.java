package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static Object plain(Config config, String keyPath) {
        return config.find(keyPath).orElseThrow().toPlain();
    }

    @Test
    void wholeValueReferenceKeepsTheReferencedType() {
        Config config = Config.parse("""
                base_lr: 1e-3
                epochs: 10
                sizes: [1, 2]
                optim:
                  lr: ${base_lr}
                  epochs: ${epochs}
                  sizes: ${sizes}
                """, "x.yaml");

        assertThat(plain(config, "optim.lr")).isEqualTo(1e-3);
        assertThat(plain(config, "optim.epochs")).isEqualTo(10L);
        assertThat(plain(config, "optim.sizes")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void wholeValueReferenceCopiesAMap() {
        Config config = Config.parse("a: {x: 1}\nb: ${a}\n", "x.yaml");

        assertThat(plain(config, "b")).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void copiedValueReportsTheReferencingLine() {
        Config config = Config.parse("a: 1\nb: ${a}\n", "x.yaml");

        assertThat(config.find("b").orElseThrow().origin()).isEqualTo(Origin.file("x.yaml", 2));
    }

    @Test
    void referenceInsideTextIsSubstitutedAsText() {
        Config config = Config.parse("""
                experiment:
                  name: mnist
                seed: 7
                lr: 0.5
                out: runs/${experiment.name}-s${seed}-lr${lr}
                """, "x.yaml");

        assertThat(plain(config, "out")).isEqualTo("runs/mnist-s7-lr0.5");
    }

    @Test
    void referencesResolveTransitively() {
        Config config = Config.parse("a: ${b}\nb: ${c}\nc: 5\n", "x.yaml");

        assertThat(plain(config, "a")).isEqualTo(5L);
    }

    @Test
    void referencesReachIntoLists() {
        Config config = Config.parse("sizes: [3, 4]\nfirst: ${sizes.1}\n", "x.yaml");

        assertThat(plain(config, "first")).isEqualTo(4L);
    }

    @Test
    void unknownReferenceNamesTheKeyAndTheNearestExistingKey() {
        assertThatThrownBy(() -> Config.parse("model:\n  width: 3\nhidden: ${model.widht}\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:3: hidden: unknown reference '${model.widht}': no key 'model.widht';"
                        + " did you mean 'model.width'?");
    }

    @Test
    void cycleIsReportedWithItsPath() {
        assertThatThrownBy(() -> Config.parse("a: ${b}\nb: ${c}\nc: ${a}\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:3: c: interpolation cycle: a -> b -> c -> a");
    }

    @Test
    void selfReferenceThroughAParentIsACycle() {
        assertThatThrownBy(() -> Config.parse("a:\n  x: ${a}\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: a.x: interpolation cycle: a -> a.x -> a");
    }

    @Test
    void mapInsideTextIsAnError() {
        assertThatThrownBy(() -> Config.parse("a: {x: 1}\nb: see ${a}\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: b: '${a}' is a map and cannot be inserted into text;"
                        + " write it as the whole value to copy it");
    }

    @Test
    void unclosedReferenceIsAnError() {
        assertThatThrownBy(() -> Config.parse("a: 1\nb: x${a\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.yaml:2: b: unclosed or malformed reference in 'x${a'; expected ${key.path}");
    }

    @Test
    void malformedReferenceIsAnError() {
        assertThatThrownBy(() -> Config.parse("a: ${oc.env:HOME}\n", "x.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:1: a: bad reference '${oc.env:HOME}'");
    }

    @Test
    void quotedReferencesAreInterpolatedToo() {
        Config config = Config.parse("a: 2\nb: '${a}'\n", "x.yaml");

        assertThat(plain(config, "b")).isEqualTo(2L);
    }

    @Test
    void overridesAreSeenByReferences() {
        Config config = Config.parse("base_lr: 0.1\noptim:\n  lr: ${base_lr}\n", "x.yaml")
                .withOverrides(List.of("base_lr=0.2"));

        assertThat(plain(config, "optim.lr")).isEqualTo(0.2);
    }

    @Test
    void referenceFromOverrideValueIsResolved() {
        Config config = Config.parse("seed: 3\nname: x\n", "x.yaml").withOverrides(List.of("name=run-${seed}"));

        assertThat(plain(config, "name")).isEqualTo("run-3");
    }
}
