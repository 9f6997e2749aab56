package io.pylon.data.volume;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Reads single-file NIfTI-1 volumes, {@code .nii} or gzip-compressed {@code .nii.gz} (recognised by the
 * gzip magic bytes {@code 1f 8b}, not by the name), in either byte order, into a {@link NiftiVolume}:
 * see there for the layout, spacing and affine. Every inconsistency (wrong {@code sizeof_hdr}, unknown
 * datatype, bitpix mismatch, fewer voxel bytes than the dimensions need) is a {@link DataException}
 * naming the file.
 */
public final class NiftiReader {

    /** Largest file (after decompression) read into one array. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private NiftiReader() {
    }

    public static NiftiVolume read(Path file) {
        return read(file, DataException.NO_SAMPLE);
    }

    /** Reads {@code file}; {@code sampleIndex} is named in errors ({@link DataException#NO_SAMPLE} for none). */
    public static NiftiVolume read(Path file, long sampleIndex) {
        String source = file.toString();
        byte[] bytes = readBytes(file, sampleIndex, MAX_BYTES);
        NiftiHeader header = NiftiHeader.parse(bytes, source, sampleIndex);
        long[] shape = header.arrayShape();
        DType stored = header.type() == NiftiDataType.UINT32 ? DType.INT32 : header.type().dtype;
        long needed = header.voxelCount() * stored.bytes();
        if (header.voxOffset() + needed > bytes.length) {
            throw new DataException(source, sampleIndex, "holds " + Math.max(0, bytes.length - header.voxOffset())
                    + " bytes of voxels after vox_offset " + header.voxOffset() + " but dimensions "
                    + Arrays.toString(shape) + " of " + header.type().name().toLowerCase(Locale.ROOT) + " need "
                    + needed + ": the file is truncated; re-export or re-download it");
        }
        NdArray data = VolumeArrays.decode(bytes, header.voxOffset(), header.order(), stored, shape);
        if (header.type() == NiftiDataType.UINT32) {
            long[] wide = new long[Math.toIntExact(data.size())];
            for (int i = 0; i < wide.length; i++) {
                wide[i] = data.getLong(i) & 0xffffffffL;
            }
            data = NdArray.of(wide, shape);
        }
        if (header.scaled()) {
            data = rescale(data, header.sclSlope(), header.sclInter());
        }
        return new NiftiVolume(data, header.spacing(), header.affine());
    }

    /** Voxel sizes {@code [D, H, W]} of {@code file}, reading only its header. */
    public static List<Double> spacing(Path file, long sampleIndex) {
        return header(file, sampleIndex).spacing();
    }

    static NiftiHeader header(Path file, long sampleIndex) {
        return NiftiHeader.parse(readBytes(file, sampleIndex, NiftiHeader.SIZE), file.toString(), sampleIndex);
    }

    /** {@code value * slope + inter} as float32, computed in double. */
    private static NdArray rescale(NdArray raw, double slope, double inter) {
        float[] out = new float[Math.toIntExact(raw.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (raw.get(i) * slope + inter);
        }
        return NdArray.of(out, raw.shape());
    }

    /** Up to {@code limit} (decompressed) bytes of {@code file}. */
    private static byte[] readBytes(Path file, long sampleIndex, int limit) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(source, sampleIndex, "no such NIfTI file; check the path");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (Files.size(file) > MAX_BYTES) {
                throw new DataException(source, sampleIndex, Files.size(file) + " bytes: larger than one Java"
                        + " array holds (2 GiB); crop or split the volume");
            }
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip && limit >= Files.size(file)) {
                return Files.readAllBytes(file); // one copy, sized from the file
            }
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return in.readNBytes(limit);
        } catch (ZipException e) {
            throw new DataException(source, sampleIndex, "the gzip stream is corrupt (" + e.getMessage()
                    + "); re-export or re-download the file", e);
        } catch (EOFException e) {
            throw new DataException(source, sampleIndex, "the gzip stream ends early: the file is truncated;"
                    + " re-export or re-download it", e);
        } catch (IOException e) {
            throw new DataException(source, sampleIndex, "cannot be read (" + e + "); check its permissions", e);
        }
    }
}
