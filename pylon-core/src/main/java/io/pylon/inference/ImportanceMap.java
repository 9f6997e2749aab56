package io.pylon.inference;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.Tensors;

/**
 * The per-voxel weight of a window's prediction: all ones ({@code constant}), or
 * {@code g(x) = prod_a exp(-(x_a - c_a)^2 / (2 sigma_a^2))} with {@code c_a = (w_a - 1) / 2} and
 * {@code sigma_a = sigma_scale * w_a}, scaled to a maximum of 1 ({@code gaussian}, as MONAI). The Gaussian never
 * reaches 0 inside the window, so every covered voxel gets a positive total weight.
 */
final class ImportanceMap {

    private ImportanceMap() {
    }

    /** A float32 CPU tensor of shape {@code window}. */
    static Tensor of(long[] window, Blending blending, double sigmaScale) {
        int n = 1;
        for (long w : window) {
            n = Math.multiplyExact(n, Math.toIntExact(w));
        }
        float[] values = new float[n];
        if (blending == Blending.CONSTANT) {
            java.util.Arrays.fill(values, 1f);
            return Tensors.fromFloats(values, window);
        }
        double[][] profiles = new double[window.length][];
        for (int a = 0; a < window.length; a++) {
            int w = (int) window[a];
            double centre = (w - 1) / 2.0;
            double sigma = sigmaScale * w;
            profiles[a] = new double[w];
            double peak = 0;
            for (int i = 0; i < w; i++) {
                double d = (i - centre) / sigma;
                profiles[a][i] = Math.exp(-0.5 * d * d);
                peak = Math.max(peak, profiles[a][i]);
            }
            for (int i = 0; i < w; i++) {
                profiles[a][i] /= peak;
            }
        }
        int[] index = new int[window.length];
        for (int i = 0; i < n; i++) {
            double v = 1;
            for (int a = 0; a < window.length; a++) {
                v *= profiles[a][index[a]];
            }
            values[i] = (float) Math.max(v, Float.MIN_NORMAL);
            for (int a = window.length - 1; a >= 0 && ++index[a] == window[a]; a--) {
                index[a] = 0;
            }
        }
        Tensor map = Tensors.fromFloats(values, window);
        return torch.clamp_min(map, new org.bytedeco.pytorch.Scalar(1e-6f));
    }
}
