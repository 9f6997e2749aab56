package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.testing.TestComponents;

class ImageFolderTest {

    @TempDir
    Path root;

    /** A 3x2 (w x h) RGB image whose pixel (x, y) is (10 + x + 3y, 100 + 20x, 250 - 50y). */
    private static BufferedImage rgb() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, (10 + x + 3 * y) << 16 | (100 + 20 * x) << 8 | (250 - 50 * y));
            }
        }
        return image;
    }

    private Path write(BufferedImage image, String format, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    private static ImageFolder open(Path path, boolean grayscale, boolean scale) {
        return ImageFolder.open(new ImageFolderParams(path, grayscale, scale));
    }

    @Test
    void classesAreSortedSubFoldersAndSamplesAreOrderedByClassThenPath() throws IOException {
        write(rgb(), "png", "zebra/b.png");
        write(rgb(), "png", "zebra/a.PNG");
        write(rgb(), "jpg", "ant/nested/x.jpeg");
        write(rgb(), "jpg", "ant/c.jpg");
        Files.writeString(root.resolve("ant/notes.txt"), "ignored");
        Files.writeString(root.resolve("ant/.hidden.png"), "ignored");
        Files.createDirectories(root.resolve("empty"));

        try (ImageFolder folder = open(root, false, true)) {
            assertThat(folder.classNames()).containsExactly("ant", "empty", "zebra");
            assertThat(folder.size()).isEqualTo(4);
            assertThat(root.relativize(folder.file(0))).hasToString("ant/c.jpg");
            assertThat(root.relativize(folder.file(1))).hasToString("ant/nested/x.jpeg");
            assertThat(root.relativize(folder.file(2))).hasToString("zebra/a.PNG");
            assertThat(folder.get(0).target().getLong(0)).isZero();
            assertThat(folder.get(3).target().getLong(0)).isEqualTo(2);
            assertThat(folder.get(3).index()).isEqualTo(3);
        }
    }

    @Test
    void pngPixelsAreExactInChannelFirstLayout() throws IOException {
        write(rgb(), "png", "c/img.png");

        NdArray scaled = open(root, false, true).get(0).input();
        NdArray raw = open(root, false, false).get(0).input();

        assertThat(scaled.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(scaled.shape()).containsExactly(3, 2, 3);
        assertThat(raw.dtype()).isEqualTo(DType.UINT8);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int[] expected = {10 + x + 3 * y, 100 + 20 * x, 250 - 50 * y};
                for (int c = 0; c < 3; c++) {
                    int at = c * 6 + y * 3 + x;
                    assertThat(raw.get(at)).isEqualTo(expected[c]);
                    assertThat(scaled.get(at)).isCloseTo(expected[c] / 255.0, within(1e-6));
                }
            }
        }
    }

    @Test
    void grayscaleGivesOneLumaChannelAndGreyImagesKeepTheirValues() throws IOException {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 2, 2, new int[] {0, 17, 128, 255});
        write(rgb(), "png", "a/colour.png");
        write(grey, "png", "b/grey.png");

        ImageFolder gray = open(root, true, false);
        NdArray colourAsGray = gray.get(0).input();
        NdArray greyAsGray = gray.get(1).input();
        NdArray greyAsRgb = open(root, false, false).get(1).input();

        assertThat(colourAsGray.shape()).containsExactly(1, 2, 3);
        // pixel (0, 0) = (10, 100, 250): 0.299 * 10 + 0.587 * 100 + 0.114 * 250 = 90.19
        assertThat(colourAsGray.get(0)).isEqualTo(90);
        assertThat(greyAsGray.toLongs()).containsExactly(0, 17, 128, 255);
        assertThat(greyAsRgb.shape()).containsExactly(3, 2, 2);
        assertThat(greyAsRgb.toLongs()).containsExactly(0, 17, 128, 255, 0, 17, 128, 255, 0, 17, 128, 255);
    }

    @Test
    void jpegPixelsAreCloseToTheOriginal() throws IOException {
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                flat.setRGB(x, y, 200 << 16 | 120 << 8 | 40);
            }
        }
        write(flat, "jpg", "c/flat.jpg");

        NdArray input = open(root, false, true).get(0).input();

        assertThat(input.shape()).containsExactly(3, 16, 16);
        float[] values = input.toFloats();
        for (int i = 0; i < 256; i++) {
            assertThat(values[i]).isCloseTo(200 / 255f, within(6 / 255f));
            assertThat(values[256 + i]).isCloseTo(120 / 255f, within(6 / 255f));
            assertThat(values[512 + i]).isCloseTo(40 / 255f, within(6 / 255f));
        }
    }

    @Test
    void corruptAndTruncatedImagesNameTheFileAndSampleIndex() throws IOException {
        write(rgb(), "png", "a/good.png");
        Path junk = root.resolve("a/junk.png");
        Files.writeString(junk, "not an image");
        Path png = write(rgb(), "png", "b/cut.png");
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length - 30));
        BufferedImage big = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Path jpg = write(big, "jpg", "c/cut.jpg");
        byte[] jpeg = Files.readAllBytes(jpg);
        Files.write(jpg, Arrays.copyOf(jpeg, jpeg.length / 2));

        ImageFolder folder = open(root, false, true);

        assertThat(folder.get(0).input().dim(0)).isEqualTo(3);
        assertThatThrownBy(() -> folder.get(1)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(junk + " (sample 1): ").hasMessageContaining("not a PNG or JPEG");
        assertThatThrownBy(() -> folder.get(2)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(png + " (sample 2): ");
        assertThatThrownBy(() -> folder.get(3)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(jpg + " (sample 3): ").hasMessageContaining("truncated");
    }

    @Test
    void missingEmptyAndClasslessFoldersAreRejected() throws IOException {
        Path missing = root.resolve("missing");
        Path empty = Files.createDirectories(root.resolve("empty"));
        Path flat = Files.createDirectories(root.resolve("flat"));
        ImageIO.write(rgb(), "png", flat.resolve("a.png").toFile());
        Path noImages = Files.createDirectories(root.resolve("noimages/cat"));
        Files.writeString(noImages.resolve("readme.txt"), "x");

        assertThatThrownBy(() -> open(missing, false, true)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(missing.toString()).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> open(empty, false, true)).hasMessageStartingWith(empty.toString())
                .hasMessageContaining("no class sub-folders (it is empty)");
        assertThatThrownBy(() -> open(flat, false, true)).hasMessageContaining("holds 1 images directly");
        assertThatThrownBy(() -> open(noImages.getParent(), false, true))
                .hasMessageContaining("hold no .png, .jpg or .jpeg images");
    }

    @Test
    void fingerprintFollowsFilesAndOptions() throws IOException {
        Path file = write(rgb(), "png", "a/x.png");
        String first = open(root, false, true).fingerprint();

        assertThat(open(root, false, true).fingerprint()).isEqualTo(first);
        assertThat(open(root, true, true).fingerprint()).isNotEqualTo(first);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 5000));
        String touched = open(root, false, true).fingerprint();
        assertThat(touched).isNotEqualTo(first);
        write(rgb(), "png", "a/y.png");
        assertThat(open(root, false, true).fingerprint()).isNotEqualTo(touched);
    }

    @Test
    void openedByNameFromAConfigSection() throws IOException {
        write(rgb(), "png", "dog/1.png");
        var section = YamlReader.readDocument("path: " + root + "\ngrayscale: true\nscale: false\n", "t.yaml");

        try (Dataset dataset = TestComponents.format("image_folder", section, "data.train")) {
            Sample sample = dataset.get(0);
            assertThat(dataset.classNames()).containsExactly("dog");
            assertThat(sample.input().shape()).containsExactly(1, 2, 3);
            assertThat(sample.input().dtype()).isEqualTo(DType.UINT8);
        }
    }
}
