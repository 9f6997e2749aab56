package io.pylon.data.volume;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Byte-level helpers shared by the volume readers: decoding file bytes of either byte order into a
 * typed heap array, encoding back, filling, and turning a decoded volume into an int64 label map.
 */
final class VolumeArrays {

    private VolumeArrays() {
    }

    /** The unaligned element layout of {@code type} in byte order {@code order}. */
    static ValueLayout layout(DType type, ByteOrder order) {
        return type.layout().withOrder(order);
    }

    /**
     * Decodes {@code count(shape)} elements stored in {@code order} starting at byte {@code offset} of
     * {@code bytes} into a new heap array in native order (swapping bytes when the orders differ).
     */
    static NdArray decode(byte[] bytes, long offset, ByteOrder order, DType type, long... shape) {
        NdArray out = NdArray.zeros(type, shape);
        MemorySegment.copy(MemorySegment.ofArray(bytes), layout(type, order), offset, out.data(),
                layout(type, ByteOrder.nativeOrder()), 0, out.size());
        return out;
    }

    /** The elements of {@code array} as bytes in {@code order}. */
    static byte[] encode(NdArray array, ByteOrder order) {
        byte[] bytes = new byte[Math.toIntExact(array.byteSize())];
        MemorySegment.copy(array.data(), layout(array.dtype(), ByteOrder.nativeOrder()), 0,
                MemorySegment.ofArray(bytes), layout(array.dtype(), order), 0, array.size());
        return bytes;
    }

    /** A new array of {@code shape} with every element {@code value} (converted to {@code type}). */
    static NdArray filled(DType type, double value, long... shape) {
        NdArray out = NdArray.zeros(type, shape);
        if (value == 0) {
            return out;
        }
        MemorySegment data = out.data();
        long n = out.size();
        switch (type) {
            case BOOL, UINT8, INT8 -> data.fill((byte) (long) value);
            case UINT16, INT16 -> {
                for (long i = 0; i < n; i++) {
                    data.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i, (short) (long) value);
                }
            }
            case INT32 -> {
                for (long i = 0; i < n; i++) {
                    data.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, (int) (long) value);
                }
            }
            case INT64 -> {
                for (long i = 0; i < n; i++) {
                    data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, (long) value);
                }
            }
            case FLOAT32 -> {
                for (long i = 0; i < n; i++) {
                    data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) value);
                }
            }
            case FLOAT64 -> {
                for (long i = 0; i < n; i++) {
                    data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, value);
                }
            }
        }
        return out;
    }

    /** Whether {@code value} is exactly representable in {@code type} (fill values, padding). */
    static boolean representable(DType type, double value) {
        if (type.isFloatingPoint()) {
            return type == DType.FLOAT64 || Double.isNaN(value) || (double) (float) value == value
                    || Double.isInfinite(value);
        }
        if (value != Math.rint(value)) {
            return false;
        }
        return switch (type) {
            case BOOL -> value == 0 || value == 1;
            case UINT8 -> value >= 0 && value <= 255;
            case INT8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case UINT16 -> value >= 0 && value <= 65535;
            case INT16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case INT32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> value >= -0x1p63 && value < 0x1p63;
        };
    }

    /**
     * {@code volume} as an int64 label map of rank {@code spatialRank}: a leading channel dimension of 1 is
     * dropped, and floating-point labels must hold whole numbers (a resampled, interpolated label file would
     * not).
     */
    static NdArray labelMap(NdArray volume, int spatialRank, String source, long sampleIndex) {
        NdArray labels = volume;
        if (labels.rank() == spatialRank + 1 && labels.dim(0) == 1) {
            long[] shape = labels.shape();
            labels = labels.reshape(Arrays.copyOfRange(shape, 1, shape.length));
        }
        if (labels.dtype().isFloatingPoint()) {
            for (long i = 0; i < labels.size(); i++) {
                double v = labels.get(i);
                if (v != Math.rint(v)) {
                    throw new DataException(source, sampleIndex, "label maps must hold whole class numbers, found "
                            + v + " at element " + i + "; save the labels with an integer type (nearest-neighbour"
                            + " resampling)");
                }
            }
        }
        return NdArray.of(labels.toLongs(), labels.shape());
    }
}
