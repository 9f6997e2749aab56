package io.pylon.criteria.composite;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Copies between double arrays and tensors for the distance maps (owned native memory, never aliasing). */
final class Grids {

    private Grids() {
    }

    /** A tensor of {@code like}'s dtype and device holding {@code values} in the given shape. */
    static Tensor fromDoubles(double[] values, long[] shape, Tensor like) {
        try (DoublePointer p = new DoublePointer(values)) {
            Tensor cpu = torch.from_blob(p, shape, new TensorOptions(ScalarType.Double)).clone();
            return cpu.to(like.device(), like.scalar_type());
        }
    }

    static double[] toDoubles(Tensor tensor) {
        Tensor t = tensor.detach().to(ScalarType.Double).cpu().contiguous();
        double[] out = new double[Math.toIntExact(t.numel())];
        new DoublePointer(t.data_ptr()).capacity(out.length).get(out);
        return out;
    }

    static long[] shape(Tensor tensor) {
        return tensor.sizes().vec().get();
    }
}
