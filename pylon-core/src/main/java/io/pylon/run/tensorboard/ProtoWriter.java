package io.pylon.run.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf wire-format encodings TensorBoard's messages need (varint, 64-bit, 32-bit and
 * length-delimited fields), so core needs no protobuf library. Fields are written in call order.
 */
final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    ProtoWriter fixedDouble(int field, double value) {
        tag(field, FIXED64);
        rawLittleEndian(Double.doubleToRawLongBits(value), 8);
        return this;
    }

    ProtoWriter fixedFloat(int field, float value) {
        tag(field, FIXED32);
        rawLittleEndian(Float.floatToRawIntBits(value), 4);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter nested) {
        return bytes(field, nested.toByteArray());
    }

    /** A packed repeated double field (proto3's default encoding for repeated scalars). */
    ProtoWriter packedDoubles(int field, double[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (double v : values) {
            packed.rawLittleEndian(Double.doubleToRawLongBits(v), 8);
        }
        return bytes(field, packed.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawLittleEndian(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
