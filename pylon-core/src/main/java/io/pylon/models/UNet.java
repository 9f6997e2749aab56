package io.pylon.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;
import io.pylon.nn.ConvBlock;
import io.pylon.nn.Layer;
import io.pylon.nn.Layers;

/**
 * UNet (Ronneberger et al. 2015) for 2D images {@code [N, C, H, W]} ({@code unet2d}) or 3D volumes
 * {@code [N, C, D, H, W]} ({@code unet3d}), one implementation parameterised by the number of spatial axes.
 *
 * <p>With depth {@code L} and width {@code w}, level {@code l} (0..L) has {@code c_l = w * 2^l} channels and
 * resolution {@code 1/2^l}. Encoder: {@code e_0 = B(x)}, {@code e_l = B(maxpool2(e_{l-1}))}; level L is the
 * bottleneck. Decoder, for {@code l = L-1 .. 0}: {@code d_l = B(cat(e_l, up(d_{l+1})))} with {@code d_L = e_L},
 * where {@code up} maps {@code c_{l+1}} to {@code c_l} channels at twice the resolution (transposed 2-kernel
 * stride-2 convolution, or linear interpolation followed by a 1x1 convolution), and {@code B} is a
 * {@link ConvBlock} of two 3x3(x3) convolutions (optionally residual). The logits are {@code head(d_0)}, a 1x1
 * convolution to {@code DataSpec.numClasses} channels at full resolution.
 *
 * <p>With deep supervision, each decoder level {@code l = 1 .. L-1} gets its own 1x1 head, and
 * {@link DeepSupervised#forwardAll} returns {@code scale0 = head(d_0)} .. {@code scale<L-1>} (resolution
 * {@code 1/2^l}), the order {@code DeepSupervisionLoss} expects. The input channels come from
 * {@code DataSpec.inputShape[0]}; every spatial side must be divisible by {@code 2^L}.
 */
public class UNet extends Module implements Model {

    /** One decoder level: the up-sampling layer, its block and its optional deep-supervision head. */
    private record Decoder(Layer up, ConvBlock block, Layer head) {
    }

    private final int dims;
    private final boolean interpolate;
    private final List<ConvBlock> encoders = new ArrayList<>();
    private final List<Decoder> decoders = new ArrayList<>();
    private final Layer head;

    private UNet(UNetParams params, DataSpec spec, int dims) {
        checkInput(params, spec.inputShape(), dims);
        this.dims = dims;
        this.interpolate = params.upsampling() == UNetParams.Upsampling.INTERPOLATE;
        long[] kernel = Layers.repeat(dims, 3);
        long[] one = Layers.repeat(dims, 1);
        long[] two = Layers.repeat(dims, 2);
        long in = spec.inputShape()[0];
        for (int l = 0; l <= params.depth(); l++) {
            long out = channels(params, l);
            encoders.add(new ConvBlock(this, "enc" + l, dims, in, out, kernel, params.norm(), params.groups(),
                    params.activation(), params.dropout(), params.residual()));
            in = out;
        }
        for (int l = 0; l < params.depth(); l++) {
            long c = channels(params, l);
            Layer up = interpolate
                    ? Layers.conv(this, "up" + l, dims, 2 * c, c, one, true)
                    : Layers.upConv(this, "up" + l, dims, 2 * c, c, two);
            ConvBlock block = new ConvBlock(this, "dec" + l, dims, 2 * c, c, kernel, params.norm(), params.groups(),
                    params.activation(), params.dropout(), params.residual());
            Layer scaleHead = l > 0 && params.deepSupervision()
                    ? Layers.conv(this, "head" + l, dims, c, spec.numClasses(), one, true)
                    : null;
            decoders.add(new Decoder(up, block, scaleHead));
        }
        this.head = Layers.conv(this, "head0", dims, channels(params, 0), spec.numClasses(), one, true);
    }

    /** Builds the 2D ({@code dims} 2) or 3D ({@code dims} 3) model, multi-output when deep supervision is on. */
    public static UNet create(UNetParams params, DataSpec spec, int dims) {
        return params.deepSupervision() ? new DeepSupervised(params, spec, dims) : new UNet(params, spec, dims);
    }

    private static long channels(UNetParams params, int level) {
        return (long) params.width() << level;
    }

    private static void checkInput(UNetParams params, long[] shape, int dims) {
        String name = "unet" + dims + "d";
        if (shape.length != dims + 1) {
            throw new PylonUserException("model '" + name + "' needs inputs of shape [channels, "
                    + (dims == 2 ? "height, width" : "depth, height, width") + "], but the dataset gives samples of"
                    + " shape " + Arrays.toString(shape) + "; use unet" + (shape.length == 3 ? 2 : 3)
                    + "d for " + (shape.length - 1) + "D inputs");
        }
        long factor = 1L << params.depth();
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] % factor != 0) {
                throw new PylonUserException("model.depth = " + params.depth() + " halves every spatial side "
                        + params.depth() + " times, so each must be divisible by " + factor
                        + ", but the input shape is " + Arrays.toString(shape)
                        + "; lower model.depth or crop/pad the inputs");
            }
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return head.apply(decode(input).get(0));
    }

    /** The decoder features {@code d_0 .. d_{L-1}}, full resolution first. */
    List<Tensor> decode(Tensor input) {
        boolean training = is_training();
        List<Tensor> skips = new ArrayList<>();
        Tensor x = input;
        for (int l = 0; l < encoders.size(); l++) {
            if (l > 0) {
                x = Layers.maxPool(x, Layers.repeat(dims, 2));
            }
            x = encoders.get(l).forward(x, training);
            skips.add(x);
        }
        Tensor[] features = new Tensor[decoders.size()];
        for (int l = decoders.size() - 1; l >= 0; l--) {
            Decoder decoder = decoders.get(l);
            Tensor skip = skips.get(l);
            Tensor up = interpolate
                    ? decoder.up().apply(Layers.resize(x, Layers.spatial(skip)))
                    : decoder.up().apply(x);
            x = decoder.block().forward(torch.cat(new TensorVector(skip, up), 1), training);
            features[l] = x;
        }
        return List.of(features);
    }

    /**
     * A UNet with a head per decoder level: {@link #forwardAll} gives {@code scale0} (full resolution) to
     * {@code scale<L-1>}, and {@link #forward} the full-resolution logits alone (computing only that head).
     */
    public static final class DeepSupervised extends UNet implements MultiOutputModel {

        private DeepSupervised(UNetParams params, DataSpec spec, int dims) {
            super(params, spec, dims);
        }

        @Override
        public Map<String, Tensor> forwardAll(Tensor input) {
            List<Tensor> features = decode(input);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int l = 0; l < features.size(); l++) {
                out.put("scale" + l, scaleHead(l).apply(features.get(l)));
            }
            return out;
        }
    }

    /** The 1x1 head of decoder level {@code level} (level 0: the main head). */
    Layer scaleHead(int level) {
        return level == 0 ? head : decoders.get(level).head();
    }
}
