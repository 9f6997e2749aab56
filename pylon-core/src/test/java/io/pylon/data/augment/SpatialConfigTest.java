package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.pylon.config.ConfigException;
import io.pylon.data.transform.Transforms;
import io.pylon.testing.TestComponents;

class SpatialConfigTest {

    private static void rejects(String item, String key, String detail) {
        assertThatThrownBy(() -> transform(item))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:1: t.0." + key + ": ")
                .hasMessageContaining(detail);
    }

    @Test
    void everySpatialTransformIsRegistered() {
        assertThat(TestComponents.BUILT_INS.names(Transforms.KIND)).containsAll(SpatialTransforms.NAMES);
    }

    @Test
    void probabilitiesOutsideZeroOneNameTheirKey() {
        rejects("{name: flip, p: 1.5}", "p", "[0, 1]");
        rejects("{name: rot90, p: -0.1}", "p", "[0, 1]");
        rejects("{name: affine, p: 1.5}", "p", "[0, 1]");
        rejects("{name: elastic, p: 2}", "p", "[0, 1]");
        rejects("{name: random_crop, size: [4, 4], min_foreground_ratio: 1.5}", "min_foreground_ratio", "[0, 1]");
    }

    @Test
    void rangesSizesAndAxesAreChecked() {
        rejects("{name: affine, scale: [1.2, 0.8]}", "scale", "min <= max");
        rejects("{name: affine, scale: [0, 1]}", "scale", "> 0");
        rejects("{name: affine, shear: [-90, 10]}", "shear", "(-90, 90)");
        rejects("{name: affine, rotate: [0, 10, 20]}", "rotate", "three ranges");
        rejects("{name: affine, translate: [0, 2]}", "translate", "[-1.0, 1.0]");
        rejects("{name: elastic, magnitude: [-1, 2]}", "magnitude", "[0.0, 1000.0]");
        rejects("{name: elastic, spacing: [0]}", "spacing", ">= 1");
        rejects("{name: random_crop, size: [4, 0]}", "size", ">= 1");
        rejects("{name: random_crop, size: [4]}", "size", "2 (H, W) or 3 (D, H, W)");
        rejects("{name: random_crop, size: [4, 4], max_attempts: 0}", "max_attempts", ">= 1");
        rejects("{name: random_crop, size: [4, 4], padding: -1}", "padding", ">= 0");
        rejects("{name: resize, size: [4, 4, 4, 4]}", "size", "2 (H, W) or 3 (D, H, W)");
        rejects("{name: flip, axes: [3]}", "axes", "0, 1 or 2");
        rejects("{name: flip, axes: [1, 1]}", "axes", "repeats");
        rejects("{name: rot90, plane: [0]}", "plane", "two spatial axes");
        rejects("{name: rot90, k: 4}", "k", "1, 2 or 3");
        rejects("{name: pad, amounts: [1], size: [3, 3]}", "size", "exactly one");
        rejects("{name: pad, amounts: [-1]}", "amounts", ">= 0");
        rejects("{name: affine, mode: cubic}", "mode", "linear, nearest");
        rejects("{name: pad, amounts: [1], mode: wrap}", "mode", "constant, edge, reflect");
        assertThatThrownBy(() -> transform("{name: random_crop}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.0.size").hasMessageContaining("missing required value");
    }

    @Test
    void deterministicTransformsSaySo() {
        assertThat(transform("{name: center_crop, size: [4, 4]}").isRandom()).isFalse();
        assertThat(transform("{name: resize, size: [4, 4]}").isRandom()).isFalse();
        assertThat(transform("{name: pad, amounts: [2]}").isRandom()).isFalse();
        assertThat(transform("{name: rot90, p: 1, k: 2}").isRandom()).isFalse();
        assertThat(transform("{name: flip, p: 1}").isRandom()).isFalse();
        assertThat(transform("{name: affine, translate: [0.1, 0.1]}").isRandom()).isFalse();
        assertThat(transform("{name: elastic, magnitude: [0, 0]}").isRandom()).isFalse();
        assertThat(transform("{name: rot90, p: 1}").isRandom()).isTrue();
        assertThat(transform("{name: affine, rotate: [-5, 5]}").isRandom()).isTrue();
        assertThat(transform("{name: elastic}").isRandom()).isTrue();
        assertThat(transform("{name: random_crop, size: [4, 4]}").isRandom()).isTrue();
    }

    @Test
    void fingerprintsChangeWithParameters() {
        assertThat(transform("{name: affine, rotate: [-5, 5]}").fingerprint())
                .isNotEqualTo(transform("{name: affine, rotate: [-6, 5]}").fingerprint());
        assertThat(transform("{name: pad, amounts: [1], mode: edge}").fingerprint())
                .isNotEqualTo(transform("{name: pad, amounts: [1], mode: reflect}").fingerprint());
    }
}
