package io.pylon.data.format;

import java.util.Optional;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The element types an IDX file may declare in the third byte of its magic number. The codes and
 * sizes are those of the format's original description (LeCun et al., MNIST page); every multi-byte
 * type is stored big-endian in the file.
 */
public enum IdxType {
    UBYTE(0x08, 1, ScalarType.Byte),
    BYTE(0x09, 1, ScalarType.Char),
    SHORT(0x0B, 2, ScalarType.Short),
    INT(0x0C, 4, ScalarType.Int),
    FLOAT(0x0D, 4, ScalarType.Float),
    DOUBLE(0x0E, 8, ScalarType.Double);

    private final int code;
    private final int size;
    private final ScalarType scalarType;

    IdxType(int code, int size, ScalarType scalarType) {
        this.code = code;
        this.size = size;
        this.scalarType = scalarType;
    }

    /** The type byte of the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The libtorch type that holds these elements without conversion. */
    public ScalarType scalarType() {
        return scalarType;
    }

    public static Optional<IdxType> ofCode(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
