package io.pylon.data.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Turns the element bytes of a {@code .npy} file into an {@link NdArray} in native byte order and C order.
 * Little-endian C-ordered data is used as it is (a view of the mapped file or the archive entry); big-endian
 * data is byte-swapped and Fortran-ordered data transposed into a new heap array.
 */
final class NpyElements {

    private NpyElements() {
    }

    /**
     * The array {@code header} describes over {@code data}, which holds exactly {@code header.dataBytes()} bytes.
     *
     * @return a view of {@code data} when no conversion is needed, else a heap copy
     */
    static NdArray toArray(NpyHeader header, MemorySegment data) {
        DType type = header.dtype();
        long[] shape = header.shape();
        boolean swap = header.bigEndian() && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        if (!swap && !header.fortranOrder()) {
            return new NdArray(data, type, shape);
        }
        NdArray out = NdArray.zeros(type, shape);
        MemorySegment target = out.data();
        long count = out.size();
        ValueLayout host = type.layout();
        ValueLayout stored = swap ? host.withOrder(ByteOrder.BIG_ENDIAN) : host;
        if (!header.fortranOrder()) {
            MemorySegment.copy(data, stored, 0, target, host, 0, count);
            return out;
        }
        transposeFromFortran(data, stored, target, host, shape, count);
        return out;
    }

    /**
     * Copies column-major {@code data} into row-major {@code target}: element {@code (i0, ..., ik)} sits at
     * Fortran offset {@code sum(i_j * f_j)} with {@code f_0 = 1, f_j = f_{j-1} * d_{j-1}}. The odometer walks
     * the output in C order, so writes are sequential.
     */
    private static void transposeFromFortran(MemorySegment data, ValueLayout stored, MemorySegment target,
            ValueLayout host, long[] shape, long count) {
        int rank = shape.length;
        long[] fortranStride = new long[rank];
        long stride = 1;
        for (int j = 0; j < rank; j++) {
            fortranStride[j] = stride;
            stride *= shape[j];
        }
        long[] index = new long[rank];
        long source = 0;
        long bytes = host.byteSize();
        for (long flat = 0; flat < count; flat++) {
            MemorySegment.copy(data, stored, source * bytes, target, host, flat * bytes, 1);
            for (int j = rank - 1; j >= 0; j--) {
                index[j]++;
                source += fortranStride[j];
                if (index[j] < shape[j]) {
                    break;
                }
                source -= fortranStride[j] * index[j];
                index[j] = 0;
            }
        }
    }
}
