package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.testing.TestComponents;

class NiftiWriterTest {

    @TempDir
    Path dir;

    /** [1, 4, 5, 6] int16 with value 100 z + 10 y + x - 300. */
    private static NdArray ramp() {
        short[] v = new short[4 * 5 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (100 * (i / 30) + 10 * (i / 6 % 5) + i % 6 - 300);
        }
        return NdArray.of(v, DType.INT16, 1, 4, 5, 6);
    }

    /** 90 degrees about z, voxel sizes (x, y, z) = (0.5, 2, 3), offset (-10, 20, 5). */
    private static Affine rotated() {
        return Affine.of(new double[][] {{0, -2, 0, -10}, {0.5, 0, 0, 20}, {0, 0, 3, 5}});
    }

    @Test
    void roundTripKeepsDataSpacingAndAffineRawAndGzip() throws IOException {
        NiftiVolume volume = new NiftiVolume(ramp(), List.of(3.0, 2.0, 0.5), rotated());
        for (String name : List.of("v.nii", "v.nii.gz")) {
            Path file = dir.resolve(name);
            NiftiWriter.write(file, volume);

            NiftiVolume read = NiftiReader.read(file);

            assertThat(read.data().contentEquals(volume.data())).as(name).isTrue();
            assertThat(read.spacing()).containsExactly(3.0, 2.0, 0.5);
            assertThat(read.affine().approximatelyEquals(rotated(), 1e-5)).as(name).isTrue();
        }
        assertThat(Files.size(dir.resolve("v.nii"))).isEqualTo(352 + 2 * 120);
        assertThat(Files.readAllBytes(dir.resolve("v.nii.gz"))[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void qformWrittenBesideSformDescribesTheSameGeometry() throws IOException {
        Affine flippedZ = Affine.of(new double[][] {{0, -2, 0, -10}, {0.5, 0, 0, 20}, {0, 0, -3, 5}});
        Path file = dir.resolve("q.nii");
        NiftiWriter.write(file, new NiftiVolume(ramp(), List.of(3.0, 2.0, 0.5), flippedZ));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(254);
            raf.write(new byte[] {0, 0}); // sform_code = 0: the reader must fall back to the qform
        }

        NiftiHeader header = NiftiReader.header(file, 0);

        assertThat(header.qformCode()).isEqualTo(1);
        assertThat(header.qform().qfac()).isEqualTo(-1);
        assertThat(header.affine().approximatelyEquals(flippedZ, 1e-5)).isTrue();
    }

    @Test
    void shearedAffineIsWrittenAsSformOnly() throws IOException {
        Affine sheared = Affine.of(new double[][] {{1, 0.5, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
        Path file = dir.resolve("s.nii");
        NiftiWriter.write(file, new NiftiVolume(ramp(), List.of(1.0, 1.0, 1.0), sheared));

        NiftiHeader header = NiftiReader.header(file, 0);

        assertThat(header.qformCode()).isZero();
        assertThat(header.sformCode()).isEqualTo(1);
        assertThat(header.affine().approximatelyEquals(sheared, 1e-6)).isTrue();
    }

    @Test
    void fourDimensionalFloatVolumeKeepsTimeAsChannels() throws IOException {
        float[] v = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25f - 7;
        }
        NdArray data = NdArray.of(v, 2, 3, 4, 5);
        Path file = dir.resolve("t.nii.gz");
        NiftiWriter.write(file, NiftiVolume.withSpacing(data, List.of(1.0, 1.0, 1.0)));

        NiftiVolume read = NiftiReader.read(file);

        assertThat(read.data().shape()).containsExactly(2, 3, 4, 5);
        assertThat(read.data().toFloats()).containsExactly(v);
    }

    @Test
    void niftiFormatPairsLabelsAndExposesSpacingPerSample() throws IOException {
        Files.createDirectories(dir.resolve("img"));
        Files.createDirectories(dir.resolve("lab"));
        byte[] labels = new byte[120];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % 5 == 0 ? 2 : 0);
        }
        for (int s = 0; s < 2; s++) {
            double dz = 1.0 + s;
            NiftiWriter.write(dir.resolve("img/case" + s + ".nii.gz"),
                    NiftiVolume.withSpacing(ramp(), List.of(dz, 0.75, 0.75)));
            NiftiWriter.write(dir.resolve("lab/case" + s + ".nii.gz"),
                    NiftiVolume.withSpacing(NdArray.of(labels, DType.UINT8, 1, 4, 5, 6), List.of(dz, 0.75, 0.75)));
        }
        String yaml = "images: ['" + dir + "/img/*.nii.gz']\nlabels: ['" + dir + "/lab/*.nii.gz']\n";

        try (NiftiDataset dataset = (NiftiDataset) TestComponents.format("nifti",
                YamlReader.readDocument(yaml, "t.yaml"), "data")) {
            Sample sample = dataset.get(1);

            assertThat(dataset.size()).isEqualTo(2);
            assertThat(sample.input().contentEquals(ramp())).isTrue();
            assertThat(sample.target().shape()).containsExactly(4, 5, 6);
            assertThat(sample.target().toLongs()[10]).isEqualTo(2);
            assertThat(sample.target().toLongs()[11]).isZero();
            assertThat(dataset.spacing(0)).containsExactly(1.0, 0.75, 0.75);
            assertThat(dataset.spacing(1)).containsExactly(2.0, 0.75, 0.75);
            assertThat(dataset.affine(1).get(2, 2)).isEqualTo(2.0);
        }
    }

    @Test
    void labelVolumeOfAnotherShapeNamesTheLabelFileAndSample() throws IOException {
        NiftiWriter.write(dir.resolve("a.nii"), NiftiVolume.withSpacing(ramp(), List.of(1.0, 1.0, 1.0)));
        NiftiWriter.write(dir.resolve("a-lab.nii"), NiftiVolume.withSpacing(
                NdArray.zeros(DType.UINT8, 1, 4, 5, 5), List.of(1.0, 1.0, 1.0)));
        NiftiDataset dataset = new NiftiDataset(new NiftiParams(List.of(dir.resolve("a.nii").toString()),
                List.of(dir.resolve("a-lab.nii").toString())));

        assertThatThrownBy(() -> dataset.get(0))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(dir.resolve("a-lab.nii") + " (sample 0): label map shape [4, 5, 5]");
    }
}
