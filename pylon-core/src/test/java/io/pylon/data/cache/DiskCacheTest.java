package io.pylon.data.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transform;
import io.pylon.testing.ListDataset;

class DiskCacheTest {

    @TempDir
    Path root;

    /** Multiplies the input by {@code factor} (float32 out), counting its calls. */
    static final class Scale implements Transform {
        final float factor;
        final AtomicInteger calls = new AtomicInteger();

        Scale(float factor) {
            this.factor = factor;
        }

        @Override
        public Sample apply(Sample sample, SplittableRandom random) {
            calls.incrementAndGet();
            float[] values = sample.input().toFloats();
            for (int k = 0; k < values.length; k++) {
                values[k] *= factor;
            }
            return sample.withInput(NdArray.of(values, sample.input().shape()));
        }

        @Override
        public boolean isRandom() {
            return false;
        }

        @Override
        public String fingerprint() {
            return "scale(factor=" + factor + ")";
        }
    }

    /** uint8 [1, 3, 5] images with pixel k = (7 i + k) mod 256, int64 label i mod 3. */
    static ListDataset images(String fingerprint) {
        return new ListDataset(40, i -> {
            byte[] pixels = new byte[15];
            for (int k = 0; k < 15; k++) {
                pixels[k] = (byte) (7 * i + k);
            }
            return Sample.classified(i, NdArray.of(pixels, DType.UINT8, 1, 3, 5), i % 3);
        }, fingerprint, List.of("a", "b", "c"));
    }

    static void assertScaled(Sample sample, long i, float factor) {
        assertThat(sample.index()).isEqualTo(i);
        assertThat(sample.input().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(sample.input().shape()).containsExactly(1, 3, 5);
        for (int k = 0; k < 15; k++) {
            assertThat(sample.input().get(k)).isEqualTo(((7 * i + k) & 0xff) * factor);
        }
        assertThat(sample.target().getLong(0)).isEqualTo(i % 3);
    }

    @Test
    void secondInstanceReadsEntriesWithoutCallingTheTransformOrTheSource() {
        Scale scale = new Scale(0.5f);
        ListDataset source = images("imgs-v1");
        try (DiskCache first = DiskCache.open(root, source, scale)) {
            for (long i = 0; i < 40; i++) {
                assertScaled(first.get(i), i, 0.5f);
            }
            assertThat(first.stats()).isEqualTo(new DiskCache.Stats(0, 40, 0));
        }
        ListDataset again = images("imgs-v1");
        Scale sameParams = new Scale(0.5f);
        try (DiskCache second = DiskCache.open(root, again, sameParams)) {
            for (long i = 0; i < 40; i++) {
                Sample sample = second.get(i);
                assertScaled(sample, i, 0.5f);
                assertThat(sample.input().data().heapBase()).containsInstanceOf(float[].class);
            }
            assertThat(second.stats()).isEqualTo(new DiskCache.Stats(40, 0, 0));
            assertThat(second.classNames()).containsExactly("a", "b", "c");
        }
        assertThat(sameParams.calls).hasValue(0);
        assertThat(again.reads()).isZero();
    }

    @Test
    void changedTransformParamsOrDatasetFingerprintUseANewKey() throws IOException {
        DiskCache base = DiskCache.open(root, images("imgs-v1"), new Scale(0.5f));
        base.get(4);
        Scale other = new Scale(2f);
        DiskCache rescaled = DiskCache.open(root, images("imgs-v1"), other);
        assertScaled(rescaled.get(4), 4, 2f);
        assertThat(other.calls).hasValue(1);
        Scale same = new Scale(0.5f);
        ListDataset changed = images("imgs-v2");
        DiskCache newData = DiskCache.open(root, changed, same);
        assertScaled(newData.get(4), 4, 0.5f);
        assertThat(same.calls).hasValue(1);
        assertThat(changed.reads()).isEqualTo(1);
        assertThat(List.of(base.directory(), rescaled.directory(), newData.directory())).doesNotHaveDuplicates();
        assertThat(Files.readString(newData.directory().resolve("cache.txt"))).contains("imgs-v2")
                .contains("scale(factor=0.5)");
    }

    @Test
    void corruptOrTruncatedEntriesAreRecomputedNotReturned() throws IOException {
        Scale scale = new Scale(3f);
        DiskCache cache = DiskCache.open(root, images("imgs"), scale);
        for (long i = 0; i < 4; i++) {
            cache.get(i);
        }
        Path flipped = cache.entry(0);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length / 2] ^= 1;
        Files.write(flipped, bytes);
        try (RandomAccessFile raf = new RandomAccessFile(cache.entry(1).toFile(), "rw")) {
            raf.setLength(raf.length() - 9);
        }
        Files.copy(cache.entry(3), cache.entry(2), StandardCopyOption.REPLACE_EXISTING);
        DiskCache reopened = DiskCache.open(root, images("imgs"), scale);
        for (long i = 0; i < 4; i++) {
            assertScaled(reopened.get(i), i, 3f);
        }
        // 0 flipped, 1 truncated, 2 holds sample 3's entry: all three recomputed; 3 is intact
        assertThat(reopened.stats()).isEqualTo(new DiskCache.Stats(1, 3, 3));
        DiskCache repaired = DiskCache.open(root, images("imgs"), scale);
        for (long i = 0; i < 4; i++) {
            assertScaled(repaired.get(i), i, 3f);
        }
        assertThat(repaired.stats()).isEqualTo(new DiskCache.Stats(4, 0, 0));
        Files.write(cache.entry(3), new byte[0]);
        assertScaled(repaired.get(3), 3, 3f);
        assertThat(repaired.stats().corrupt()).isEqualTo(1);
    }

