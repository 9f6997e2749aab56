package io.pylon.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;

/**
 * ResNet-18/34 (He et al. 2016) for images {@code [N, C, H, W]}: a stem, four stages of basic blocks with
 * {@code w, 2w, 4w, 8w} channels (stages 2-4 start with stride 2), global average pooling and a linear layer to
 * {@code DataSpec.numClasses} logits.
 *
 * <p>Basic block: {@code relu(bn(conv3(relu(bn(conv3_s(x))))) + s(x))}, with {@code s} the identity, or a
 * 1x1 stride-s convolution plus batch norm where the shape changes. Stems: {@code cifar} =
 * {@code relu(bn(conv3x3(x)))}; {@code imagenet} = {@code maxpool3x3_s2(relu(bn(conv7x7_s2(x))))}. Convolutions
 * have no bias (batch norm follows). Parameters: stem {@code k*C*w + 2w} (k = 9 or 49); a block
 * {@code 9*in*out + 9*out*out + 4*out}, plus {@code in*out + 2*out} with a projection; classifier
 * {@code 8w*K + K}.
 */
final class ResNet extends Module implements Model {

    /** A basic block; the Java wrappers are kept so the registered modules stay reachable. */
    private record Block(Conv2dImpl conv1, BatchNorm2dImpl bn1, Conv2dImpl conv2, BatchNorm2dImpl bn2,
                         Optional<Conv2dImpl> projection, Optional<BatchNorm2dImpl> projectionBn) {
    }

    private final Conv2dImpl stemConv;
    private final BatchNorm2dImpl stemBn;
    private final boolean imagenet;
    private final List<Block> blocks = new ArrayList<>();
    private final LinearImpl classifier;

    public ResNet(ResNetParams params, DataSpec spec) {
        long[] shape = spec.inputShape();
        if (shape.length != 3) {
            throw new PylonUserException("model 'resnet' needs image inputs of shape [channels, height, width], but"
                    + " the dataset gives samples of shape " + Arrays.toString(shape));
        }
        this.imagenet = params.stem() == ResNetParams.Stem.IMAGENET;
        long width = params.width();
        this.stemConv = register_module("stem_conv", conv(shape[0], width, imagenet ? 7 : 3, imagenet ? 2 : 1));
        this.stemBn = register_module("stem_bn", new BatchNorm2dImpl(new BatchNormOptions(width)));
        long in = width;
        int[] counts = params.blocks();
        for (int s = 0; s < counts.length; s++) {
            long out = width << s;
            for (int b = 0; b < counts[s]; b++) {
                long stride = s > 0 && b == 0 ? 2 : 1;
                String name = "layer" + (s + 1) + "_" + b;
                Conv2dImpl conv1 = register_module(name + "_conv1", conv(in, out, 3, stride));
                BatchNorm2dImpl bn1 = register_module(name + "_bn1", new BatchNorm2dImpl(new BatchNormOptions(out)));
                Conv2dImpl conv2 = register_module(name + "_conv2", conv(out, out, 3, 1));
                BatchNorm2dImpl bn2 = register_module(name + "_bn2", new BatchNorm2dImpl(new BatchNormOptions(out)));
                boolean project = stride != 1 || in != out;
                Optional<Conv2dImpl> projection = project
                        ? Optional.of(register_module(name + "_proj", conv(in, out, 1, stride)))
                        : Optional.empty();
                Optional<BatchNorm2dImpl> projectionBn = project
                        ? Optional.of(register_module(name + "_proj_bn", new BatchNorm2dImpl(new BatchNormOptions(out))))
                        : Optional.empty();
                blocks.add(new Block(conv1, bn1, conv2, bn2, projection, projectionBn));
                in = out;
            }
        }
        this.classifier = register_module("fc", new LinearImpl(in, spec.numClasses()));
    }

    /** A bias-free square convolution with "same" padding {@code kernel / 2}. */
    private static Conv2dImpl conv(long in, long out, long kernel, long stride) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(kernel, kernel));
        options.stride().put(new LongPointer(stride, stride));
        options.padding().put(new LongPointer(kernel / 2, kernel / 2));
        options.bias().put(false);
        return new Conv2dImpl(options);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = torch.relu(stemBn.forward(stemConv.forward(input)));
        if (imagenet) {
            x = torch.max_pool2d(x, new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1}, new long[] {1, 1},
                    false);
        }
        for (Block b : blocks) {
            Tensor y = torch.relu(b.bn1().forward(b.conv1().forward(x)));
            y = b.bn2().forward(b.conv2().forward(y));
            Tensor shortcut = b.projection().isPresent()
                    ? b.projectionBn().get().forward(b.projection().get().forward(x))
                    : x;
            x = torch.relu(y.add(shortcut));
        }
        return classifier.forward(torch.flatten(torch.adaptive_avg_pool2d(x, 1, 1), 1, -1));
    }
}
