package io.pylon.data.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.pylon.data.DataException;

/**
 * The fields of a single-file NIfTI-1 header ({@code .nii}: 348 bytes, 4 extension-flag bytes, then the
 * voxels at {@code vox_offset}) that reading and writing volumes needs. The byte order is whichever makes
 * {@code sizeof_hdr} read 348.
 *
 * @param order byte order of the header and the voxels
 * @param dims {@code dim[1..dim[0]]}: sizes along x, y, z, t, ...
 * @param type voxel type
 * @param pixdim all 8 {@code pixdim} entries ({@code pixdim[0]} is qfac)
 * @param voxOffset byte offset of the first voxel
 * @param sclSlope {@code scl_slope} (0 = no scaling)
 * @param sclInter {@code scl_inter}
 * @param qformCode {@code qform_code} (0 = no qform)
 * @param sformCode {@code sform_code} (0 = no sform)
 * @param qform quaternion and qfac
 * @param qoffset {@code qoffset_x, qoffset_y, qoffset_z}
 * @param sform {@code srow_x, srow_y, srow_z} as an affine
 */
record NiftiHeader(ByteOrder order, List<Integer> dims, NiftiDataType type, List<Double> pixdim, long voxOffset,
        double sclSlope, double sclInter, int qformCode, int sformCode, Qform qform, List<Double> qoffset,
        Affine sform) {

    static final int SIZE = 348;
    /** Header plus the 4-byte extension flag: where a single-file NIfTI's voxels start at the earliest. */
    static final int DATA_START = 352;
    private static final int NIFTI2_SIZE = 540;
    private static final int XYZT_MM_SEC = 2 | 8;

    NiftiHeader {
        dims = List.copyOf(dims);
        pixdim = List.copyOf(pixdim);
        qoffset = List.copyOf(qoffset);
    }

    /**
     * Parses and validates the first {@link #SIZE} bytes of {@code bytes}.
     *
     * @param source the file, for errors
     */
    static NiftiHeader parse(byte[] bytes, String source, long sampleIndex) {
        if (bytes.length < SIZE) {
            throw new DataException(source, sampleIndex, "only " + bytes.length + " bytes, a NIfTI-1 header needs "
                    + SIZE + ": the file is truncated or not NIfTI");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != SIZE) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int sizeofHdr = b.getInt(0);
        if (sizeofHdr != SIZE) {
            boolean nifti2 = sizeofHdr == NIFTI2_SIZE
                    || Integer.reverseBytes(sizeofHdr) == NIFTI2_SIZE;
            throw new DataException(source, sampleIndex, nifti2
                    ? "a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 is supported: convert it (e.g. with nibabel)"
                    : "sizeof_hdr is " + b.order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                            + ", not 348 in either byte order: not a NIfTI-1 file");
        }
        String magic = new String(bytes, 344, 4, StandardCharsets.US_ASCII);
        if (magic.equals("ni1\0")) {
            throw new DataException(source, sampleIndex, "the header of a .hdr/.img pair (magic 'ni1'); only"
                    + " single-file .nii(.gz) is supported: merge the pair into one .nii");
        }
        if (!magic.equals("n+1\0")) {
            throw new DataException(source, sampleIndex, "magic is '" + printable(magic) + "', not 'n+1': an"
                    + " Analyze 7.5 or damaged header; convert it to NIfTI-1");
        }
        int rank = b.getShort(40);
        if (rank < 1 || rank > 7) {
            throw new DataException(source, sampleIndex, "dim[0] is " + rank + ", must be 1..7: corrupt header");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i <= rank; i++) {
            int d = b.getShort(40 + 2 * i);
            if (d < 1) {
                throw new DataException(source, sampleIndex, "dim[" + i + "] is " + d + ", must be >= 1: corrupt"
                        + " header");
            }
            dims.add(d);
        }
        for (int i = 4; i < rank; i++) {
            if (dims.get(i) != 1) {
                throw new DataException(source, sampleIndex, "has " + rank + " dimensions " + dims + "; volumes of"
                        + " up to 4 dimensions (x, y, z, t) are supported");
            }
        }
        int code = b.getShort(70);
        NiftiDataType type = NiftiDataType.ofCode(code).orElseThrow(() -> new DataException(source, sampleIndex,
                "datatype " + NiftiDataType.describeUnsupported(code) + " is not supported; supported are uint8,"
                        + " int8, int16, uint16, int32, uint32, int64, float32, float64"));
        int bitpix = b.getShort(72);
        if (bitpix != type.bitpix) {
            throw new DataException(source, sampleIndex, "bitpix is " + bitpix + " but datatype " + code + " ("
                    + type.name().toLowerCase(Locale.ROOT) + ") has " + type.bitpix + " bits: corrupt header");
        }
        List<Double> pixdim = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pixdim.add((double) b.getFloat(76 + 4 * i));
        }
        float voxOffset = b.getFloat(108);
        if (!(voxOffset >= DATA_START) || voxOffset != Math.rint(voxOffset)) {
            throw new DataException(source, sampleIndex, "vox_offset is " + voxOffset + "; a single-file NIfTI"
                    + " needs a whole number >= " + DATA_START + ": corrupt header");
        }
        List<Double> qoffset = List.of((double) b.getFloat(268), (double) b.getFloat(272), (double) b.getFloat(276));
        double[][] rows = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        return new NiftiHeader(b.order(), dims, type, pixdim, (long) voxOffset, b.getFloat(112), b.getFloat(116),
                b.getShort(252), b.getShort(254),
                new Qform(b.getFloat(256), b.getFloat(260), b.getFloat(264), pixdim.get(0)), qoffset,
                Affine.of(rows));
    }

    /** The array shape: {@code [t, z, y, x]} (missing sizes are 1), which is exactly the file's voxel order. */
    long[] arrayShape() {
        long[] shape = new long[4];
        for (int axis = 0; axis < 4; axis++) {
            shape[3 - axis] = axis < dims.size() ? dims.get(axis) : 1;
        }
        return shape;
    }

    long voxelCount() {
        return Arrays.stream(arrayShape()).reduce(1, Math::multiplyExact);
    }

    /** Whether {@code scl_slope/scl_inter} change the values (slope not 0 or NaN, and not exactly 1/0). */
    boolean scaled() {
        return sclSlope != 0 && !Double.isNaN(sclSlope) && !(sclSlope == 1 && sclInter == 0);
    }

    /** Voxel sizes in array axis order {@code [z, y, x]} = {@code pixdim[3], pixdim[2], pixdim[1]}. */
    List<Double> spacing() {
        return List.of(size(3), size(2), size(1));
    }

    /** The sform when {@code sform_code > 0}, else the qform when {@code qform_code > 0}, else pixdim scaling. */
    Affine affine() {
        if (sformCode > 0) {
            return sform;
        }
        if (qformCode > 0) {
            return qform.toAffine(size(1), size(2), size(3), qoffset.get(0), qoffset.get(1), qoffset.get(2));
        }
        return Affine.scaling(size(1), size(2), size(3));
    }

    /** A voxel size: {@code |pixdim[axis]|}, where 0 or NaN (common on 2-d files' third axis) reads as 1. */
    private double size(int axis) {
        double v = Math.abs(pixdim.get(axis));
        return v > 0 ? v : 1.0;
    }

    /** The header and a zero extension flag: {@link #DATA_START} bytes. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(DATA_START).order(order);
        b.putInt(0, SIZE);
        b.put(38, (byte) 'r');
        b.putShort(40, (short) dims.size());
        for (int i = 0; i < 7; i++) {
            b.putShort(42 + 2 * i, (short) (i < dims.size() ? dims.get(i) : 1));
        }
        b.putShort(70, (short) type.code);
        b.putShort(72, (short) type.bitpix);
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim.get(i).floatValue());
        }
        b.putFloat(108, voxOffset);
        b.putFloat(112, (float) sclSlope);
        b.putFloat(116, (float) sclInter);
        b.put(123, (byte) XYZT_MM_SEC);
        b.putShort(252, (short) qformCode);
        b.putShort(254, (short) sformCode);
        b.putFloat(256, (float) qform.b());
        b.putFloat(260, (float) qform.c());
        b.putFloat(264, (float) qform.d());
        for (int i = 0; i < 3; i++) {
            b.putFloat(268 + 4 * i, qoffset.get(i).floatValue());
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * i + 4 * c, (float) sform.get(i, c));
            }
        }
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
        return b.array();
    }

    private static String printable(String magic) {
        StringBuilder out = new StringBuilder();
        for (char ch : magic.toCharArray()) {
            out.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("\\x%02x", (int) ch));
        }
        return out.toString();
    }
}
