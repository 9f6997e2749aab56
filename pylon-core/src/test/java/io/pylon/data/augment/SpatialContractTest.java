package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.blocks;
import static io.pylon.data.augment.SpatialTesting.copy;
import static io.pylon.data.augment.SpatialTesting.gaussian;
import static io.pylon.data.augment.SpatialTesting.labelSet;
import static io.pylon.data.augment.SpatialTesting.seed;
import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

/** What every spatial transform must do, run on random 2D and 3D samples. */
class SpatialContractTest {

    /** A config item per transform, for 2 or 3 spatial dimensions. */
    private static final Map<String, IntFunction<String>> CONFIGS = Map.of(
            "flip", dims -> "{name: flip}",
            "rot90", dims -> "{name: rot90}",
            "random_crop", dims -> "{name: random_crop, size: " + size(dims, 6) + ", padding: 1, "
                    + "min_foreground_ratio: 0.3}",
            "center_crop", dims -> "{name: center_crop, size: " + size(dims, 5) + "}",
            "pad", dims -> "{name: pad, amounts: [2], mode: reflect}",
            "resize", dims -> "{name: resize, size: " + size(dims, 11) + "}",
            "affine", dims -> "{name: affine, rotate: [-20, 20], scale: [0.9, 1.1], shear: [-5, 5], "
                    + "translate: [-0.1, 0.1]}",
            "elastic", dims -> "{name: elastic, spacing: [4], magnitude: [1, 3]}");

    private static String size(int dims, int extent) {
        return dims == 2 ? "[" + extent + ", " + (extent + 1) + "]" : "[" + extent + ", " + extent + ", "
                + (extent + 1) + "]";
    }

    private static List<Sample> samples(int dims) {
        long[] spatial = dims == 2 ? new long[] {12, 10} : new long[] {9, 8, 10};
        long[] labels = {0, 1, 5};
        NdArray int64 = blocks(dims, 3, labels, spatial);
        long[] values = int64.toLongs();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        long[] withK = new long[dims + 1];
        withK[0] = 1;
        System.arraycopy(spatial, 0, withK, 1, dims);
        NdArray uint8 = NdArray.of(bytes, DType.UINT8, withK);
        return List.of(
                Sample.segmented(1, gaussian(dims, AffineTest.withChannels(2, spatial)), int64),
                Sample.segmented(2, gaussian(dims + 10, AffineTest.withChannels(1, spatial)), uint8),
                Sample.classified(3, gaussian(dims + 20, AffineTest.withChannels(3, spatial)), 4));
    }

    @Test
    void everySpatialTransformHasAContractConfig() {
        assertThat(CONFIGS.keySet()).containsExactlyInAnyOrderElementsOf(SpatialTransforms.NAMES);
    }

    @Test
    void transformsKeepTheContract() {
        for (String name : SpatialTransforms.NAMES) {
            for (int dims = 2; dims <= 3; dims++) {
                Transform transform = transform(CONFIGS.get(name).apply(dims));
                for (Sample sample : samples(dims)) {
                    checkContract(name + " " + dims + "D sample " + sample.index(), transform, sample);
                }
            }
        }
    }

    private static void checkContract(String what, Transform transform, Sample sample) {
        NdArray inputBefore = copy(sample.input());
        NdArray targetBefore = copy(sample.target());
        boolean changed = false;
        for (long s = 0; s < 8; s++) {
            Sample out = transform.apply(sample, seed(s));
            Sample again = transform.apply(sample, seed(s));
            assertThat(sample.input().contentEquals(inputBefore)).as("%s leaves its input alone", what).isTrue();
            assertThat(sample.target().contentEquals(targetBefore)).as("%s leaves its target alone", what).isTrue();
            assertThat(out.input().contentEquals(again.input())).as("%s is deterministic per seed", what).isTrue();
            assertThat(out.target().contentEquals(again.target())).as("%s is deterministic per seed", what).isTrue();
            assertThat(out.index()).isEqualTo(sample.index());
            assertThat(out.denseTarget()).isEqualTo(sample.denseTarget());
            assertThat(out.input().rank()).isEqualTo(sample.input().rank());
            assertThat(out.input().dim(0)).isEqualTo(sample.input().dim(0));
            if (sample.denseTarget()) {
                assertThat(out.target().dtype()).as("%s keeps the target dtype", what)
                        .isEqualTo(sample.target().dtype());
                assertThat(out.target().rank()).isEqualTo(sample.target().rank());
                assertThat(labelSet(out.target())).as("%s keeps labels from the input's set", what)
                        .isSubsetOf(labelSet(sample.target()));
            } else {
                assertThat(out.target()).as("%s leaves a class target untouched", what).isSameAs(sample.target());
            }
            changed |= !out.input().contentEquals(transform.apply(sample, seed(s + 100)).input());
        }
        assertThat(changed).as("%s: isRandom() agrees with different seeds giving different outputs", what)
                .isEqualTo(transform.isRandom());
    }
}
