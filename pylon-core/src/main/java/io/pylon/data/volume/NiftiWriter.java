package io.pylon.data.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Writes a {@link NiftiVolume} as a single-file NIfTI-1 volume, little-endian, gzip-compressed when the
 * name ends in {@code .gz}. The voxel type is the array's (bool as uint8), without scaling; {@code pixdim}
 * is the spacing; the sform ({@code sform_code} 1, scanner) is the affine; the qform ({@code qform_code} 1)
 * holds the same transform when the affine is a rotation, possibly with a flipped third axis, times the
 * voxel sizes, and is left unset ({@code qform_code} 0) when it shears or its scale disagrees with the
 * spacing. A 1-channel volume is written 3-d, a multi-channel one 4-d with {@code t = C}.
 */
public final class NiftiWriter {

    private NiftiWriter() {
    }

    public static void write(Path file, NiftiVolume volume) throws IOException {
        NdArray data = volume.data();
        long[] shape = data.shape();
        for (long d : shape) {
            if (d > Short.MAX_VALUE) {
                throw new IllegalArgumentException("NIfTI-1 dimensions are at most 32767, got " + data);
            }
        }
        List<Integer> dims = new ArrayList<>(List.of((int) shape[3], (int) shape[2], (int) shape[1]));
        if (shape[0] > 1) {
            dims.add((int) shape[0]);
        }
        double dx = volume.spacing().get(2);
        double dy = volume.spacing().get(1);
        double dz = volume.spacing().get(0);
        Affine affine = volume.affine();
        Optional<Qform> qform = Qform.fromAffine(affine, dx, dy, dz);
        Qform q = qform.orElse(new Qform(0, 0, 0, 1));
        List<Double> pixdim = List.of(q.qfac(), dx, dy, dz, 1.0, 1.0, 1.0, 1.0);
        NiftiHeader header = new NiftiHeader(ByteOrder.LITTLE_ENDIAN, dims, NiftiDataType.forWriting(data.dtype()),
                pixdim, NiftiHeader.DATA_START, 0, 0, qform.isPresent() ? 1 : 0, 1, q,
                List.of(affine.get(0, 3), affine.get(1, 3), affine.get(2, 3)), affine);
        NdArray stored = switch (data.dtype()) {
            case BOOL -> new NdArray(data.data(), DType.UINT8, shape);
            default -> data;
        };
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            out.write(header.encode());
            out.write(VolumeArrays.encode(stored, ByteOrder.LITTLE_ENDIAN));
        }
    }
}
