package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.data.ArrayDataset;
import io.pylon.data.Batch;
import io.pylon.data.Sample;
import io.pylon.data.StreamingDataset;
import io.pylon.data.array.NdArray;
import io.pylon.data.sampler.SequentialSampler;
import io.pylon.data.transform.Transform;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

class StreamingLoaderTest {

    private static final int SIZE = 23;

    /** Sample i holds [i, 2i]; shard k of n yields every n-th sample starting at k. */
    private static final class Counting implements StreamingDataset {
        int opened;

        @Override
        public long size(int shards) {
            return SIZE / shards;
        }

        @Override
        public Iterator<Sample> open(int epoch, int shard, int shards) {
            opened++;
            return LongStream.range(0, SIZE / shards).map(k -> k * shards + shard)
                    .mapToObj(Counting::sample).iterator();
        }

        static Sample sample(long i) {
            return Sample.classified(i, NdArray.of(new float[] {i, 2 * i}, 2), i % 2);
        }
    }

    private static final Transform JITTER = (sample, random) -> {
        float[] v = sample.input().toFloats();
        v[0] += (float) random.nextDouble();
        return sample.withInput(NdArray.of(v, 2));
    };

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    private static List<float[]> drain(Iterator<Batch> batches, List<long[]> indices) {
        List<float[]> out = new ArrayList<>();
        while (batches.hasNext()) {
            try (StepScope scope = new StepScope()) {
                Batch batch = batches.next();
                out.add(Tensors.toFloats(batch.inputs()));
                indices.add(batch.indices());
            }
        }
        return out;
    }

    @Test
    void streamedBatchesEqualIndexedBatchesWhateverTheWorkers() {
        float[] values = new float[SIZE * 2];
        long[] labels = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[2 * i] = i;
            values[2 * i + 1] = 2 * i;
            labels[i] = i % 2;
        }
        List<float[]> indexed;
        try (ParallelLoader loader = new ParallelLoader(new ArrayDataset(NdArray.of(values, SIZE, 2),
                NdArray.of(labels, SIZE), false, "counting", List.of()), new SequentialSampler(SIZE), JITTER,
                LoaderSettings.of(5, 2, 9), "counting")) {
            indexed = drain(loader.epoch(1, 0), new ArrayList<>());
        }
        for (int workers : new int[] {0, 1, 3}) {
            try (StreamingLoader loader = new StreamingLoader(new Counting(), 0, 1, JITTER,
                    LoaderSettings.of(5, workers, 9), "counting")) {
                assertThat(loader.batchesPerEpoch()).isEqualTo(5);
                List<float[]> streamed = drain(loader.epoch(1, 0), new ArrayList<>());
                assertThat(streamed).hasSameSizeAs(indexed);
                for (int b = 0; b < streamed.size(); b++) {
                    assertThat(streamed.get(b)).as("batch %d with %d workers", b, workers)
                            .containsExactly(indexed.get(b));
                }
            }
        }
    }

    @Test
    void shardsReadTheirOwnSamplesAndResumeSkipsWholeBatches() {
        Counting data = new Counting();
        try (StreamingLoader rank1 = new StreamingLoader(data, 1, 2, (s, r) -> s, LoaderSettings.of(4, 2, 0),
                "counting")) {
            List<long[]> indices = new ArrayList<>();
            drain(rank1.epoch(0, 0), indices);
            assertThat(indices.get(0)).containsExactly(1, 3, 5, 7);
            assertThat(indices).hasSize(3);
            List<long[]> resumed = new ArrayList<>();
            drain(rank1.epoch(0, 2), resumed);
            assertThat(resumed).hasSize(1);
            assertThat(resumed.get(0)).containsExactly(17, 19, 21);
        }
        assertThat(data.opened).isEqualTo(2);
    }

    @Test
    void dropLastDropsTheShortTail() {
        try (StreamingLoader loader = new StreamingLoader(new Counting(), 0, 1, (s, r) -> s,
                LoaderSettings.of(5, 1, 0).withDropLast(true), "counting")) {
            List<long[]> indices = new ArrayList<>();
            drain(loader.epoch(0, 0), indices);
            assertThat(indices).hasSize(4);
            assertThat(indices.get(3)).containsExactly(15, 16, 17, 18, 19);
        }
    }
}
