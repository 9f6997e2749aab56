package io.pylon.engine;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Copies between Java arrays and tensors (always through owned native memory, never aliasing). */
public final class Tensors {

    private Tensors() {
    }

    public static Tensor fromFloats(float[] values, long... shape) {
        checkCount(values.length, shape);
        try (FloatPointer p = new FloatPointer(values)) {
            return torch.from_blob(p, shape, new TensorOptions(ScalarType.Float)).clone();
        }
    }

    public static Tensor fromLongs(long[] values, long... shape) {
        checkCount(values.length, shape);
        try (LongPointer p = new LongPointer(values)) {
            return torch.from_blob(p, shape, new TensorOptions(ScalarType.Long)).clone();
        }
    }

    /** Builds a tensor of {@code type} from its raw little-endian bytes. */
    public static Tensor fromBytes(byte[] bytes, long[] shape, ScalarType type) {
        try (BytePointer p = new BytePointer(bytes)) {
            return torch.from_blob(p, shape, new TensorOptions(type)).clone();
        }
    }

    /** The raw bytes of a tensor (moved to the CPU and made contiguous first). */
    public static byte[] toBytes(Tensor tensor) {
        Tensor cpu = tensor.device().is_cuda() ? tensor.cpu() : tensor;
        Tensor contiguous = cpu.contiguous();
        byte[] out = new byte[Math.toIntExact(contiguous.nbytes())];
        new BytePointer(contiguous.data_ptr()).capacity(out.length).get(out);
        return out;
    }

    public static float[] toFloats(Tensor tensor) {
        Tensor t = tensor.to(ScalarType.Float).cpu().contiguous();
        float[] out = new float[Math.toIntExact(t.numel())];
        new FloatPointer(t.data_ptr()).capacity(out.length).get(out);
        return out;
    }

    public static long[] toLongs(Tensor tensor) {
        Tensor t = tensor.to(ScalarType.Long).cpu().contiguous();
        long[] out = new long[Math.toIntExact(t.numel())];
        new LongPointer(t.data_ptr()).capacity(out.length).get(out);
        return out;
    }

    public static long[] shape(Tensor tensor) {
        return tensor.sizes().vec().get();
    }

    private static void checkCount(int count, long[] shape) {
        long expected = 1;
        for (long d : shape) {
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException("shape holds " + expected + " values but " + count + " were given");
        }
    }
}
