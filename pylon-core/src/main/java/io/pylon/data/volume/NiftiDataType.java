package io.pylon.data.volume;

import java.util.Optional;

import io.pylon.data.array.DType;

/**
 * The NIfTI-1 {@code datatype} codes this reader supports, with their {@code bitpix} and the Pylon type
 * the voxels are read as (uint32 widens to int64, which holds every value).
 */
enum NiftiDataType {
    UINT8(2, 8, DType.UINT8),
    INT16(4, 16, DType.INT16),
    INT32(8, 32, DType.INT32),
    FLOAT32(16, 32, DType.FLOAT32),
    FLOAT64(64, 64, DType.FLOAT64),
    INT8(256, 8, DType.INT8),
    UINT16(512, 16, DType.UINT16),
    UINT32(768, 32, DType.INT64),
    INT64(1024, 64, DType.INT64);

    final int code;
    final int bitpix;
    final DType dtype;

    NiftiDataType(int code, int bitpix, DType dtype) {
        this.code = code;
        this.bitpix = bitpix;
        this.dtype = dtype;
    }

    static Optional<NiftiDataType> ofCode(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The code a Pylon array is written with (bool as uint8). */
    static NiftiDataType forWriting(DType type) {
        return switch (type) {
            case BOOL, UINT8 -> UINT8;
            case INT8 -> INT8;
            case INT16 -> INT16;
            case UINT16 -> UINT16;
            case INT32 -> INT32;
            case INT64 -> INT64;
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
        };
    }

    /** Names of the codes NIfTI defines but this reader does not, for error messages. */
    static String describeUnsupported(int code) {
        return switch (code) {
            case 0 -> "0 (unknown)";
            case 1 -> "1 (binary)";
            case 32 -> "32 (complex64)";
            case 128 -> "128 (rgb24)";
            case 1280 -> "1280 (uint64)";
            case 1536 -> "1536 (float128)";
            case 1792 -> "1792 (complex128)";
            case 2048 -> "2048 (complex256)";
            case 2304 -> "2304 (rgba32)";
            default -> code + " (not a NIfTI-1 datatype code)";
        };
    }
}
