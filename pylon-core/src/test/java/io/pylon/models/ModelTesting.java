package io.pylon.models;

import java.util.Random;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.Tensors;

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
}
