package io.pylon.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;
import io.pylon.nn.Activation;
import io.pylon.nn.Layer;
import io.pylon.nn.Layers;
import io.pylon.nn.Norm;

/**
 * Residual symmetric 3D UNet for anisotropic electron-microscopy volumes {@code [N, C, D, H, W]}, after Lee et
 * al. 2017 ("Superhuman accuracy on the SNEMI3D connectomics challenge") and PyTorch Connectomics' RSUNet.
 *
 * <p>Level {@code i} (0..L-1) has {@code c_i} channels and kernel {@code k_i} = 3x3x3 when isotropic, else 1x3x3;
 * it is reached from level {@code i-1} by max-pooling with factor {@code p_i} = (2,2,2) when isotropic, else
 * (1,2,2), so z keeps full resolution in the z-sparse levels. Writing {@code cna} for convolution, norm,
 * activation and {@code R(in, out, k)} for the residual module {@code h = cna(x); act(h + norm(conv(cna(h))))}:
 * <ul>
 *   <li>embedding: {@code x = cna_{1x5x5}(input)} to {@code c_0} channels;</li>
 *   <li>encoder: {@code e_0 = R(x)}, {@code e_i = R(pool_{p_i}(e_{i-1}))};</li>
 *   <li>decoder, {@code i = L-2 .. 0}: {@code d_i = R(e_i + up_i(d_{i+1}))} with {@code d_{L-1} = e_{L-1}} and
 *       {@code up_i} a transposed convolution with kernel = stride = {@code p_{i+1}} from {@code c_{i+1}} to
 *       {@code c_i} channels (summation joining instead of concatenation keeps the network symmetric);</li>
 *   <li>output: a 1x5x5 convolution of {@code d_0} to {@code DataSpec.numClasses} channels (e.g. affinities).</li>
 * </ul>
 * Spatial sides must be divisible by the total pooling: H and W by {@code 2^(L-1)}, D by 2 to the number of
 * isotropic levels after the first. Parameters (norm present): {@code R} has
 * {@code |k| (in*out + 2*out*out) + 6*out}, the embedding {@code 25*C*c_0 + 2*c_0}, {@code up_i}
 * {@code |p_{i+1}| c_{i+1} c_i + c_i} and the output {@code 25*c_0*K + K}.
 */
final class RSUNet extends Module implements Model {

    /** The residual module {@code R}: three convolutions, the last two bridged by the residual. */
    private record Residual(Layer conv1, Optional<Layer> norm1, Layer conv2, Optional<Layer> norm2, Layer conv3,
                            Optional<Layer> norm3) {
    }

    private final Activation activation;
    private final Layer embed;
    private final Optional<Layer> embedNorm;
    private final List<Residual> encoders = new ArrayList<>();
    private final List<long[]> pools = new ArrayList<>();
    private final List<Layer> ups = new ArrayList<>();
    private final List<Residual> decoders = new ArrayList<>();
    private final Layer output;

    public RSUNet(RSUNetParams params, DataSpec spec) {
        checkInput(params, spec.inputShape());
        this.activation = params.activation();
        List<Integer> channels = params.channels();
        long[] wide = {1, 5, 5};
        boolean bias = params.norm() == Norm.NONE;
        this.embed = Layers.conv(this, "embed", 3, spec.inputShape()[0], channels.get(0), wide, bias);
        this.embedNorm = Layers.norm(this, "embed_norm", 3, params.norm(), channels.get(0), params.groups());
        long in = channels.get(0);
        for (int i = 0; i < channels.size(); i++) {
            pools.add(pool(params, i));
            encoders.add(residual(params, "enc" + i, in, channels.get(i), kernel(params, i)));
            in = channels.get(i);
        }
        for (int i = 0; i < channels.size() - 1; i++) {
            ups.add(Layers.upConv(this, "up" + i, 3, channels.get(i + 1), channels.get(i), pool(params, i + 1)));
            decoders.add(residual(params, "dec" + i, channels.get(i), channels.get(i), kernel(params, i)));
        }
        this.output = Layers.conv(this, "output", 3, channels.get(0), spec.numClasses(), wide, true);
    }

    private Residual residual(RSUNetParams params, String prefix, long in, long out, long[] kernel) {
        boolean bias = params.norm() == Norm.NONE;
        return new Residual(
                Layers.conv(this, prefix + "_conv1", 3, in, out, kernel, bias),
                Layers.norm(this, prefix + "_norm1", 3, params.norm(), out, params.groups()),
                Layers.conv(this, prefix + "_conv2", 3, out, out, kernel, bias),
                Layers.norm(this, prefix + "_norm2", 3, params.norm(), out, params.groups()),
                Layers.conv(this, prefix + "_conv3", 3, out, out, kernel, bias),
                Layers.norm(this, prefix + "_norm3", 3, params.norm(), out, params.groups()));
    }

    private static long[] kernel(RSUNetParams params, int level) {
        return params.isotropy().get(level) ? new long[] {3, 3, 3} : new long[] {1, 3, 3};
    }

    private static long[] pool(RSUNetParams params, int level) {
        return params.isotropy().get(level) ? new long[] {2, 2, 2} : new long[] {1, 2, 2};
    }

    private static void checkInput(RSUNetParams params, long[] shape) {
        if (shape.length != 4) {
            throw new PylonUserException("model 'rsunet3d' needs volumes of shape [channels, depth, height, width],"
                    + " but the dataset gives samples of shape " + Arrays.toString(shape));
        }
        long[] total = {1, 1, 1};
        for (int i = 1; i < params.channels().size(); i++) {
            long[] p = pool(params, i);
            for (int a = 0; a < 3; a++) {
                total[a] *= p[a];
            }
        }
        for (int a = 0; a < 3; a++) {
            if (shape[a + 1] % total[a] != 0) {
                throw new PylonUserException("model.channels " + params.channels() + " with model.isotropy "
                        + params.isotropy() + " pools the volume by " + Arrays.toString(total)
                        + " (z, y, x), so each side must be divisible by that, but the input shape is "
                        + Arrays.toString(shape) + "; remove levels, mark fewer levels isotropic, or crop/pad");
            }
        }
    }

    private Tensor normAct(Tensor x, Optional<Layer> norm) {
        return activation.apply(norm.isPresent() ? norm.get().apply(x) : x);
    }

    private Tensor apply(Residual r, Tensor x) {
        Tensor h = normAct(r.conv1().apply(x), r.norm1());
        Tensor y = normAct(r.conv2().apply(h), r.norm2());
        y = r.conv3().apply(y);
        if (r.norm3().isPresent()) {
            y = r.norm3().get().apply(y);
        }
        return activation.apply(h.add(y));
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = normAct(embed.apply(input), embedNorm);
        List<Tensor> skips = new ArrayList<>();
        for (int i = 0; i < encoders.size(); i++) {
            if (i > 0) {
                x = Layers.maxPool(x, pools.get(i));
            }
            x = apply(encoders.get(i), x);
            skips.add(x);
        }
        for (int i = decoders.size() - 1; i >= 0; i--) {
            x = apply(decoders.get(i), skips.get(i).add(ups.get(i).apply(x)));
        }
        return output.apply(x);
    }
}
