package io.pylon.data.array;

import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * Element types of {@link NdArray}s: the types the supported file formats store. Values are held in the
 * platform's byte order; readers of big-endian formats convert when they read.
 */
public enum DType {
    BOOL(1),
    UINT8(1),
    INT8(1),
    UINT16(2),
    INT16(2),
    INT32(4),
    INT64(8),
    FLOAT32(4),
    FLOAT64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * The Java layout of one element in native byte order (unaligned: mapped files and packed records need
     * not be aligned); {@code withOrder} gives a file's byte order.
     */
    public ValueLayout layout() {
        return switch (this) {
            case BOOL, UINT8, INT8 -> ValueLayout.JAVA_BYTE;
            case UINT16, INT16 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case INT32 -> ValueLayout.JAVA_INT_UNALIGNED;
            case INT64 -> ValueLayout.JAVA_LONG_UNALIGNED;
            case FLOAT32 -> ValueLayout.JAVA_FLOAT_UNALIGNED;
            case FLOAT64 -> ValueLayout.JAVA_DOUBLE_UNALIGNED;
        };
    }

    /** Parses a config spelling such as {@code float32} or {@code uint8} (case-insensitive). */
    public static DType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dtype '" + name + "'; use one of "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }

    /** The config spelling, e.g. {@code float32}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
