package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.engine.Tensors;

class InMemoryLoaderTest {

    private static final int N = 23;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** Sample i has input [i, -i] and target 100 + i, so a batch shows which samples it holds. */
    private static LabelledTensors data(int n) {
        float[] inputs = new float[2 * n];
        long[] targets = new long[n];
        for (int i = 0; i < n; i++) {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = -i;
            targets[i] = 100 + i;
        }
        return new LabelledTensors(Tensors.fromFloats(inputs, n, 2), Tensors.fromLongs(targets, n));
    }

    private static InMemoryLoader loader(int batchSize, boolean shuffle, long seed, boolean dropLast, long limit) {
        return new InMemoryLoader(data(N), new LoaderOptions(batchSize, shuffle, seed, dropLast, limit));
    }

    private static List<Long> indices(InMemoryLoader loader, int epoch, long startBatch) {
        List<Long> seen = new ArrayList<>();
        for (Iterator<Batch> it = loader.epoch(epoch, startBatch); it.hasNext();) {
            for (long i : it.next().indices()) {
                seen.add(i);
            }
        }
        return seen;
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertThat(indices(loader(5, true, 7, false, 0), 3, 0)).isEqualTo(indices(loader(5, true, 7, false, 0), 3, 0));
    }

    @Test
    void epochsAndSeedsChangeTheOrder() {
        InMemoryLoader loader = loader(5, true, 7, false, 0);
        List<Long> epoch0 = indices(loader, 0, 0);
        assertThat(indices(loader, 1, 0)).isNotEqualTo(epoch0);
        assertThat(indices(loader(5, true, 8, false, 0), 0, 0)).isNotEqualTo(epoch0);
        assertThat(epoch0).isNotEqualTo(indices(loader(5, false, 7, false, 0), 0, 0));
    }

    @Test
    void everySampleIsSeenExactlyOncePerEpoch() {
        InMemoryLoader loader = loader(4, true, 11, false, 0);
        for (int epoch = 0; epoch < 3; epoch++) {
            assertThat(indices(loader, epoch, 0)).hasSize(N).doesNotHaveDuplicates()
                    .allMatch(i -> i >= 0 && i < N);
        }
    }

    @Test
    void withoutShuffleTheOrderIsTheFileOrder() {
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < N; i++) {
            expected.add(i);
        }
        assertThat(indices(loader(4, false, 11, false, 0), 5, 0)).isEqualTo(expected);
    }

    @Test
    void resumingFromABatchGivesTheTailOfTheUninterruptedEpoch() {
        InMemoryLoader loader = loader(5, true, 3, false, 0);
        List<Long> whole = indices(loader, 2, 0);
        assertThat(indices(loader, 2, 2)).isEqualTo(whole.subList(10, N));
        assertThat(indices(loader, 2, loader.batchesPerEpoch())).isEmpty();
    }

    @Test
    void batchesHoldTheSamplesTheirIndicesName() {
        Iterator<Batch> it = loader(6, true, 5, false, 0).epoch(1, 1);
        Batch batch = it.next();
        float[] inputs = Tensors.toFloats(batch.inputs());
        long[] targets = Tensors.toLongs(batch.targets());
        assertThat(Tensors.shape(batch.inputs())).containsExactly(6, 2);
        for (int k = 0; k < batch.size(); k++) {
            long index = batch.indices()[k];
            assertThat(inputs[2 * k]).isEqualTo(index);
            assertThat(inputs[2 * k + 1]).isEqualTo(-index);
            assertThat(targets[k]).isEqualTo(100 + index);
        }
    }

    @Test
    void dropLastDropsOnlyTheIncompleteBatch() {
        InMemoryLoader keep = loader(5, true, 1, false, 0);
        InMemoryLoader drop = loader(5, true, 1, true, 0);

        assertThat(keep.batchesPerEpoch()).isEqualTo(5);
        assertThat(drop.batchesPerEpoch()).isEqualTo(4);
        assertThat(indices(keep, 0, 0)).hasSize(N);
        assertThat(indices(drop, 0, 0)).isEqualTo(indices(keep, 0, 0).subList(0, 20));
        List<Integer> sizes = new ArrayList<>();
        keep.epoch(0, 0).forEachRemaining(b -> sizes.add(b.size()));
        assertThat(sizes).containsExactly(5, 5, 5, 5, 3);
    }

    @Test
    void limitUsesOnlyTheFirstSamples() {
        InMemoryLoader limited = loader(4, true, 9, false, 10);
        assertThat(limited.samples()).isEqualTo(10);
        assertThat(limited.batchesPerEpoch()).isEqualTo(3);
        assertThat(indices(limited, 0, 0)).hasSize(10).doesNotHaveDuplicates().allMatch(i -> i < 10);
        assertThat(loader(4, true, 9, true, 10).batchesPerEpoch()).isEqualTo(2);
        assertThat(loader(4, true, 9, false, 1000).samples()).isEqualTo(N);
    }

    @Test
    void orderIsIndependentOfTheThreadCount() {
        long[] reference = Permutations.forEpoch(42, 3, 1000);
        int threads = Engine.intraOpThreads();
        try {
            Engine.start(new EngineOptions(1));
            assertThat(Permutations.forEpoch(42, 3, 1000)).isEqualTo(reference);
        } finally {
            Engine.start(new EngineOptions(threads));
        }
        long[] sorted = reference.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(Permutations.identity(1000));
    }

    @Test
    void badArgumentsAreRejected() {
        InMemoryLoader loader = loader(5, true, 1, false, 0);
        assertThatThrownBy(() -> loader.epoch(0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loader.epoch(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoaderOptions(0, false, 0, false, 0)).isInstanceOf(IllegalArgumentException.class);
        Iterator<Batch> it = loader.epoch(0, 5);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
}
