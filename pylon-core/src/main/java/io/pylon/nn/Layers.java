package io.pylon.nn;

import java.util.Arrays;
import java.util.Optional;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNorm3dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.Conv3dImpl;
import org.bytedeco.pytorch.Conv3dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.ConvTranspose3dImpl;
import org.bytedeco.pytorch.ConvTranspose3dOptions;
import org.bytedeco.pytorch.GroupNormImpl;
import org.bytedeco.pytorch.GroupNormOptions;
import org.bytedeco.pytorch.InstanceNorm2dImpl;
import org.bytedeco.pytorch.InstanceNorm3dImpl;
import org.bytedeco.pytorch.InstanceNormOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Factories of 2D/3D layers registered on an owner module, and the matching functional operations, so a
 * network can be written once for both dimensionalities. Kernel, padding and factor arrays have one entry per
 * spatial axis ({@code dims} entries), which also allows anisotropic (e.g. 1x3x3) kernels.
 */
public final class Layers {

    private Layers() {
    }

    /** A convolution with stride 1. */
    public static Layer conv(Module owner, String name, int dims, long in, long out, long[] kernel, long[] padding,
                             boolean bias) {
        checkAxes(dims, kernel, padding);
        if (dims == 2) {
            Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(kernel));
            options.padding().put(new LongPointer(padding));
            options.bias().put(bias);
            Conv2dImpl conv = owner.register_module(name, new Conv2dImpl(options));
            return new Layer(conv, conv::forward);
        }
        Conv3dOptions options = new Conv3dOptions(in, out, new LongPointer(kernel));
        options.padding().put(new LongPointer(padding));
        options.bias().put(bias);
        Conv3dImpl conv = owner.register_module(name, new Conv3dImpl(options));
        return new Layer(conv, conv::forward);
    }

    /** A "same" convolution: padding {@code kernel / 2} per axis (kernels are odd). */
    public static Layer conv(Module owner, String name, int dims, long in, long out, long[] kernel, boolean bias) {
        long[] padding = new long[kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            padding[i] = kernel[i] / 2;
        }
        return conv(owner, name, dims, in, out, kernel, padding, bias);
    }

    /** A transposed convolution with kernel = stride = {@code factor}, which multiplies each side by its factor. */
    public static Layer upConv(Module owner, String name, int dims, long in, long out, long[] factor) {
        checkAxes(dims, factor, factor);
        if (dims == 2) {
            ConvTranspose2dOptions options = new ConvTranspose2dOptions(in, out, new LongPointer(factor));
            options.stride().put(new LongPointer(factor));
            options.bias().put(true);
            ConvTranspose2dImpl conv = owner.register_module(name, new ConvTranspose2dImpl(options));
            return new Layer(conv, x -> conv.forward(x));
        }
        ConvTranspose3dOptions options = new ConvTranspose3dOptions(in, out, new LongPointer(factor));
        options.stride().put(new LongPointer(factor));
        options.bias().put(true);
        ConvTranspose3dImpl conv = owner.register_module(name, new ConvTranspose3dImpl(options));
        return new Layer(conv, x -> conv.forward(x));
    }

    /** The normalisation layer, or empty for {@link Norm#NONE}; {@code groups} is used by {@link Norm#GROUP}. */
    public static Optional<Layer> norm(Module owner, String name, int dims, Norm norm, long channels, long groups) {
        return switch (norm) {
            case NONE -> Optional.empty();
            case GROUP -> {
                if (channels % groups != 0) {
                    throw new IllegalArgumentException("group norm needs groups (" + groups + ") to divide the "
                            + "channels (" + channels + ")");
                }
                GroupNormImpl layer = owner.register_module(name, new GroupNormImpl(new GroupNormOptions(groups,
                        channels)));
                yield Optional.of(new Layer(layer, layer::forward));
            }
            case BATCH -> {
                if (dims == 2) {
                    BatchNorm2dImpl layer = owner.register_module(name, new BatchNorm2dImpl(
                            new BatchNormOptions(channels)));
                    yield Optional.of(new Layer(layer, layer::forward));
                }
                BatchNorm3dImpl layer = owner.register_module(name, new BatchNorm3dImpl(
                        new BatchNormOptions(channels)));
                yield Optional.of(new Layer(layer, layer::forward));
            }
            case INSTANCE -> {
                InstanceNormOptions options = new InstanceNormOptions(channels);
                options.affine().put(true);
                if (dims == 2) {
                    InstanceNorm2dImpl layer = owner.register_module(name, new InstanceNorm2dImpl(options));
                    yield Optional.of(new Layer(layer, layer::forward));
                }
                InstanceNorm3dImpl layer = owner.register_module(name, new InstanceNorm3dImpl(options));
                yield Optional.of(new Layer(layer, layer::forward));
            }
        };
    }

    /** Max-pooling with kernel = stride = {@code factor}. */
    public static Tensor maxPool(Tensor x, long[] factor) {
        return factor.length == 2 ? torch.max_pool2d(x, factor) : torch.max_pool3d(x, factor);
    }

    /** (Bi/tri)linear interpolation to the spatial {@code size} (align_corners false). */
    public static Tensor resize(Tensor x, long[] size) {
        return size.length == 2 ? torch.upsample_bilinear2d(x, size, false) : torch.upsample_trilinear3d(x, size,
                false);
    }

    /** The spatial size of an {@code [N, C, *spatial]} tensor. */
    public static long[] spatial(Tensor x) {
        long[] sizes = x.sizes().vec().get();
        long[] out = new long[sizes.length - 2];
        System.arraycopy(sizes, 2, out, 0, out.length);
        return out;
    }

    /** {@code value} repeated once per spatial axis. */
    public static long[] repeat(int dims, long value) {
        long[] out = new long[dims];
        Arrays.fill(out, value);
        return out;
    }

    private static void checkAxes(int dims, long[] kernel, long[] padding) {
        if (dims != 2 && dims != 3) {
            throw new IllegalArgumentException("layers are 2D or 3D, got " + dims + " dimensions");
        }
        if (kernel.length != dims || padding.length != dims) {
            throw new IllegalArgumentException("expected " + dims + " kernel and padding entries, got "
                    + kernel.length + " and " + padding.length);
        }
    }
}
