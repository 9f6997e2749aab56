package io.pylon.data.packed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pylon.config.Config;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.testing.ListDataset;
import io.pylon.testing.TestComponents;

class PackedDatasetTest {

    @TempDir
    Path dir;

    /** Random bytes of the right length: every bit pattern must survive, NaN payloads included. */
    static NdArray randomArray(DType dtype, long seed, long... shape) {
        byte[] bytes = new byte[Math.toIntExact(NdArray.count(shape) * dtype.bytes())];
        new SplittableRandom(seed).nextBytes(bytes);
        return new NdArray(MemorySegment.ofArray(bytes), dtype, shape);
    }

    static ListDataset classified(DType dtype, int n, long... shape) {
        return new ListDataset(n, i -> Sample.classified(i, randomArray(dtype, i, shape), i % 7),
                "test:" + dtype + ":" + n, List.of("a", "b", "c"));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripKeepsEveryBitOfEveryRecord(DType dtype) {
        ListDataset source = classified(dtype, 300, 3, 5, 7);
        Path file = dir.resolve("d.pylonpack");
        PackedHeader written = Packing.pack(source, file, Packing.Progress.NONE);
        assertThat(written.count()).isEqualTo(300);
        assertThat(written.recordBytes() % PackedHeader.ALIGNMENT).isZero();
        try (PackedDataset packed = PackedDataset.open(file, true)) {
            assertThat(packed.size()).isEqualTo(300);
            assertThat(packed.classNames()).containsExactly("a", "b", "c");
            assertThat(packed.header().source()).isEqualTo(source.fingerprint());
            for (long i = 0; i < 300; i++) {
                Sample expected = source.get(i);
                Sample actual = packed.get(i);
                assertThat(actual.index()).isEqualTo(i);
                assertThat(actual.input().contentEquals(expected.input())).as("input %d", i).isTrue();
                assertThat(actual.target().shape()).isEmpty();
                assertThat(actual.target().getLong(0)).isEqualTo(i % 7);
                assertThat(actual.denseTarget()).isFalse();
            }
        }
    }

    @Test
    void denseTargetsAndTargetlessSamplesRoundTrip() {
        ListDataset segmentation = new ListDataset(20, i -> Sample.segmented(i, randomArray(DType.FLOAT32, i, 2, 5, 6),
                randomArray(DType.UINT8, 100 + i, 5, 6)));
        ListDataset unlabelled = new ListDataset(20, i -> new Sample(i, randomArray(DType.INT16, i, 1, 9), null, false));
        Packing.pack(segmentation, dir.resolve("seg.pylonpack"), Packing.Progress.NONE);
        Packing.pack(unlabelled, dir.resolve("raw.pylonpack"), Packing.Progress.NONE);
        try (PackedDataset seg = PackedDataset.open(dir.resolve("seg.pylonpack"), true);
                PackedDataset raw = PackedDataset.open(dir.resolve("raw.pylonpack"), true)) {
            assertThat(seg.header().target().orElseThrow().offset()).isEqualTo(2 * 5 * 6 * 4);
            for (long i = 0; i < 20; i++) {
                assertThat(seg.get(i).denseTarget()).isTrue();
                assertThat(seg.get(i).target().contentEquals(segmentation.get(i).target())).isTrue();
                assertThat(seg.get(i).input().contentEquals(segmentation.get(i).input())).isTrue();
                assertThat(raw.get(i).target()).isNull();
                assertThat(raw.get(i).input().contentEquals(unlabelled.get(i).input())).isTrue();
            }
            assertThat(raw.header().recordBytes()).isEqualTo(64);
        }
    }

    @Test
    void samplesAreReadOnlyViewsOfTheMappingNotHeapCopies() {
        Path file = dir.resolve("v.pylonpack");
        Packing.pack(classified(DType.FLOAT32, 10, 4, 4), file, Packing.Progress.NONE);
        try (PackedDataset packed = PackedDataset.open(file)) {
            MemorySegment mapping = packed.mapping();
            Sample sample = packed.get(7);
            for (MemorySegment data : List.of(sample.input().data(), sample.target().data())) {
                assertThat(data.isNative()).isTrue();
                assertThat(data.heapBase()).isEmpty();
                assertThat(data.isReadOnly()).isTrue();
                assertThat(mapping.asOverlappingSlice(data)).isPresent();
                long at = data.address() - mapping.address();
                assertThat(at).isBetween(0L, mapping.byteSize() - data.byteSize());
            }
            long offset = sample.input().data().address() - mapping.address();
            assertThat(offset % PackedHeader.ALIGNMENT).isZero();
            assertThat(offset).isEqualTo(packed.header().reservedBytes() + 7 * packed.header().recordBytes());
        }
    }

    @Test
    void parallelPackingWritesTheSameBytesAsSequential() throws IOException {
        ListDataset source = classified(DType.UINT8, 500, 1, 8, 8);
        Packing.pack(source, dir.resolve("one.pylonpack"), 1, Packing.Progress.NONE);
        List<Long> progress = new ArrayList<>();
        Packing.pack(source, dir.resolve("four.pylonpack"), 4, (done, total) -> progress.add(done));
        assertThat(Files.mismatch(dir.resolve("one.pylonpack"), dir.resolve("four.pylonpack"))).isEqualTo(-1);
        assertThat(progress).hasSize(500).endsWith(500L);
    }

    @Test
    void shapeChangeNamesTheSampleAndLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("bad.pylonpack");
        Files.writeString(file, "older content");
        ListDataset source = new ListDataset(10, i -> Sample.classified(i,
                randomArray(DType.UINT8, i, 1, i == 6 ? 9 : 8, 8), 0));
        assertThatThrownBy(() -> Packing.pack(source, file, 2, Packing.Progress.NONE))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("(sample 6)").hasMessageContaining("uint8 [1, 9, 8]")
                .hasMessageContaining("uint8 [1, 8, 8]");
        assertThat(Files.readString(file)).isEqualTo("older content");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void truncatedFileNamesExpectedAndActualSizeAndCompleteRecords() throws IOException {
        Path file = dir.resolve("t.pylonpack");
        PackedHeader header = Packing.pack(classified(DType.FLOAT32, 50, 16), file, Packing.Progress.NONE);
        long full = Files.size(file);
        long cut = full - header.recordBytes() * 10 - 3;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(cut);
        }
        assertThatThrownBy(() -> PackedDataset.open(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated").hasMessageContaining(full + " bytes in all")
                .hasMessageContaining("has " + cut + " bytes").hasMessageContaining("(39 complete records)");
    }

    @Test
    void foreignFileIsRejectedByItsMagic() throws IOException {
        Path file = dir.resolve("x.pylonpack");
        Files.write(file, "PK\u0003\u0004 this is a zip file, not a packed one".getBytes());
        assertThatThrownBy(() -> PackedDataset.open(file))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("bad magic bytes 50 4b 03 04")
                .hasMessageContaining("not a Pylon packed file");
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> PackedDataset.open(file)).hasMessageContaining("too short");
    }

    @Test
    void newerVersionAndCorruptHeaderAreReported() throws IOException {
        Path file = dir.resolve("v.pylonpack");
        Packing.pack(classified(DType.INT32, 5, 3), file, Packing.Progress.NONE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = 2;
        Files.write(file, bytes);
        assertThatThrownBy(() -> PackedDataset.open(file)).hasMessageContaining("format version 2");
        bytes[8] = 1;
        bytes[PackedHeader.PREFIX_BYTES] = 'x';
        Files.write(file, bytes);
        assertThatThrownBy(() -> PackedDataset.open(file)).isInstanceOf(DataException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void flippedRecordByteIsCaughtByVerifyOnly() throws IOException {
        Path file = dir.resolve("c.pylonpack");
        PackedHeader header = Packing.pack(classified(DType.FLOAT64, 40, 6), file, Packing.Progress.NONE);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = header.reservedBytes() + 33 * header.recordBytes() + 5;
            raf.seek(at);
            int old = raf.read();
            raf.seek(at);
            raf.write(old ^ 0x10);
        }
        try (PackedDataset lazy = PackedDataset.open(file, false)) {
            assertThat(lazy.size()).isEqualTo(40);
            assertThat(lazy.computeChecksum()).isNotEqualTo(header.checksum());
        }
        assertThatThrownBy(() -> PackedDataset.open(file, true))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("checksum mismatch")
                .hasMessageContaining(PackedDataset.checksumText(header.checksum()));
    }

    @Test
    void emptyDatasetIsRefusedWithoutLeavingAFile() {
        Path file = dir.resolve("e.pylonpack");
        assertThatThrownBy(() -> Packing.pack(classified(DType.UINT8, 0, 2), file, Packing.Progress.NONE))
                .isInstanceOf(DataException.class).hasMessageContaining("dataset is empty");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void registeredFormatOpensFromAConfigSection() {
        Path file = dir.resolve("r.pylonpack");
        Packing.pack(classified(DType.UINT8, 12, 2, 2), file, Packing.Progress.NONE);
        Config config = Config.parse("path: '" + file + "'\nverify: true\n", "test.yaml");
        try (Dataset dataset = TestComponents.format(PackedFormat.NAME, config.root(), "data.train")) {
            assertThat(dataset.size()).isEqualTo(12);
            assertThat(dataset.get(11).target().getLong(0)).isEqualTo(11 % 7);
        }
    }

    @Test
    void concurrentReadersSeeTheSameValues() throws Exception {
        ListDataset source = classified(DType.FLOAT32, 200, 32);
        Path file = dir.resolve("m.pylonpack");
        Packing.pack(source, file, Packing.Progress.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (PackedDataset packed = PackedDataset.open(file)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int k = 0; k < 2000; k++) {
                        long i = (k * 37L + offset) % 200;
                        same &= packed.get(i).input().contentEquals(source.get(i).input());
                    }
                    return same;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
