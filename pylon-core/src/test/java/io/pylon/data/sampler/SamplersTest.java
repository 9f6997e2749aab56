package io.pylon.data.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SamplersTest {

    @Test
    void sequentialVisitsEveryIndexInOrder() {
        assertThat(new SequentialSampler(5).indices(3)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void randomSamplerIsAPermutationFixedBySeedAndEpoch() {
        RandomSampler sampler = new RandomSampler(100, 7);
        long[] epoch0 = sampler.indices(0);
        assertThat(epoch0).containsExactlyInAnyOrder(new SequentialSampler(100).indices(0));
        assertThat(new RandomSampler(100, 7).indices(0)).containsExactly(epoch0);
        assertThat(sampler.indices(1)).isNotEqualTo(epoch0);
        assertThat(new RandomSampler(100, 8).indices(0)).isNotEqualTo(epoch0);
    }

    @Test
    void weightedSamplerDrawsInProportionToWeights() {
        WeightedSampler sampler = new WeightedSampler(List.of(1.0, 3.0, 0.0, 6.0), 100_000, true, 1);
        long[] counts = new long[4];
        for (long i : sampler.indices(0)) {
            counts[(int) i]++;
        }
        assertThat(counts[2]).isZero();
        assertThat(counts[0] / 100_000.0).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts[1] / 100_000.0).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts[3] / 100_000.0).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(sampler.indices(0)).containsExactly(sampler.indices(0));
        assertThat(sampler.indices(1)).isNotEqualTo(sampler.indices(0));
    }

    @Test
    void weightedSamplerWithoutReplacementDrawsDistinctPositiveIndices() {
        WeightedSampler sampler = new WeightedSampler(List.of(1.0, 0.0, 2.0, 5.0, 1.0), 4, false, 3);
        long[] drawn = sampler.indices(0);
        assertThat(drawn).doesNotHaveDuplicates().doesNotContain(1L).hasSize(4);
        assertThatThrownBy(() -> new WeightedSampler(List.of(1.0, 0.0), 2, false, 3))
                .hasMessageContaining("only 1 have a positive weight");
        assertThatThrownBy(() -> new WeightedSampler(List.of(1.0, -1.0), 2, true, 3))
                .hasMessageContaining("index 1");
    }

    @Test
    void weightedSamplerWithoutReplacementFavoursHeavyIndices() {
        int heavyFirst = 0;
        for (int epoch = 0; epoch < 2000; epoch++) {
            long first = new WeightedSampler(List.of(1.0, 9.0), 1, false, 5).indices(epoch)[0];
            heavyFirst += first == 1 ? 1 : 0;
        }
        assertThat(heavyFirst / 2000.0).isCloseTo(0.9, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void shardsCoverTheEpochWithEqualLengthsAndPadding() {
        Sampler inner = new RandomSampler(10, 4);
        List<long[]> shards = new ArrayList<>();
        for (int rank = 0; rank < 3; rank++) {
            shards.add(new ShardedSampler(inner, rank, 3, false).indices(2));
        }
        Set<Long> seen = new HashSet<>();
        for (long[] shard : shards) {
            assertThat(shard).hasSize(4);
            Arrays.stream(shard).forEach(seen::add);
        }
        assertThat(seen).hasSize(10);
        // 12 slots for 10 indices: exactly two repeat, taken from the head of the shared order
        long[] order = inner.indices(2);
        assertThat(shards.get(1)[3]).isEqualTo(order[0]);
        assertThat(shards.get(2)[3]).isEqualTo(order[1]);
    }

    @Test
    void droppingUnevenShardsGivesDisjointShares() {
        Sampler inner = new SequentialSampler(10);
        long[] a = new ShardedSampler(inner, 0, 3, true).indices(0);
        long[] b = new ShardedSampler(inner, 1, 3, true).indices(0);
        assertThat(a).containsExactly(0, 3, 6);
        assertThat(b).containsExactly(1, 4, 7);
        assertThatThrownBy(() -> new ShardedSampler(inner, 3, 3, true)).hasMessageContaining("[0, 3)");
    }
}
