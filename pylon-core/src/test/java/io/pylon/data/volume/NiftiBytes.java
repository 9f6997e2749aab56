package io.pylon.data.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds NIfTI-1 files byte by byte at the offsets of the spec (nifti1.h), independently of
 * {@link NiftiHeader#encode}, so the reader is checked against the format rather than against itself.
 */
final class NiftiBytes {

    private final ByteBuffer header = ByteBuffer.allocate(352);

    NiftiBytes(ByteOrder order, int datatype, int bitpix, int... dims) {
        header.order(order);
        header.putInt(0, 348);
        header.putShort(40, (short) dims.length);
        for (int i = 0; i < 7; i++) {
            header.putShort(42 + 2 * i, (short) (i < dims.length ? dims[i] : 1));
        }
        header.putShort(70, (short) datatype);
        header.putShort(72, (short) bitpix);
        header.putFloat(108, 352);
        header.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        pixdim(1, 1, 1, 1);
    }

    NiftiBytes pixdim(double qfac, double dx, double dy, double dz) {
        header.putFloat(76, (float) qfac).putFloat(80, (float) dx).putFloat(84, (float) dy).putFloat(88, (float) dz);
        return this;
    }

    NiftiBytes scaling(double slope, double inter) {
        header.putFloat(112, (float) slope).putFloat(116, (float) inter);
        return this;
    }

    NiftiBytes qform(int code, double b, double c, double d, double qx, double qy, double qz) {
        header.putShort(252, (short) code);
        header.putFloat(256, (float) b).putFloat(260, (float) c).putFloat(264, (float) d);
        header.putFloat(268, (float) qx).putFloat(272, (float) qy).putFloat(276, (float) qz);
        return this;
    }

    NiftiBytes sform(int code, double[][] rows) {
        header.putShort(254, (short) code);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                header.putFloat(280 + 16 * r + 4 * c, (float) rows[r][c]);
            }
        }
        return this;
    }

    NiftiBytes putInt(int offset, int value) {
        header.putInt(offset, value);
        return this;
    }

    NiftiBytes putShort(int offset, int value) {
        header.putShort(offset, (short) value);
        return this;
    }

    /** The header followed by {@code voxels} (already in the header's byte order). */
    byte[] withVoxels(byte[] voxels) {
        byte[] out = new byte[352 + voxels.length];
        System.arraycopy(header.array(), 0, out, 0, 352);
        System.arraycopy(voxels, 0, out, 352, voxels.length);
        return out;
    }

    static byte[] shorts(ByteOrder order, short... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (short v : values) {
            b.putShort(v);
        }
        return b.array();
    }
}
