package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

class TiffStacksTest {

    @TempDir
    Path dir;

    /** 5 pages of 7x9 uint16 covering the whole range, so a signed or 8-bit read would show. */
    private static NdArray uint16Stack() {
        short[] v = new short[5 * 7 * 9];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (i * 211 + 3);
        }
        v[0] = (short) 0xffff;
        return NdArray.of(v, DType.UINT16, 5, 7, 9);
    }

    @Test
    void sixteenBitFivePageStackReadsBackExactly() throws IOException {
        Path file = dir.resolve("stack.tif");
        NdArray stack = uint16Stack();
        TiffStacks.write(file, stack);

        NdArray read = TiffStacks.read(file, DataException.NO_SAMPLE);

        assertThat(read.dtype()).isEqualTo(DType.UINT16);
        assertThat(read.shape()).containsExactly(5, 7, 9);
        assertThat(read.contentEquals(stack)).isTrue();
        assertThat(read.get(0)).isEqualTo(65535);
        assertThat(read.get(2 * 63 + 4 * 9 + 5)).isEqualTo(stack.get(2 * 63 + 4 * 9 + 5));
    }

    @Test
    void uint8AndFloat32StacksReadBackExactly() throws IOException {
        byte[] bytes = new byte[3 * 4 * 5];
        float[] floats = new float[3 * 4 * 5];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
            floats[i] = (float) Math.sin(i) * 1000.25f;
        }
        NdArray u8 = NdArray.of(bytes, DType.UINT8, 3, 4, 5);
        NdArray f32 = NdArray.of(floats, 3, 4, 5);
        TiffStacks.write(dir.resolve("u8.tif"), u8);
        TiffStacks.write(dir.resolve("f32.tif"), f32);

        assertThat(TiffStacks.read(dir.resolve("u8.tif"), 0).contentEquals(u8)).isTrue();
        assertThat(TiffStacks.read(dir.resolve("f32.tif"), 0).toFloats()).containsExactly(floats);
    }

    @Test
    void rgbPagesAreRejectedSayingWhatWasFound() throws IOException {
        Path file = dir.resolve("rgb.tif");
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "tiff", file.toFile());

        assertThatThrownBy(() -> TiffStacks.read(file, 4))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("sample 4")
                .hasMessageContaining("3 sample(s) per pixel of 8-bit");
    }

    @Test
    void bilevelPagesAreRejected() throws IOException {
        Path file = dir.resolve("bits.tif");
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_BINARY), "tiff", file.toFile());

        assertThatThrownBy(() -> TiffStacks.read(file, 0))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("1-bit");
    }

    @Test
    void truncatedAndMissingFilesNameTheFile() throws IOException {
        Path file = dir.resolve("cut.tif");
        TiffStacks.write(file, uint16Stack());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 3));

        assertThatThrownBy(() -> TiffStacks.read(file, 2))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + " (sample 2): ");
        assertThatThrownBy(() -> TiffStacks.read(dir.resolve("absent.tif"), 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("absent.tif (sample 1): no such TIFF file");
    }

    @Test
    void tiffStackFormatPairsImagesWithLabelStacks() throws IOException {
        NdArray image = uint16Stack();
        byte[] labelBytes = new byte[5 * 7 * 9];
        for (int i = 0; i < labelBytes.length; i++) {
            labelBytes[i] = (byte) (i % 3);
        }
        Files.createDirectories(dir.resolve("img"));
        Files.createDirectories(dir.resolve("lab"));
        TiffStacks.write(dir.resolve("img/a.tif"), image);
        TiffStacks.write(dir.resolve("lab/a.tif"), NdArray.of(labelBytes, DType.UINT8, 5, 7, 9));
        String yaml = "images: ['" + dir.resolve("img") + "/*.tif']\nlabels: ['" + dir.resolve("lab/a.tif") + "']\n";

        try (Dataset dataset = TestComponents.format("tiff_stack", YamlReader.readDocument(yaml, "t.yaml"), "data")) {
            Sample sample = dataset.get(0);
            assertThat(dataset.size()).isEqualTo(1);
            assertThat(sample.input().shape()).containsExactly(1, 5, 7, 9);
            assertThat(sample.input().contentEquals(image.reshape(1, 5, 7, 9))).isTrue();
            assertThat(sample.denseTarget()).isTrue();
            assertThat(sample.target().dtype()).isEqualTo(DType.INT64);
            assertThat(sample.target().toLongs()[100]).isEqualTo(100 % 3);
        }
    }
}
