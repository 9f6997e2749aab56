package io.pylon.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import io.pylon.PylonUserException;
import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.format.Npy;
import io.pylon.data.volume.Affine;
import io.pylon.data.volume.NiftiReader;
import io.pylon.data.volume.NiftiVolume;
import io.pylon.data.volume.NiftiWriter;
import io.pylon.data.volume.TiffStacks;

/**
 * One case read for prediction: a channel-first array {@code [C, *S]} from one file per channel group (several
 * files, e.g. T1, T2 and FLAIR, are stacked as channels in the order given), with the geometry of the first
 * file (NIfTI spacing and affine; unit spacing for the others), which predictions are written back with.
 */
public record CaseVolume(List<Path> files, NdArray data, List<Double> spacing, Affine affine) {

    public CaseVolume {
        files = List.copyOf(files);
        spacing = List.copyOf(spacing);
    }

    public Path file() {
        return files.getFirst();
    }

    /** Reads and stacks {@code files}; their spatial shapes must agree. */
    public static CaseVolume read(List<Path> files) {
        NdArray first = null;
        List<Double> spacing = null;
        Affine affine = null;
        float[][] parts = new float[files.size()][];
        long channels = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            NdArray data;
            switch (CaseFormat.of(file)) {
                case NIFTI -> {
                    NiftiVolume volume = NiftiReader.read(file);
                    data = volume.data();
                    if (i == 0) {
                        spacing = volume.spacing();
                        affine = volume.affine();
                    } else if (!volume.affine().approximatelyEquals(affine, 1e-4)) {
                        throw new DataException(file.toString(), DataException.NO_SAMPLE, "its affine "
                                + volume.affine() + " differs from that of " + files.getFirst() + " (" + affine
                                + "); channels of one case must share the voxel grid, resample them first");
                    }
                }
                case NPY -> data = Npy.read(file);
                case TIFF -> data = TiffStacks.read(file, DataException.NO_SAMPLE);
                default -> throw new IllegalStateException();
            }
            if (data.rank() < 2) {
                throw new DataException(file.toString(), DataException.NO_SAMPLE, "holds an array of shape "
                        + Arrays.toString(data.shape()) + "; a case is channel-first [C, H, W] or [C, D, H, W]");
            }
            if (first != null && !Arrays.equals(spatial(first), spatial(data))) {
                throw new DataException(file.toString(), DataException.NO_SAMPLE, "has spatial shape "
                        + Arrays.toString(spatial(data)) + " but " + files.getFirst() + " has "
                        + Arrays.toString(spatial(first)) + "; the channel files of one case must have the same grid");
            }
            if (first == null) {
                first = data;
            }
            parts[i] = data.toFloats();
            channels += data.dim(0);
        }
        long[] shape = first.shape();
        if (spacing == null) {
            spacing = java.util.Collections.nCopies(shape.length - 1, 1.0);
            affine = Affine.identity();
        }
        if (files.size() == 1) {
            return new CaseVolume(files, first.dtype() == DType.FLOAT32 ? first : NdArray.of(parts[0], shape),
                    spacing, affine);
        }
        int size = 0;
        for (float[] p : parts) {
            size += p.length;
        }
        float[] all = new float[size];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        shape[0] = channels;
        return new CaseVolume(files, NdArray.of(all, shape), spacing, affine);
    }

    /** Writes {@code data} ({@code [C, *S]}) in {@code format} with this case's geometry; temporary name + rename. */
    public void write(Path target, CaseFormat format, NdArray data) {
        Path temporary = target.resolveSibling(".partial-" + target.getFileName());
        try {
            switch (format) {
                case NIFTI -> {
                    if (data.rank() != 4) {
                        throw new PylonUserException("cannot write " + target + ": NIfTI outputs are 3D volumes,"
                                + " the prediction has shape " + Arrays.toString(data.shape())
                                + "; use inference.format=npy");
                    }
                    NiftiWriter.write(temporary, new NiftiVolume(data, spacing, affine));
                }
                case NPY -> Npy.write(temporary, data);
                case TIFF -> {
                    if (data.dim(0) != 1 || data.rank() != 4) {
                        throw new PylonUserException("cannot write " + target + " as a TIFF stack: the prediction has"
                                + " shape " + Arrays.toString(data.shape()) + " and a TIFF stack holds one channel of"
                                + " [pages, H, W]; use inference.format=npy for probabilities");
                    }
                    TiffStacks.write(temporary, data.reshape(Arrays.copyOfRange(data.shape(), 1, 4)));
                }
                default -> throw new IllegalStateException();
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PylonUserException("cannot write " + target + " (" + e.getMessage() + "); check that the"
                    + " output folder is writable and has space", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the rename already succeeded, or the write failed and reported why
            }
        }
    }

    static long[] spatial(NdArray data) {
        return Arrays.copyOfRange(data.shape(), 1, data.rank());
    }
}
