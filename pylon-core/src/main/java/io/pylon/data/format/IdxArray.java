package io.pylon.data.format;

import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Tensors;

/**
 * The content of one IDX file: its element type, its dimensions and its elements.
 *
 * @param type element type declared by the magic number
 * @param shape dimension sizes, outermost first (the sample count for datasets)
 * @param data the elements in row-major order, multi-byte types already converted to little-endian so
 *     that {@link #toTensor} can copy them as they are
 */
public record IdxArray(IdxType type, long[] shape, byte[] data) {

    public IdxArray {
        shape = shape.clone();
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        if (count * type.size() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type + " needs "
                    + count * type.size() + " bytes, got " + data.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long elements() {
        return data.length / type.size();
    }

    /** A new tensor of {@link IdxType#scalarType()} holding a copy of the elements. */
    public Tensor toTensor() {
        return Tensors.fromBytes(data, shape, type.scalarType());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxArray that && type == that.type && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + " " + Arrays.toString(shape) + "]";
    }
}
