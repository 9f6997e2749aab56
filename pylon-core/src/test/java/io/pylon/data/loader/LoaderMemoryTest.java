package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import io.pylon.data.ArrayDataset;
import io.pylon.data.Batch;
import io.pylon.data.array.NdArray;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;

/** Thousands of batches through the threaded loader leave native memory where the first epochs put it. */
class LoaderMemoryTest {

    /** Resident bytes not explained by the Java heap (which grows with the samples' garbage until GC). */
    private static long outsideJavaHeap() {
        return Pointer.physicalBytes() - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    @Test
    void nativeMemoryStaysFlatOverThousandsOfBatches() {
        Engine.start();
        int n = 512;
        float[] images = new float[n * 3 * 16 * 16];
        long[] labels = new long[n];
        for (int i = 0; i < images.length; i++) {
            images[i] = i % 251;
        }
        ArrayDataset data = new ArrayDataset(NdArray.of(images, n, 3, 16, 16), NdArray.of(labels, n), false, "mem",
                List.of());
        try (ParallelLoader loader = new ParallelLoader(data, new RandomSampler(n, 1),
                (s, r) -> s.withInput(NdArray.of(s.input().toFloats(), s.input().shape())),
                LoaderSettings.of(16, 2, 3), "mem")) {
            long tracked = 0;
            long physical = 0;
            long batches = 0;
            for (int epoch = 0; epoch < 100; epoch++) {
                Iterator<Batch> it = loader.epoch(epoch, 0);
                while (it.hasNext()) {
                    try (StepScope scope = new StepScope()) {
                        it.next().inputs().sum().item_double();
                    }
                    batches++;
                }
                if (epoch == 4) {
                    tracked = Pointer.totalBytes();
                    physical = outsideJavaHeap();
                }
            }
            assertThat(batches).isEqualTo(3200);
            // JavaCPP's own allocations do not grow, and neither does resident memory outside the Java heap by
            // more than 32 MiB (the batches alone are 2.4 MiB per epoch: leaking them would add ~230 MiB)
            assertThat(Pointer.totalBytes()).isLessThanOrEqualTo(tracked + (64 << 10));
            assertThat(outsideJavaHeap() - physical).isLessThan(32L << 20);
        }
    }
}
