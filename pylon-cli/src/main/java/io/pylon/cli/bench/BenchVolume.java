package io.pylon.cli.bench;

import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.format.Npy;

/**
 * The 3D benchmark's data: a {@code side^3} float32 volume with a uint8 label map, as two .npy files that
 * both Pylon (memory-mapped) and the NumPy peer read, and a dataset whose every sample is the whole volume,
 * left to the random crop to cut a patch from.
 */
final class BenchVolume {

    record VolumeFiles(Path image, Path labels) {
    }

    private BenchVolume() {
    }

    /** Writes the two files unless they exist with this size already. */
    static VolumeFiles write(Path dir, int side, long seed) {
        Path image = dir.resolve("volume-" + side + ".npy");
        Path labels = dir.resolve("labels-" + side + ".npy");
        if (!Files.exists(image) || !Files.exists(labels)) {
            int n = side * side * side;
            float[] values = new float[n];
            byte[] classes = new byte[n];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                values[i] = (float) random.nextGaussian();
                classes[i] = (byte) (values[i] > 0.5f ? 1 : 0);
            }
            Npy.write(image, NdArray.of(values, side, side, side));
            Npy.write(labels, NdArray.of(classes, DType.UINT8, side, side, side));
        }
        return new VolumeFiles(image, labels);
    }

    /** {@code count} samples, each the whole mapped volume {@code [1, D, H, W]} with its labels {@code [D, H, W]}. */
    static Dataset dataset(VolumeFiles files, long count) {
        Arena arena = Arena.ofShared();
        NdArray image = Npy.map(files.image(), arena);
        NdArray labels = Npy.map(files.labels(), arena);
        NdArray channelFirst = image.reshape(1, image.dim(0), image.dim(1), image.dim(2));
        return new Dataset() {
            @Override
            public long size() {
                return count;
            }

            @Override
            public Sample get(long index) {
                checkIndex(index);
                return Sample.segmented(index, channelFirst, labels);
            }

            @Override
            public void close() {
                arena.close();
            }
        };
    }
}
