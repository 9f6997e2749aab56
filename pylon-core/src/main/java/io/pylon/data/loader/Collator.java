package io.pylon.data.loader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Stacks samples into batch buffers: inputs keep their element type (uint16, which libtorch lacks, widens
 * to int32); integer targets become int64 (what the losses index with), floating ones keep their type.
 * Elements of the right type are copied in bulk segment to segment, so samples that are views of a
 * memory-mapped file reach the batch without a heap copy.
 */
final class Collator {

    private Collator() {
    }

    /** A batch's two buffers, filled with {@code count} samples. */
    record Collated(BatchBuffers.Buffer inputs, BatchBuffers.Buffer targets, int count, long[] indices) {
    }

    static Collated collate(List<Sample> samples, int batchSize, BatchBuffers buffers, String source) {
        Sample first = samples.get(0);
        long[] inputShape = first.input().shape();
        long[] targetShape = first.target().shape();
        for (Sample s : samples) {
            if (!Arrays.equals(s.input().shape(), inputShape) || s.input().dtype() != first.input().dtype()) {
                throw new DataException(source, s.index(), "input " + s.input() + " differs from sample "
                        + first.index() + "'s " + first.input() + " in the same batch; add a crop, pad or resize"
                        + " transform so that every sample has one shape and type");
            }
            if (!Arrays.equals(s.target().shape(), targetShape) || s.target().dtype() != first.target().dtype()) {
                throw new DataException(source, s.index(), "target " + s.target() + " differs from sample "
                        + first.index() + "'s " + first.target() + " in the same batch");
            }
        }
        BatchBuffers.Buffer in = buffers.acquire(batchShape(batchSize, inputShape), inputType(first.input().dtype()));
        BatchBuffers.Buffer out = buffers.acquire(batchShape(batchSize, targetShape),
                targetType(first.target().dtype()));
        long[] indices = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            indices[i] = s.index();
            write(s.input(), in.memory(), i, in.key().type());
            write(s.target(), out.memory(), i, out.key().type());
        }
        return new Collated(in, out, samples.size(), indices);
    }

    private static long[] batchShape(int batchSize, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batchSize;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    static ScalarType inputType(DType type) {
        return switch (type) {
            case BOOL -> ScalarType.Bool;
            case UINT8 -> ScalarType.Byte;
            case INT8 -> ScalarType.Char;
            case INT16 -> ScalarType.Short;
            case UINT16, INT32 -> ScalarType.Int;
            case INT64 -> ScalarType.Long;
            case FLOAT32 -> ScalarType.Float;
            case FLOAT64 -> ScalarType.Double;
        };
    }

    static ScalarType targetType(DType type) {
        return type.isFloatingPoint() ? inputType(type) : ScalarType.Long;
    }

    /** Writes {@code array} as entry {@code slot} of the batch in {@code batch}, converting when needed. */
    private static void write(NdArray array, MemorySegment batch, int slot, ScalarType type) {
        long n = array.size();
        int bytes = elementBytes(type);
        long offset = slot * n * bytes;
        if (sameLayout(array.dtype(), type)) {
            MemorySegment.copy(array.data(), 0, batch, offset, n * bytes);
            return;
        }
        if (type.value == ScalarType.Long.value) {
            for (long i = 0; i < n; i++) {
                batch.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + i * 8, array.getLong(i));
            }
        } else if (type.value == ScalarType.Int.value) {
            for (long i = 0; i < n; i++) {
                batch.set(ValueLayout.JAVA_INT_UNALIGNED, offset + i * 4, (int) array.getLong(i));
            }
        } else {
            throw new IllegalStateException("no conversion from " + array.dtype() + " to " + type);
        }
    }

    private static boolean sameLayout(DType dtype, ScalarType type) {
        return dtype != DType.UINT16 && inputType(dtype).value == type.value;
    }

    private static int elementBytes(ScalarType type) {
        if (type.value == ScalarType.Long.value || type.value == ScalarType.Double.value) {
            return 8;
        }
        if (type.value == ScalarType.Int.value || type.value == ScalarType.Float.value) {
            return 4;
        }
        return type.value == ScalarType.Short.value ? 2 : 1;
    }
}
