package io.pylon.data;

import java.nio.file.Path;

import io.pylon.data.format.IdxFiles;

/** Writes a tiny, fake Fashion-MNIST with recognisable pixels and labels. */
final class FashionMnistFixture {

    static final int PIXELS = FashionMnist.SIDE * FashionMnist.SIDE;

    private FashionMnistFixture() {
    }

    static int pixel(int sample, int p) {
        return (sample * 31 + p) % 256;
    }

    static int label(int sample) {
        return (sample * 3) % FashionMnist.CLASSES;
    }

    static byte[] images(int n) {
        byte[] data = new byte[n * PIXELS];
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < PIXELS; p++) {
                data[s * PIXELS + p] = (byte) pixel(s, p);
            }
        }
        return data;
    }

    static byte[] labels(int n) {
        byte[] data = new byte[n];
        for (int s = 0; s < n; s++) {
            data[s] = (byte) label(s);
        }
        return data;
    }

    static Path writeImages(Path file, int n, boolean gzip) {
        return IdxFiles.writeUbyte(file, new int[] {n, FashionMnist.SIDE, FashionMnist.SIDE}, images(n), gzip);
    }

    static Path writeLabels(Path file, int n, boolean gzip) {
        return IdxFiles.writeUbyte(file, new int[] {n}, labels(n), gzip);
    }

    /** The four files under {@code dir}: gzipped with the .gz names, or raw with the plain names. */
    static Path write(Path dir, int train, int test, boolean gzip) {
        String suffix = gzip ? ".gz" : "";
        writeImages(dir.resolve("train-images-idx3-ubyte" + suffix), train, gzip);
        writeLabels(dir.resolve("train-labels-idx1-ubyte" + suffix), train, gzip);
        writeImages(dir.resolve("t10k-images-idx3-ubyte" + suffix), test, gzip);
        writeLabels(dir.resolve("t10k-labels-idx1-ubyte" + suffix), test, gzip);
        return dir;
    }
}
