package io.pylon.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

/** Helpers shared by the model tests. */
final class ModelTesting {

    private ModelTesting() {
    }

    /**
     * The parameters as owned handles. {@code TensorVector.get} returns references into the vector's
     * storage, which dangle once the vector is collected, so each is copied (sharing the same tensor).
     */
    static Tensor[] parameters(Module module) {
        TensorVector vector = module.parameters();
        Tensor[] owned = new Tensor[Math.toIntExact(vector.size())];
        for (int i = 0; i < owned.length; i++) {
            owned[i] = new Tensor(vector.get(i));
        }
        return owned;
    }

    static long parameterCount(Module module) {
        long n = 0;
        for (Tensor p : parameters(module)) {
            n += p.numel();
        }
        return n;
    }

    /** A fixed pseudo-random batch, independent of libtorch's generator. */
    static Tensor inputs(long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        float[] values = new float[Math.toIntExact(count)];
        Random random = new Random(17);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensors.fromFloats(values, shape);
    }

    static Tensor targets(int batch, int classes) {
        long[] values = new long[batch];
        for (int i = 0; i < batch; i++) {
            values[i] = i % classes;
        }
        return Tensors.fromLongs(values, batch);
    }

    static double loss(Model model, Tensor inputs, Tensor targets) {
        return torch.cross_entropy(model.forward(inputs), targets).item_double();
    }

    /**
     * Per-pixel labels in {0, 1, 2} from an {@code [N, C, *spatial]} batch: the class of channel 0's value
     * below -0.5, in between, or above 0.5, a target a segmentation network can fit exactly.
     */
    static Tensor labels(Tensor inputs) {
        Tensor first = inputs.select(1, 0);
        return first.gt(new Scalar(-0.5)).toType(torch.ScalarType.Long)
                .add(first.gt(new Scalar(0.5)).toType(torch.ScalarType.Long));
    }

    /** An AdamW optimizer over the model's parameters. */
    static Optimizer adamw(Model model, double lr) {
        return Optimizers.create(OptimConfig.of("adamw", lr), model);
    }

    /** {@code steps} optimisation steps of per-pixel cross-entropy; returns the loss of the last step. */
    static double fit(Model model, Tensor x, Tensor y, int steps, double lr) {
        Optimizer optimizer = adamw(model, lr);
        double last = Double.NaN;
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            Tensor loss = torch.cross_entropy(model.forward(x), y);
            last = loss.item_double();
            loss.backward();
            optimizer.step();
        }
        return last;
    }

    /** A copy of the model's parameters and buffers (detached clones), for save/load comparisons. */
    static Map<String, Tensor> snapshot(Module module) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : ModuleTensors.stateDict(module).entrySet()) {
            out.put(e.getKey(), e.getValue().detach().clone());
        }
        return out;
    }
}
