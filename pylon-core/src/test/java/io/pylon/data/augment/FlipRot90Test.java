package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.at;
import static io.pylon.data.augment.SpatialTesting.ramp;
import static io.pylon.data.augment.SpatialTesting.seed;
import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

class FlipRot90Test {

    private static Sample rampSample(long... spatial) {
        long[] inputShape = new long[spatial.length + 1];
        inputShape[0] = 2;
        System.arraycopy(spatial, 0, inputShape, 1, spatial.length);
        NdArray target = ramp(spatial);
        long[] labels = target.toLongs();
        return Sample.segmented(3, ramp(inputShape), NdArray.of(labels, spatial));
    }

    @Test
    void flipTwiceIsIdentity() {
        Transform flip = transform("{name: flip, p: 1}");
        Sample sample = rampSample(3, 4, 5);
        Sample once = flip.apply(sample, seed(1));
        Sample twice = flip.apply(once, seed(2));
        assertThat(once.input().contentEquals(sample.input())).isFalse();
        assertThat(twice.input().contentEquals(sample.input())).isTrue();
        assertThat(twice.target().contentEquals(sample.target())).isTrue();
    }

    @Test
    void flipMovesAVoxelToTheMirroredIndex() {
        Sample sample = rampSample(3, 4, 5);
        Sample out = transform("{name: flip, axes: [2], p: 1}").apply(sample, seed(1));
        long[] shape = {2, 3, 4, 5};
        float[] in = sample.input().toFloats();
        float[] flipped = out.input().toFloats();
        assertThat(flipped[at(shape, 1, 2, 3, 1)]).isEqualTo(in[at(shape, 1, 2, 3, 3)]);
        assertThat(flipped[at(shape, 0, 0, 0, 0)]).isEqualTo(in[at(shape, 0, 0, 0, 4)]);
        long[] labels = out.target().toLongs();
        assertThat(labels[at(new long[] {3, 4, 5}, 2, 1, 0)]).isEqualTo(at(new long[] {3, 4, 5}, 2, 1, 4));
        assertThat(out.target().dtype()).isEqualTo(DType.INT64);

        Sample depth = transform("{name: flip, axes: [0], p: 1}").apply(sample, seed(1));
        assertThat(depth.input().toFloats()[at(shape, 0, 0, 1, 2)]).isEqualTo(in[at(shape, 0, 2, 1, 2)]);
    }

    @Test
    void flipWithProbabilityZeroReturnsTheSample() {
        Sample sample = rampSample(4, 5);
        assertThat(transform("{name: flip, p: 0}").apply(sample, seed(1))).isSameAs(sample);
        assertThat(transform("{name: flip, p: 0}").isRandom()).isFalse();
        assertThat(transform("{name: flip, p: 0.5}").isRandom()).isTrue();
    }

    @Test
    void flipOfAnAxisTheSampleLacksNamesTheSample() {
        assertThatThrownBy(() -> transform("{name: flip, axes: [2], p: 1}").apply(rampSample(4, 5), seed(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("sample 3").hasMessageContaining("axis 2");
    }

    @Test
    void rot90OnceMapsKnownPixels2d() {
        Sample sample = rampSample(3, 5);
        Sample out = transform("{name: rot90, p: 1, k: 1}").apply(sample, seed(1));
        assertThat(out.input().shape()).containsExactly(2, 5, 3);
        assertThat(out.target().shape()).containsExactly(5, 3);
        float[] in = sample.input().toFloats();
        float[] rotated = out.input().toFloats();
        long[] inShape = {2, 3, 5};
        long[] outShape = {2, 5, 3};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 3; j++) {
                    // np.rot90: out[i][j] = in[j][W - 1 - i]
                    assertThat(rotated[at(outShape, c, i, j)]).isEqualTo(in[at(inShape, c, j, 4 - i)]);
                }
            }
        }
        // the top-right corner moves to the top-left (counter-clockwise as displayed)
        assertThat(out.target().toLongs()[0]).isEqualTo(4);
    }

    @Test
    void rot90OnceMapsKnownVoxels3d() {
        Sample sample = rampSample(2, 3, 4);
        Sample out = transform("{name: rot90, plane: [0, 2], p: 1, k: 1}").apply(sample, seed(1));
        assertThat(out.input().shape()).containsExactly(2, 4, 3, 2);
        float[] in = sample.input().toFloats();
        float[] rotated = out.input().toFloats();
        long[] inShape = {2, 2, 3, 4};
        long[] outShape = {2, 4, 3, 2};
        for (int i = 0; i < 4; i++) {
            for (int y = 0; y < 3; y++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(rotated[at(outShape, 1, i, y, j)]).isEqualTo(in[at(inShape, 1, j, y, 3 - i)]);
                }
            }
        }
    }

    @Test
    void rot90FourTimesIsIdentityAndTwoIsDoubleFlip() {
        for (long[] spatial : new long[][] {{3, 5}, {2, 3, 4}}) {
            Sample sample = rampSample(spatial);
            Transform once = transform("{name: rot90, p: 1, k: 1}");
            Sample out = sample;
            for (int i = 0; i < 4; i++) {
                out = once.apply(out, seed(i));
                assertThat(out.input().contentEquals(sample.input())).isEqualTo(i == 3);
            }
            assertThat(out.target().contentEquals(sample.target())).isTrue();
            Sample half = transform("{name: rot90, p: 1, k: 2}").apply(sample, seed(1));
            String axes = spatial.length == 2 ? "[0, 1]" : "[1, 2]";
            Sample flipped = transform("{name: flip, axes: " + axes + ", p: 1}").apply(sample, seed(1));
            assertThat(half.input().contentEquals(flipped.input())).isTrue();
            Sample back = transform("{name: rot90, p: 1, k: 3}").apply(once.apply(sample, seed(1)), seed(2));
            assertThat(back.input().contentEquals(sample.input())).isTrue();
        }
    }

    @Test
    void rot90DrawsEveryTurnCount() {
        Sample sample = rampSample(4, 4);
        Transform rot = transform("{name: rot90, p: 1}");
        java.util.Set<Float> corners = new java.util.HashSet<>();
        for (int s = 0; s < 60; s++) {
            corners.add(rot.apply(sample, seed(s)).input().toFloats()[0]);
        }
        // corner 0 after 1, 2, 3 turns: in[0][3], in[3][3], in[3][0]
        assertThat(corners).containsExactlyInAnyOrder(3f, 15f, 12f);
    }
}
