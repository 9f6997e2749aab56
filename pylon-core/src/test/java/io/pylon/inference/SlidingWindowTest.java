package io.pylon.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.models.UNet;
import io.pylon.models.UNetParams;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;

class SlidingWindowTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    static Tensor randomVolume(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1;
        for (long s : shape) {
            n *= (int) s;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensors.fromFloats(values, shape);
    }

    /** A per-voxel "model": softmax of a fixed linear map of the channels, so any tiling must give the same answer. */
    static BatchPredictor perVoxel() {
        return windows -> torch.softmax(torch.cat(new org.bytedeco.pytorch.TensorVector(windows.mul(new Scalar(2.0)),
                windows.neg(), windows.mul(windows)), 1), 1);
    }

    @Test
    void slidingWindowEqualsWholeVolumeInferenceWhenTheVolumeFitsOneWindow() {
        UNet model = UNet.create(new UNetParams(2, 4, Norm.BATCH, 4, Activation.RELU,
                UNetParams.Upsampling.TRANSPOSED, 0.0, false, false), new DataSpec(new long[] {1, 16, 24, 16}, 3), 3);
        model.eval();
        Tensor volume = randomVolume(1, 1, 16, 24, 16);
        try (NoGradGuard guard = new NoGradGuard()) {
            Tensor whole = torch.softmax(model.forward(volume.unsqueeze(0)), 1).squeeze(0);
            for (Blending blending : Blending.values()) {
                Tensor windowed = new SlidingWindow(WindowParams.of(List.of(16, 24, 16), 0.5, blending), Device.CPU)
                        .run(volume, w -> torch.softmax(model.forward(w), 1));
                assertThat(Tensors.shape(windowed)).containsExactly(3, 16, 24, 16);
                assertThat(maxAbsDifference(windowed, whole)).as(blending.toString()).isLessThan(1e-5);
            }
        }
    }

    @Test
    void overlappingPaddedWindowsOfAPerVoxelModelReproduceTheWholeVolume() {
        Tensor volume = randomVolume(2, 1, 13, 37, 22);
        Tensor whole = perVoxel().predict(volume.unsqueeze(0)).squeeze(0);
        for (Blending blending : Blending.values()) {
            // windows larger than the volume along one axis (padding), overlapping along the others, batched by 3
            WindowParams params = new WindowParams(List.of(16, 16, 8), 0.4, blending, 0.125, 3, 0, 2048);
            Tensor windowed = new SlidingWindow(params, Device.CPU).run(volume, perVoxel());
            assertThat(Tensors.shape(windowed)).containsExactly(3, 13, 37, 22);
            assertThat(maxAbsDifference(windowed, whole)).as(blending.toString()).isLessThan(1e-5);
        }
    }

    @Test
    void gaussianBlendingOfAConstantModelGivesAConstantOutput() {
        Tensor volume = randomVolume(3, 1, 41, 37);
        BatchPredictor constant = windows -> torch.full_like(torch.cat(new org.bytedeco.pytorch.TensorVector(windows,
                windows), 1), new Scalar(0.3));
        Tensor out = new SlidingWindow(WindowParams.of(List.of(16, 16), 0.5, Blending.GAUSSIAN), Device.CPU)
                .run(volume, constant);
        float[] values = Tensors.toFloats(out);
        assertThat(values).hasSize(2 * 41 * 37);
        for (float v : values) {
            assertThat((double) v).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void windowsCoverEveryVoxelAndStayInside() {
        assertThat(WindowGrid.starts(37, 16, 0.5)).containsExactly(0, 8, 16, 21);
        assertThat(WindowGrid.starts(16, 16, 0.5)).containsExactly(0);
        assertThat(WindowGrid.starts(10, 16, 0.5)).containsExactly(0);
        assertThat(WindowGrid.starts(5, 1, 0.0)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WindowGrid.corners(new long[] {20, 16}, new long[] {16, 16}, 0.25)).hasSize(2);
    }

    @Test
    void aWindowWithTheWrongNumberOfAxesNamesBothShapes() {
        Tensor volume = randomVolume(4, 1, 8, 8);
        assertThatThrownBy(() -> new SlidingWindow(WindowParams.of(List.of(4, 4, 4), 0, Blending.CONSTANT),
                Device.CPU).run(volume, perVoxel())).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("[4, 4, 4]").hasMessageContaining("[8, 8]");
    }

    static double maxAbsDifference(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item_double();
    }
}
