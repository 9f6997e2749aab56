package io.pylon.data.array;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A dense, C-ordered n-dimensional array of one {@link DType}, backed by a {@link MemorySegment}: a Java
 * array (decoded samples, transform results), native memory, or a memory-mapped file region (packed
 * datasets, read without a heap copy). This is what datasets return and transforms work on: plain Java
 * values that worker threads can share, so the loader calls libtorch only once per batch.
 *
 * <p>Images and volumes are channel-first: {@code [C, H, W]} or {@code [C, D, H, W]}. An array is immutable by
 * convention: transforms return new arrays and never write into their input.
 *
 * @param data the elements, exactly {@code size() * dtype.bytes()} bytes
 * @param dtype element type
 * @param shape dimensions; {@code []} is a scalar
 */
public record NdArray(MemorySegment data, DType dtype, long[] shape) {

    public NdArray {
        shape = shape.clone();
        long count = count(shape);
        if (data.byteSize() != count * dtype.bytes()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype.id() + " needs "
                    + count * dtype.bytes() + " bytes, the data has " + data.byteSize());
        }
    }

    public static NdArray of(float[] values, long... shape) {
        return new NdArray(MemorySegment.ofArray(values), DType.FLOAT32, shape);
    }

    public static NdArray of(double[] values, long... shape) {
        return new NdArray(MemorySegment.ofArray(values), DType.FLOAT64, shape);
    }

    public static NdArray of(long[] values, long... shape) {
        return new NdArray(MemorySegment.ofArray(values), DType.INT64, shape);
    }

    public static NdArray of(int[] values, long... shape) {
        return new NdArray(MemorySegment.ofArray(values), DType.INT32, shape);
    }

    public static NdArray of(short[] values, DType type, long... shape) {
        requireType(type, DType.INT16, DType.UINT16);
        return new NdArray(MemorySegment.ofArray(values), type, shape);
    }

    public static NdArray of(byte[] values, DType type, long... shape) {
        requireType(type, DType.UINT8, DType.INT8, DType.BOOL);
        return new NdArray(MemorySegment.ofArray(values), type, shape);
    }

    /** A zero-filled heap array (at most 2^31 - 1 elements; larger arrays are mapped, see the packed format). */
    public static NdArray zeros(DType type, long... shape) {
        int n = Math.toIntExact(count(shape));
        MemorySegment data = switch (type) {
            case BOOL, UINT8, INT8 -> MemorySegment.ofArray(new byte[n]);
            case UINT16, INT16 -> MemorySegment.ofArray(new short[n]);
            case INT32 -> MemorySegment.ofArray(new int[n]);
            case INT64 -> MemorySegment.ofArray(new long[n]);
            case FLOAT32 -> MemorySegment.ofArray(new float[n]);
            case FLOAT64 -> MemorySegment.ofArray(new double[n]);
        };
        return new NdArray(data, type, shape);
    }

    /** A 0-d int64 array: the usual class-label target. */
    public static NdArray scalar(long value) {
        return of(new long[] {value});
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return count(shape);
    }

    public long byteSize() {
        return data.byteSize();
    }

    /** Element {@code i} (flat, C order) converted to double; unsigned types are read as unsigned. */
    public double get(long i) {
        return switch (dtype) {
            case BOOL, INT8 -> data.get(ValueLayout.JAVA_BYTE, i);
            case UINT8 -> data.get(ValueLayout.JAVA_BYTE, i) & 0xff;
            case INT16 -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i);
            case UINT16 -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i) & 0xffff;
            case INT32 -> data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
            case INT64 -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
            case FLOAT32 -> data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
            case FLOAT64 -> data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i);
        };
    }

    /** Element {@code i} as a long (floating-point values are truncated towards zero). */
    public long getLong(long i) {
        return switch (dtype) {
            case INT64 -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
            case FLOAT32, FLOAT64 -> (long) get(i);
            default -> (long) get(i);
        };
    }

    /** A new float array with every element converted (a copy even when the type is already float32). */
    public float[] toFloats() {
        int n = Math.toIntExact(size());
        if (dtype == DType.FLOAT32) {
            return data.toArray(ValueLayout.JAVA_FLOAT_UNALIGNED);
        }
        float[] out = new float[n];
        switch (dtype) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data.get(ValueLayout.JAVA_BYTE, i) & 0xff;
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) get(i);
                }
            }
        }
        return out;
    }

    /** A new long array with every element converted. */
    public long[] toLongs() {
        int n = Math.toIntExact(size());
        if (dtype == DType.INT64) {
            return data.toArray(ValueLayout.JAVA_LONG_UNALIGNED);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** This array as float32: itself when it already is, else a converted copy. */
    public NdArray asFloat32() {
        return dtype == DType.FLOAT32 ? this : of(toFloats(), shape);
    }

    /** The same elements under another shape of equal size (no copy). */
    public NdArray reshape(long... newShape) {
        if (count(newShape) != size()) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to "
                    + Arrays.toString(newShape) + ": element counts differ");
        }
        return new NdArray(data, dtype, newShape);
    }

    /** Entry {@code index} along the first dimension, as a view (no copy). */
    public NdArray slice(long index) {
        if (shape.length == 0 || index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("index " + index + " outside the first dimension of "
                    + Arrays.toString(shape));
        }
        long[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        long bytes = count(rest) * dtype.bytes();
        return new NdArray(data.asSlice(index * bytes, bytes), dtype, rest);
    }

    /** Same dtype, shape and elements (bitwise). */
    public boolean contentEquals(NdArray other) {
        return dtype == other.dtype && Arrays.equals(shape, other.shape)
                && data.mismatch(other.data) == -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NdArray that && contentEquals(that);
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NdArray[" + dtype.id() + " " + Arrays.toString(shape) + "]";
    }

    /** Product of the dimensions, checked for overflow and negative entries. */
    public static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private static void requireType(DType type, DType... allowed) {
        for (DType a : allowed) {
            if (a == type) {
                return;
            }
        }
        throw new IllegalArgumentException(type.id() + " does not match the Java array type; expected one of "
                + Arrays.toString(allowed));
    }
}
