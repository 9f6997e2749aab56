package io.pylon.checkpoint;

import java.util.Arrays;

import org.bytedeco.pytorch.global.torch.ScalarType;

/** The tensor element types a safetensors file can hold, with their libtorch equivalents. */
public enum DType {
    F64(ScalarType.Double, 8),
    F32(ScalarType.Float, 4),
    F16(ScalarType.Half, 2),
    BF16(ScalarType.BFloat16, 2),
    I64(ScalarType.Long, 8),
    I32(ScalarType.Int, 4),
    I16(ScalarType.Short, 2),
    I8(ScalarType.Char, 1),
    U8(ScalarType.Byte, 1),
    BOOL(ScalarType.Bool, 1);

    private final ScalarType scalarType;
    private final int bytes;

    DType(ScalarType scalarType, int bytes) {
        this.scalarType = scalarType;
        this.bytes = bytes;
    }

    public ScalarType scalarType() {
        return scalarType;
    }

    public int bytes() {
        return bytes;
    }

    public static DType of(ScalarType type) {
        return Arrays.stream(values()).filter(d -> d.scalarType.value == type.value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tensor type " + type + " cannot be stored in safetensors"));
    }
}
