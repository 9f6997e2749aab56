package io.pylon.data.loader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

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

    /**
     * @param files the file a sample index was read from, named in errors when samples do not fit together
     */
    static Collated collate(List<Sample> samples, int batchSize, BatchBuffers buffers, String source,
            LongFunction<Optional<String>> files) {
        Sample first = samples.get(0);
        long[] inputShape = first.input().shape();
        long[] targetShape = first.target().shape();
        for (Sample s : samples) {
            if (!Arrays.equals(s.input().shape(), inputShape) || s.input().dtype() != first.input().dtype()) {
                throw new DataException(source, s.index(), "input " + s.input() + fileOf(s, files)
                        + " differs from sample " + first.index() + "'s " + first.input() + fileOf(first, files)
                        + " in the same batch; add a crop, pad or resize transform so that every sample has one"
                        + " shape and type");
            }
            if (!Arrays.equals(s.target().shape(), targetShape) || s.target().dtype() != first.target().dtype()) {
                throw new DataException(source, s.index(), "target " + s.target() + fileOf(s, files)
                        + " differs from sample " + first.index() + "'s " + first.target() + fileOf(first, files)
                        + " in the same batch");
            }
        }
        DType inputType = inputType(first.input().dtype());
        DType targetType = targetType(first.target().dtype());
        BatchBuffers.Buffer in = buffers.acquire(batchShape(batchSize, inputShape), scalarType(inputType));
        BatchBuffers.Buffer out = buffers.acquire(batchShape(batchSize, targetShape), scalarType(targetType));
        long[] indices = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            indices[i] = s.index();
            write(s.input(), in.memory(), i, inputType);
            write(s.target(), out.memory(), i, targetType);
        }
        return new Collated(in, out, samples.size(), indices);
    }

    private static String fileOf(Sample sample, LongFunction<Optional<String>> files) {
        return files.apply(sample.index()).map(file -> " (" + file + ")").orElse("");
    }

    private static long[] batchShape(int batchSize, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batchSize;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    /** Inputs keep their type, except uint16, which libtorch lacks: it widens to int32. */
    static DType inputType(DType type) {
        return type == DType.UINT16 ? DType.INT32 : type;
    }

    /** Integer targets become int64 (what the losses index with); floating ones keep their type. */
    static DType targetType(DType type) {
        return type.isFloatingPoint() ? type : DType.INT64;
    }

    static ScalarType scalarType(DType type) {
        return switch (type) {
            case BOOL -> ScalarType.Bool;
            case UINT8 -> ScalarType.Byte;
            case INT8 -> ScalarType.Char;
            case INT16 -> ScalarType.Short;
            case INT32 -> ScalarType.Int;
            case INT64 -> ScalarType.Long;
            case FLOAT32 -> ScalarType.Float;
            case FLOAT64 -> ScalarType.Double;
            case UINT16 -> throw new IllegalArgumentException("libtorch has no uint16 tensors; widen to int32 first");
        };
    }

    /** Writes {@code array} as entry {@code slot} of the batch in {@code batch}, converting when needed. */
    private static void write(NdArray array, MemorySegment batch, int slot, DType type) {
        long n = array.size();
        long offset = slot * n * type.bytes();
        if (array.dtype() == type) {
            MemorySegment.copy(array.data(), 0, batch, offset, n * type.bytes());
        } else if (type == DType.INT64) {
            for (long i = 0; i < n; i++) {
                batch.set(ValueLayout.JAVA_LONG_UNALIGNED, offset + i * 8, array.getLong(i));
            }
        } else if (type == DType.INT32) {
            for (long i = 0; i < n; i++) {
                batch.set(ValueLayout.JAVA_INT_UNALIGNED, offset + i * 4, (int) array.getLong(i));
            }
        } else {
            throw new IllegalStateException("no conversion from " + array.dtype() + " to " + type);
        }
    }
}
