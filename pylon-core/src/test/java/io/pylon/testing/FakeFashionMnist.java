package io.pylon.testing;

import java.nio.file.Path;
import java.util.Random;

import io.pylon.data.format.IdxFiles;

/**
 * Writes the four Fashion-MNIST IDX files (gzipped, Debian's names) with small, learnable fake images:
 * class {@code c} lights a 6x6 patch at a class-specific position, over seeded noise.
 */
public final class FakeFashionMnist {

    private static final int SIDE = 28;

    private FakeFashionMnist() {
    }

    /** Writes {@code train} training and {@code test} test samples into {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, int train, int test, long seed) {
        writeSplit(dir, "train", train, new Random(seed));
        writeSplit(dir, "t10k", test, new Random(seed + 1));
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int n, Random random) {
        byte[] images = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int s = 0; s < n; s++) {
            int label = random.nextInt(10);
            labels[s] = (byte) label;
            int row = 2 + (label / 5) * 12;
            int col = 2 + (label % 5) * 5;
            for (int p = 0; p < SIDE * SIDE; p++) {
                int r = p / SIDE;
                int c = p % SIDE;
                boolean patch = r >= row && r < row + 6 && c >= col && c < col + 4;
                images[s * SIDE * SIDE + p] = (byte) (patch ? 200 + random.nextInt(56) : random.nextInt(60));
            }
        }
        IdxFiles.writeUbyte(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {n, SIDE, SIDE}, images, true);
        IdxFiles.writeUbyte(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {n}, labels, true);
    }
}
