package io.pylon.checkpoint;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Tensors;

/** A tensor as stored in a file: element type, shape and raw little-endian bytes. */
public record StoredTensor(DType dtype, long[] shape, byte[] data) {

    public static StoredTensor of(Tensor tensor) {
        return new StoredTensor(DType.of(tensor.scalar_type()), Tensors.shape(tensor), Tensors.toBytes(tensor));
    }

    /** A new CPU tensor holding a copy of the bytes. */
    public Tensor toTensor() {
        return Tensors.fromBytes(data, shape, dtype.scalarType());
    }
}
