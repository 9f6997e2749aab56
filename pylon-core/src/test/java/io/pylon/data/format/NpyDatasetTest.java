package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

class NpyDatasetTest {

    @TempDir
    Path dir;

    /** Four 1x2x2 images whose pixel values are 10 * sample + position. */
    private static NdArray images() {
        float[] values = new float[16];
        for (int i = 0; i < 16; i++) {
            values[i] = 10 * (i / 4) + i % 4;
        }
        return NdArray.of(values, 4, 1, 2, 2);
    }

    @Test
    void samplesAreMappedSlicesAlongTheFirstAxis() {
        Path x = dir.resolve("x.npy");
        Path y = dir.resolve("y.npy");
        Npy.write(x, images());
        Npy.write(y, NdArray.of(new byte[] {3, 0, 1, 2}, DType.UINT8, 4));

        try (NpyDataset data = NpyDataset.open(NpyParams.files(x, Optional.of(y), false))) {
            assertThat(data.size()).isEqualTo(4);
            Sample third = data.get(2);
            assertThat(third.input().shape()).containsExactly(1, 2, 2);
            assertThat(third.input().toFloats()).containsExactly(20, 21, 22, 23);
            assertThat(third.input().data().isMapped()).isTrue();
            assertThat(third.target().dtype()).as("integer class targets widen to int64").isEqualTo(DType.INT64);
            assertThat(third.target().shape()).isEmpty();
            assertThat(third.target().getLong(0)).isEqualTo(1);
            assertThat(data.get(0).target().getLong(0)).isEqualTo(3);
        }
    }

    @Test
    void npzKeysAndDenseTargetsOpenedByName() throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("images", images());
        arrays.put("masks", NdArray.of(new byte[] {0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1}, DType.UINT8,
                4, 2, 2));
        Path file = dir.resolve("seg.npz");
        Npz.write(file, arrays, true);
        var section = YamlReader.readDocument("path: " + file + "\ninputs_key: images\ntargets_key: masks\n"
                + "dense_targets: true\n", "t.yaml");

        try (Dataset data = TestComponents.format("npy", section, "data.train")) {
            Sample sample = data.get(3);
            assertThat(sample.denseTarget()).isTrue();
            assertThat(sample.target().dtype()).as("dense targets keep their type").isEqualTo(DType.UINT8);
            assertThat(sample.target().toLongs()).containsExactly(1, 0, 0, 1);
            assertThat(sample.input().toFloats()).containsExactly(30, 31, 32, 33);
        }
    }

    @Test
    void withoutTargetsTheTargetIsTheInput() {
        Path x = dir.resolve("x.npy");
        Npy.write(x, images());

        try (NpyDataset data = NpyDataset.open(NpyParams.files(x, Optional.empty(), false))) {
            Sample sample = data.get(1);
            assertThat(sample.target().contentEquals(sample.input())).isTrue();
        }
    }

    @Test
    void mismatchedCountsAndDenseShapesAreRejectedNamingTheFiles() {
        Path x = dir.resolve("x.npy");
        Path few = dir.resolve("few.npy");
        Path wrongGrid = dir.resolve("grid.npy");
        Npy.write(x, images());
        Npy.write(few, NdArray.of(new long[] {1, 2, 3}, 3));
        Npy.write(wrongGrid, NdArray.zeros(DType.UINT8, 4, 3, 3));

        assertThatThrownBy(() -> NpyDataset.open(NpyParams.files(x, Optional.of(few), false)))
                .isInstanceOf(DataException.class).hasMessageStartingWith(few.toString())
                .hasMessageContaining("has 3 targets").hasMessageContaining("have 4 samples");
        assertThatThrownBy(() -> NpyDataset.open(NpyParams.files(x, Optional.of(wrongGrid), true)))
                .isInstanceOf(DataException.class).hasMessageStartingWith(wrongGrid + " (sample 0)")
                .hasMessageContaining("must cover the input's spatial grid");
    }

    @Test
    void npzWithSeveralArraysNeedsInputsKey() {
        Path file = dir.resolve("two.npz");
        Npz.write(file, Map.of("a", images(), "b", images()));
        Path one = dir.resolve("one.npz");
        Npz.write(one, Map.of("only", images()));

        assertThatThrownBy(() -> NpyDataset.open(new NpyParams(file, Optional.empty(), Optional.empty(),
                Optional.empty(), false))).hasMessageStartingWith(file.toString()).hasMessageContaining("set inputs_key");
        assertThat(NpyDataset.open(new NpyParams(one, Optional.empty(), Optional.empty(), Optional.empty(), false))
                .size()).isEqualTo(4);
    }

    @Test
    void fingerprintFollowsBothFiles() throws IOException {
        Path x = dir.resolve("x.npy");
        Path y = dir.resolve("y.npy");
        Npy.write(x, images());
        Npy.write(y, NdArray.of(new long[] {0, 1, 2, 3}, 4));
        String first;
        try (NpyDataset data = NpyDataset.open(NpyParams.files(x, Optional.of(y), false))) {
            first = data.fingerprint();
        }
        Files.setLastModifiedTime(y, FileTime.fromMillis(Files.getLastModifiedTime(y).toMillis() - 5000));

        try (NpyDataset data = NpyDataset.open(NpyParams.files(x, Optional.of(y), false))) {
            assertThat(data.fingerprint()).isNotEqualTo(first);
        }
    }
}
