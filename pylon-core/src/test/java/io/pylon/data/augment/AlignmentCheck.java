package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon.data.Sample;

/** Checks that a warped {@code image = 10 * label} sample still has image ≈ 10 × label inside regions. */
final class AlignmentCheck {

    private AlignmentCheck() {
    }

    /**
     * At every point whose target neighbourhood of radius {@code r} (a cube, clipped to nothing at borders)
     * holds one label, the image must be 10 × that label; at least a twentieth of the points must be checked.
     */
    static void assertAligned(Sample sample, int r) {
        long[] shape = sample.target().shape();
        int d = shape.length == 3 ? (int) shape[0] : 1;
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        long[] labels = sample.target().toLongs();
        float[] image = sample.input().toFloats();
        int checked = 0;
        int rz = d == 1 ? 0 : r;
        for (int z = rz; z < d - rz; z++) {
            for (int y = r; y < h - r; y++) {
                for (int x = r; x < w - r; x++) {
                    int i = (z * h + y) * w + x;
                    if (uniform(labels, d, h, w, z, y, x, rz, r)) {
                        assertThat(image[i]).as("image at %d,%d,%d", z, y, x)
                                .isCloseTo(10f * labels[i], within(1e-3f));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(labels.length / 20);
    }

    private static boolean uniform(long[] labels, int d, int h, int w, int z, int y, int x, int rz, int r) {
        long label = labels[(z * h + y) * w + x];
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    if (labels[((z + dz) * h + y + dy) * w + x + dx] != label) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
