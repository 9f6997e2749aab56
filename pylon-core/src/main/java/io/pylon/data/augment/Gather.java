package io.pylon.data.augment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Applies an index map to every leading slice of an array, keeping its dtype: output point {@code i} of a
 * slice takes source point {@code index[i]} of the same slice, or {@code fill} where the index is negative
 * (outside the source). Used for every exact reordering (flips, rotations, crops, padding) and for
 * nearest-neighbour resampling, so labels are copied, never computed.
 */
final class Gather {

    private Gather() {
    }

    /**
     * @param source the array, {@code [*leading, *S]}, with {@code sourceVolume} points per leading slice
     * @param index for each output point, its source point or -1
     * @param shape the output shape (same leading dimensions, new spatial ones)
     * @param fill the value of points whose index is -1, converted to the dtype (truncated for integers)
     */
    static NdArray apply(NdArray source, int sourceVolume, int[] index, long[] shape, double fill) {
        int slices = Math.toIntExact(source.size() / sourceVolume);
        MemorySegment data = source.data();
        DType type = source.dtype();
        return switch (type) {
            case BOOL, UINT8, INT8 -> NdArray.of(bytes(array(data, byte[].class, ValueLayout.JAVA_BYTE), slices,
                    sourceVolume, index, (byte) (long) fill), type, shape);
            case UINT16, INT16 -> NdArray.of(shorts(array(data, short[].class, ValueLayout.JAVA_SHORT_UNALIGNED),
                    slices, sourceVolume, index, (short) (long) fill), type, shape);
            case INT32 -> NdArray.of(ints(array(data, int[].class, ValueLayout.JAVA_INT_UNALIGNED), slices,
                    sourceVolume, index, (int) (long) fill), shape);
            case INT64 -> NdArray.of(longs(array(data, long[].class, ValueLayout.JAVA_LONG_UNALIGNED), slices,
                    sourceVolume, index, (long) fill), shape);
            case FLOAT32 -> NdArray.of(floats(floats(source), slices, sourceVolume, index, (float) fill), shape);
            case FLOAT64 -> NdArray.of(doubles(array(data, double[].class, ValueLayout.JAVA_DOUBLE_UNALIGNED), slices,
                    sourceVolume, index, fill), shape);
        };
    }

    /** The elements of a float32 array: its own backing array when it has one (read only!), else a copy. */
    static float[] floats(NdArray array) {
        return array.dtype() == DType.FLOAT32 ? array(array.data(), float[].class,
                ValueLayout.JAVA_FLOAT_UNALIGNED) : array.toFloats();
    }

    /**
     * The Java array behind a heap segment that spans all of it, so that transforms read their input without
     * a copy; a copy for native, mapped or partial segments. Callers only read the result.
     */
    private static <A> A array(MemorySegment data, Class<A> type, ValueLayout layout) {
        Object base = data.heapBase().orElse(null);
        if (type.isInstance(base) && data.address() == 0
                && data.byteSize() == (long) java.lang.reflect.Array.getLength(base) * layout.byteSize()) {
            return type.cast(base);
        }
        @SuppressWarnings("unchecked")
        A copy = (A) switch (layout) {
            case ValueLayout.OfByte b -> data.toArray(b);
            case ValueLayout.OfShort s -> data.toArray(s);
            case ValueLayout.OfInt i -> data.toArray(i);
            case ValueLayout.OfLong l -> data.toArray(l);
            case ValueLayout.OfFloat f -> data.toArray(f);
            case ValueLayout.OfDouble d -> data.toArray(d);
            default -> throw new IllegalArgumentException("no array type for " + layout);
        };
        return copy;
    }

    private static byte[] bytes(byte[] in, int slices, int volume, int[] index, byte fill) {
        int n = index.length;
        byte[] out = new byte[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }

    private static short[] shorts(short[] in, int slices, int volume, int[] index, short fill) {
        int n = index.length;
        short[] out = new short[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }

    private static int[] ints(int[] in, int slices, int volume, int[] index, int fill) {
        int n = index.length;
        int[] out = new int[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }

    private static long[] longs(long[] in, int slices, int volume, int[] index, long fill) {
        int n = index.length;
        long[] out = new long[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }

    private static float[] floats(float[] in, int slices, int volume, int[] index, float fill) {
        int n = index.length;
        float[] out = new float[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }

    private static double[] doubles(double[] in, int slices, int volume, int[] index, double fill) {
        int n = index.length;
        double[] out = new double[slices * n];
        for (int s = 0; s < slices; s++) {
            int from = s * volume;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int k = index[i];
                out[to + i] = k >= 0 ? in[from + k] : fill;
            }
        }
        return out;
    }
}
