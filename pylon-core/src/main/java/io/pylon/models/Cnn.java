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
 * A small image classifier: per entry of {@link CnnParams#channels} a 3x3 convolution (padding 1),
 * optional batch norm, ReLU and 2x2 max-pool; then flatten, a hidden linear layer with ReLU and
 * dropout, and a linear layer to the class logits. Inputs are {@code [N, C, H, W]}.
 */
public final class Cnn extends Module implements Model {

    /** One conv stage; the Java wrappers are kept so the registered modules stay reachable. */
    private record Stage(Conv2dImpl conv, Optional<BatchNorm2dImpl> norm) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final LinearImpl hidden;
    private final LinearImpl output;
    private final double dropout;

    public Cnn(CnnParams params, DataSpec spec) {
        long[] shape = spec.inputShape();
        checkInput(params, shape);
        long channels = shape[0];
        long height = shape[1];
        long width = shape[2];
        for (int i = 0; i < params.channels().size(); i++) {
            int out = params.channels().get(i);
            Conv2dOptions options = new Conv2dOptions(channels, out, new LongPointer(3L, 3L));
            options.padding().put(new LongPointer(1L, 1L));
            options.bias().put(!params.batchNorm());
            Conv2dImpl conv = register_module("conv" + i, new Conv2dImpl(options));
            Optional<BatchNorm2dImpl> norm = params.batchNorm()
                    ? Optional.of(register_module("bn" + i, new BatchNorm2dImpl(new BatchNormOptions(out))))
                    : Optional.empty();
            stages.add(new Stage(conv, norm));
            channels = out;
            height /= 2;
            width /= 2;
        }
        this.hidden = register_module("fc", new LinearImpl(channels * height * width, params.hidden()));
        this.output = register_module("out", new LinearImpl(params.hidden(), spec.numClasses()));
        this.dropout = params.dropout();
    }

    private static void checkInput(CnnParams params, long[] shape) {
        if (shape.length != 3) {
            throw new PylonUserException("model 'cnn' needs image inputs of shape [channels, height, width], but the"
                    + " dataset gives samples of shape " + Arrays.toString(shape) + "; use model 'mlp' instead");
        }
        int stages = params.channels().size();
        if (stages >= 63 || (shape[1] >> stages) < 1 || (shape[2] >> stages) < 1) {
            throw new PylonUserException("model.channels has " + stages + " entries, each halving the image, but a "
                    + shape[1] + "x" + shape[2] + " image allows at most "
                    + (63 - Long.numberOfLeadingZeros(Math.min(shape[1], shape[2]))) + "; remove entries");
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Stage stage : stages) {
            x = stage.conv().forward(x);
            if (stage.norm().isPresent()) {
                x = stage.norm().get().forward(x);
            }
            x = torch.max_pool2d(torch.relu(x), 2, 2);
        }
        x = torch.relu(hidden.forward(torch.flatten(x, 1, -1)));
        if (dropout > 0) {
            x = torch.dropout(x, dropout, is_training());
        }
        return output.forward(x);
    }
}
