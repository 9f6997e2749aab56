package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;

class NiftiReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void bigEndianFileIsDetectedFromSizeofHdrAndReadInXFastestOrder() throws IOException {
        // x = 3, y = 2, z = 2; file value at (i, j, k) = 100 k + 10 j + i - 50 (negative values too)
        short[] voxels = new short[12];
        for (int n = 0; n < 12; n++) {
            voxels[n] = (short) (100 * (n / 6) + 10 * (n / 3 % 2) + n % 3 - 50);
        }
        byte[] bytes = new NiftiBytes(ByteOrder.BIG_ENDIAN, 4, 16, 3, 2, 2).pixdim(1, 1.5, 2, 2.5)
                .withVoxels(NiftiBytes.shorts(ByteOrder.BIG_ENDIAN, voxels));

        NiftiVolume volume = NiftiReader.read(file("be.nii", bytes));

        assertThat(volume.data().dtype()).isEqualTo(DType.INT16);
        assertThat(volume.data().shape()).containsExactly(1, 2, 2, 3);
        // element [0, k, j, i] = voxel (i, j, k)
        assertThat(volume.data().get((1 * 2 + 0) * 3 + 2)).isEqualTo(100 + 2 - 50);
        assertThat(volume.data().get((0 * 2 + 1) * 3 + 1)).isEqualTo(10 + 1 - 50);
        assertThat(volume.spacing()).containsExactly(2.5, 2.0, 1.5);
        assertThat(volume.affine()).isEqualTo(Affine.scaling(1.5, 2, 2.5));
    }

    @Test
    void sclSlopeAndInterRescaleToFloat32ButOneAndZeroDoNot() throws IOException {
        byte[] voxels = {0, 1, 2, (byte) 200};
        Path scaled = file("s.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 1, 1).scaling(0.5, -3)
                .withVoxels(voxels));
        Path plain = file("p.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 4, 1, 1).scaling(1, 0)
                .withVoxels(voxels));

        assertThat(NiftiReader.read(scaled).data().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(NiftiReader.read(scaled).data().toFloats()).containsExactly(-3f, -2.5f, -2f, 97f);
        assertThat(NiftiReader.read(plain).data().dtype()).isEqualTo(DType.UINT8);
        assertThat(NiftiReader.read(plain).data().toFloats()).containsExactly(0f, 1f, 2f, 200f);
    }

    @Test
    void identityQuaternionGivesPixdimScalingPlusOffset() {
        Affine affine = new Qform(0, 0, 0, 1).toAffine(2, 3, 4, 10, 20, 30);

        assertThat(affine.approximatelyEquals(Affine.of(new double[][] {
            {2, 0, 0, 10}, {0, 3, 0, 20}, {0, 0, 4, 30}}), 1e-12)).isTrue();
        Affine flipped = new Qform(0, 0, 0, -1).toAffine(2, 3, 4, 10, 20, 30);
        assertThat(flipped.apply(0, 0, 1)).containsExactly(10, 20, 26);
    }

    @Test
    void ninetyDegreeQuaternionRotatesXOntoY() {
        // rotation by 90 degrees about z: (a, b, c, d) = (cos 45, 0, 0, sin 45)
        double s = Math.sqrt(0.5);
        Affine affine = new Qform(0, 0, s, 1).toAffine(2, 3, 4, 1, 1, 1);

        // voxel (1, 0, 0) moves dx = 2 along +y; voxel (0, 1, 0) moves dy = 3 along -x
        double[] i = affine.apply(1, 0, 0);
        double[] j = affine.apply(0, 1, 0);
        assertThat(i[0]).isCloseTo(1, within(1e-9));
        assertThat(i[1]).isCloseTo(3, within(1e-9));
        assertThat(j[0]).isCloseTo(-2, within(1e-9));
        assertThat(j[1]).isCloseTo(1, within(1e-9));
        assertThat(affine.apply(0, 0, 1)[2]).isCloseTo(5, within(1e-9));
        // and back: the quaternion recovered from the affine is the same rotation
        Qform back = Qform.fromAffine(affine, 2, 3, 4).orElseThrow();
        assertThat(back.d()).isCloseTo(s, within(1e-9));
        assertThat(back.b()).isCloseTo(0, within(1e-9));
        assertThat(back.qfac()).isEqualTo(1);
    }

    @Test
    void sformWinsOverQformWhichWinsOverPixdim() throws IOException {
        double[][] sform = {{-1, 0, 0, 90}, {0, 1, 0, -126}, {0, 0, 1, -72}};
        NiftiBytes both = new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 2, 2, 2).pixdim(1, 1, 1, 1)
                .qform(1, 0, 0, 0, 5, 6, 7).sform(2, sform);
        NiftiBytes qOnly = new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 2, 2, 2).pixdim(1, 1, 1, 1)
                .qform(1, 0, 0, 0, 5, 6, 7).sform(0, sform);

        assertThat(NiftiReader.read(file("b.nii", both.withVoxels(new byte[8]))).affine())
                .isEqualTo(Affine.of(sform));
        assertThat(NiftiReader.read(file("q.nii", qOnly.withVoxels(new byte[8]))).affine().apply(0, 0, 0))
                .containsExactly(5, 6, 7);
    }

    @Test
    void truncatedFilesNameTheFileAndSayTruncated() throws IOException {
        byte[] whole = new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 16, 32, 4, 4, 4).withVoxels(new byte[4 * 64]);
        Path cut = file("cut.nii", Arrays.copyOf(whole, whole.length - 10));
        Path headerOnly = file("short.nii", Arrays.copyOf(whole, 200));
        Path gz = dir.resolve("cut.nii.gz");
        NiftiWriter.write(gz, NiftiReader.read(file("whole.nii", whole)));
        byte[] gzBytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(gzBytes, gzBytes.length - 20));

        assertThatThrownBy(() -> NiftiReader.read(cut, 7))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(cut + " (sample 7): holds 246 bytes of voxels")
                .hasMessageContaining("need 256: the file is truncated");
        assertThatThrownBy(() -> NiftiReader.read(headerOnly))
                .hasMessageStartingWith(headerOnly + ": only 200 bytes");
        assertThatThrownBy(() -> NiftiReader.read(gz))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(gz.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void corruptHeadersSayWhatIsWrong() throws IOException {
        Path notNifti = file("x.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 1).putInt(0, 1234)
                .withVoxels(new byte[1]));
        Path complex = file("c.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 32, 64, 1).withVoxels(new byte[8]));
        Path bitpix = file("b.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 4, 8, 1).withVoxels(new byte[2]));
        Path pair = file("p.nii", new NiftiBytes(ByteOrder.LITTLE_ENDIAN, 2, 8, 1).putShort(345, 'i' | ('1' << 8))
                .withVoxels(new byte[1]));

        assertThatThrownBy(() -> NiftiReader.read(notNifti)).hasMessageContaining("sizeof_hdr is 1234");
        assertThatThrownBy(() -> NiftiReader.read(complex)).hasMessageContaining("datatype 32 (complex64)");
        assertThatThrownBy(() -> NiftiReader.read(bitpix)).hasMessageContaining("bitpix is 8 but datatype 4");
        assertThatThrownBy(() -> NiftiReader.read(pair)).hasMessageContaining(".hdr/.img pair");
        assertThatThrownBy(() -> NiftiReader.read(dir.resolve("gone.nii"), 2))
                .hasMessageStartingWith(dir.resolve("gone.nii") + " (sample 2): no such NIfTI file");
    }
}
