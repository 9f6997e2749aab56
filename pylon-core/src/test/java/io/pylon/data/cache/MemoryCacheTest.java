package io.pylon.data.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.testing.ListDataset;

class MemoryCacheTest {

    /** Sample {@code i}: 24 floats with values derived from {@code i} (96 bytes) and the label {@code i % 5}. */
    static Sample sample(long i) {
        float[] values = new float[24];
        for (int k = 0; k < values.length; k++) {
            values[k] = i * 100 + k;
        }
        return Sample.classified(i, NdArray.of(values, 1, 4, 6), i % 5);
    }

    static final long SAMPLE_BYTES = 24 * 4 + 8;

    @Test
    void hitReturnsTheSameArraysWithoutReadingTheSourceAgain() {
        ListDataset source = new ListDataset(10, MemoryCacheTest::sample);
        MemoryCache cache = new MemoryCache(source, 1 << 20);
        Sample first = cache.get(3);
        Sample again = cache.get(3);
        assertThat(again.input()).isSameAs(first.input());
        assertThat(again.target()).isSameAs(first.target());
        assertThat(again.input().toFloats()).containsExactly(sample(3).input().toFloats());
        assertThat(source.reads()).isEqualTo(1);
        assertThat(cache.stats()).isEqualTo(new MemoryCache.Stats(1, 1, 0, 1, SAMPLE_BYTES));
        assertThat(cache.fingerprint()).isEqualTo(source.fingerprint());
    }

    @Test
    void evictionKeepsTheBytesWithinTheBound() {
        ListDataset source = new ListDataset(50, MemoryCacheTest::sample);
        long bound = 3 * SAMPLE_BYTES + SAMPLE_BYTES / 2;
        MemoryCache cache = new MemoryCache(source, bound);
        for (long i = 0; i < 50; i++) {
            cache.get(i);
            assertThat(cache.stats().bytes()).isLessThanOrEqualTo(bound);
        }
        MemoryCache.Stats stats = cache.stats();
        assertThat(stats.entries()).isEqualTo(3);
        assertThat(stats.bytes()).isEqualTo(3 * SAMPLE_BYTES);
        assertThat(stats.evictions()).isEqualTo(47);
        assertThat(cache.contains(49)).isTrue();
        assertThat(cache.contains(0)).isFalse();
    }

    @Test
    void recentlyReadSampleSurvivesAndTheLeastRecentIsEvicted() {
        ListDataset source = new ListDataset(10, MemoryCacheTest::sample);
        MemoryCache cache = new MemoryCache(source, 3 * SAMPLE_BYTES);
        cache.get(0);
        cache.get(1);
        cache.get(2);
        cache.get(0);
        cache.get(3);
        assertThat(cache.contains(0)).isTrue();
        assertThat(cache.contains(1)).isFalse();
        assertThat(cache.contains(2)).isTrue();
        assertThat(cache.contains(3)).isTrue();
    }

    @Test
    void sampleLargerThanTheBoundIsServedButNotCached() {
        ListDataset source = new ListDataset(4, MemoryCacheTest::sample);
        MemoryCache cache = new MemoryCache(source, SAMPLE_BYTES - 1);
        assertThat(cache.get(2).input().toFloats()[5]).isEqualTo(205f);
        cache.get(2);
        assertThat(source.reads()).isEqualTo(2);
        assertThat(cache.stats().entries()).isZero();
        assertThatThrownBy(() -> cache.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void eightThreadsHammeringGetSeeCorrectSamplesAndConsistentCounters() throws Exception {
        ListDataset source = new ListDataset(64, MemoryCacheTest::sample);
        long bound = 16 * SAMPLE_BYTES;
        MemoryCache cache = new MemoryCache(source, bound);
        int threads = 8;
        int calls = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    long state = seed * 0x9E3779B97F4A7C15L + 1;
                    for (int c = 0; c < calls; c++) {
                        state = state * 6364136223846793005L + 1442695040888963407L;
                        // skewed towards low indices, so there are hits and evictions both
                        long i = Math.min((state >>> 33) % 64, (state >>> 40) % 64);
                        Sample s = cache.get(i);
                        if (s.index() != i || s.input().get(7) != i * 100 + 7 || s.target().getLong(0) != i % 5) {
                            wrong++;
                        }
                        if (c % 500 == 0 && cache.stats().bytes() > bound) {
                            wrong++;
                        }
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
        MemoryCache.Stats stats = cache.stats();
        assertThat(stats.hits() + stats.misses()).isEqualTo((long) threads * calls);
        assertThat(stats.misses()).isEqualTo(source.reads());
        assertThat(stats.hits()).isPositive();
        assertThat(stats.evictions()).isPositive();
        assertThat(stats.bytes()).isEqualTo(stats.entries() * SAMPLE_BYTES).isLessThanOrEqualTo(bound);
    }
}