    @Test
    void eightThreadsComputingLazilyLeaveOneValidEntryPerSample() throws Exception {
        Scale scale = new Scale(1.5f);
        DiskCache cache = DiskCache.open(root, images("imgs"), scale);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int c = 0; c < 200; c++) {
                        long i = (c * 13L + offset) % 40;
                        Sample s = cache.get(i);
                        wrong += s.index() == i && s.input().get(2) == ((7 * i + 2) & 0xff) * 1.5f ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.stats().hits() + cache.stats().computed()).isEqualTo(1600);
        assertThat(cache.stats().corrupt()).isZero();
        try (var files = Files.walk(cache.directory())) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).noneMatch(p -> p.toString().endsWith(".tmp"));
            assertThat(all.stream().filter(p -> p.toString().endsWith(".sample"))).hasSize(40);
        }
        DiskCache reopened = DiskCache.open(root, images("imgs"), scale);
        for (long i = 0; i < 40; i++) {
            assertScaled(reopened.get(i), i, 1.5f);
        }
        assertThat(reopened.stats().hits()).isEqualTo(40);
    }

    @Test
    void onlyDeterministicTransformsAreCached() {
        Transform random = (sample, rng) -> sample;
        assertThatThrownBy(() -> DiskCache.open(root, images("imgs"), random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deterministicPrefix");
        Compose chain = Compose.of(new Scale(2f), random);
        DiskCache prefix = DiskCache.open(root, images("imgs"), chain.deterministicPrefix());
        assertScaled(prefix.get(5), 5, 2f);
    }

    @Test
    void entriesKeepTargetlessAndDenseSamples() throws Exception {
        Sample dense = Sample.segmented(7, NdArray.of(new double[] {1.5, -2, 3, 4, 5, 6}, 1, 2, 3),
                NdArray.of(new byte[] {0, 1, 2, 2, 1, 0}, DType.UINT8, 2, 3));
        Sample decoded = SampleFile.decode(SampleFile.encode(7, dense), 7);
        assertThat(decoded.denseTarget()).isTrue();
        assertThat(decoded.input().contentEquals(dense.input())).isTrue();
        assertThat(decoded.target().contentEquals(dense.target())).isTrue();
        Sample bare = new Sample(2, NdArray.of(new int[] {9, -9}, 2), null, false);
        assertThat(SampleFile.decode(SampleFile.encode(2, bare), 2).target()).isNull();
        assertThatThrownBy(() -> SampleFile.decode(SampleFile.encode(2, bare), 3))
                .isInstanceOf(SampleFile.CorruptEntryException.class).hasMessageContaining("holds sample 2");
    }
}
