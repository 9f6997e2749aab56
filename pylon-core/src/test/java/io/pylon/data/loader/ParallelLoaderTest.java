package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.pylon.data.Batch;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.data.sampler.SequentialSampler;
import io.pylon.data.transform.Transform;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

class ParallelLoaderTest {

    /** Sample i: 6 values i*10 + k as uint8, label i % 3; the indices in {@code bad} throw. */
    private record Numbers(long size, Set<Long> bad) implements Dataset {

        @Override
        public Sample get(long index) {
            checkIndex(index);
            if (bad.contains(index)) {
                throw new DataException("numbers.bin", index, "corrupt record");
            }
            byte[] values = new byte[6];
            for (int k = 0; k < 6; k++) {
                values[k] = (byte) (index * 10 + k);
            }
            return Sample.classified(index, NdArray.of(values, io.pylon.data.array.DType.UINT8, 1, 2, 3), index % 3);
        }
    }

    /** Sample i is the file img-i.png, 2x2 except sample 5, which is 3x2 (a photo of another size). */
    private record Images() implements Dataset {

        @Override
        public long size() {
            return 8;
        }

        @Override
        public Sample get(long index) {
            checkIndex(index);
            int rows = index == 5 ? 3 : 2;
            return Sample.classified(index, NdArray.of(new float[rows * 2], 1, rows, 2), 0);
        }

        @Override
        public Optional<String> sampleFile(long sampleIndex) {
            return Optional.of("img-" + sampleIndex + ".png");
        }
    }

    /** Adds a random offset per sample: the augmentation whose seeding is under test. */
    private static final Transform JITTER = (sample, random) -> {
        float[] v = sample.input().toFloats();
        float shift = (float) random.nextDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] += shift;
        }
        return sample.withInput(NdArray.of(v, sample.input().shape()));
    };

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    private static List<float[]> epoch(ParallelLoader loader, int epoch, long start, List<long[]> indices) {
        List<float[]> inputs = new ArrayList<>();
        Iterator<Batch> batches = loader.epoch(epoch, start);
        while (batches.hasNext()) {
            try (StepScope scope = new StepScope()) {
                Batch batch = batches.next();
                inputs.add(Tensors.toFloats(batch.inputs()));
                indices.add(batch.indices());
                assertThat(Tensors.toLongs(batch.targets())).hasSize(batch.size());
            }
        }
        return inputs;
    }

    @Test
    void batchesAreIdenticalWhateverTheNumberOfWorkers() {
        List<List<float[]>> runs = new ArrayList<>();
        for (int workers : new int[] {0, 1, 2, 8}) {
            try (ParallelLoader loader = new ParallelLoader(new Numbers(50, Set.of()), new RandomSampler(50, 3), JITTER,
                    LoaderSettings.of(8, workers, 11), "numbers")) {
                List<float[]> all = new ArrayList<>();
                for (int e = 0; e < 2; e++) {
                    all.addAll(epoch(loader, e, 0, new ArrayList<>()));
                }
                runs.add(all);
            }
        }
        for (List<float[]> run : runs.subList(1, runs.size())) {
            assertThat(run).hasSameSizeAs(runs.get(0));
            for (int b = 0; b < run.size(); b++) {
                assertThat(run.get(b)).containsExactly(runs.get(0).get(b));
            }
        }
    }

    @Test
    void augmentationDependsOnEpochAndSampleOnly() {
        try (ParallelLoader loader = new ParallelLoader(new Numbers(20, Set.of()), new SequentialSampler(20), JITTER,
                LoaderSettings.of(4, 2, 11), "numbers")) {
            List<float[]> e0 = epoch(loader, 0, 0, new ArrayList<>());
            List<float[]> e1 = epoch(loader, 1, 0, new ArrayList<>());
            List<float[]> again = epoch(loader, 0, 0, new ArrayList<>());
            assertThat(again.get(2)).containsExactly(e0.get(2));
            assertThat(e1.get(2)).isNotEqualTo(e0.get(2));
            // the shift of sample 9 (batch 2, slot 1) is its seeded draw, whatever batch it lands in
            float expected = 90 + (float) BatchAssembler.sampleRandom(11, 0, 9).nextDouble();
            assertThat(e0.get(2)[6]).isEqualTo(expected);
        }
    }

    @Test
    void resumingAtABatchYieldsTheRestOfTheEpoch() {
        try (ParallelLoader loader = new ParallelLoader(new Numbers(30, Set.of()), new RandomSampler(30, 1), JITTER,
                LoaderSettings.of(4, 2, 11), "numbers")) {
            List<float[]> full = epoch(loader, 3, 0, new ArrayList<>());
            List<float[]> tail = epoch(loader, 3, 5, new ArrayList<>());
            assertThat(full).hasSize(8);
            assertThat(tail).hasSize(3);
            for (int b = 0; b < 3; b++) {
                assertThat(tail.get(b)).containsExactly(full.get(5 + b));
            }
        }
    }

    @Test
    void dropLastDropsTheShortBatchAndTargetsAreInt64() {
        LoaderSettings settings = LoaderSettings.of(4, 2, 0).withDropLast(true);
        try (ParallelLoader loader = new ParallelLoader(new Numbers(10, Set.of()), new SequentialSampler(10),
                (s, r) -> s, settings, "numbers")) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(2);
            List<long[]> indices = new ArrayList<>();
            List<float[]> inputs = epoch(loader, 0, 0, indices);
            assertThat(inputs).hasSize(2);
            assertThat(indices.get(1)).containsExactly(4, 5, 6, 7);
            assertThat(inputs.get(1)[6]).isEqualTo(50f); // sample 5, element 0
            try (StepScope scope = new StepScope()) {
                Batch batch = loader.epoch(0, 0).next();
                assertThat(batch.inputs().scalar_type().value).isEqualTo(ScalarType.Byte.value);
                assertThat(batch.targets().scalar_type().value).isEqualTo(ScalarType.Long.value);
                assertThat(Tensors.shape(batch.inputs())).containsExactly(4, 1, 2, 3);
                assertThat(Tensors.toLongs(batch.targets())).containsExactly(0, 1, 2, 0);
            }
        }
    }

    @Test
    @Timeout(20)
    void samplesOfDifferentSizesInOneBatchNameTheirFiles() {
        try (ParallelLoader loader = new ParallelLoader(new Images(), new SequentialSampler(8), (s, r) -> s,
                LoaderSettings.of(4, 1, 0), "photos")) {
            assertThatThrownBy(() -> {
                Iterator<Batch> batches = loader.epoch(0, 0);
                while (batches.hasNext()) {
                    try (StepScope scope = new StepScope()) {
                        batches.next();
                    }
                }
            }).isInstanceOf(DataException.class)
                    .hasMessageStartingWith("photos (sample 5): input")
                    .hasMessageContaining("(img-5.png) differs from sample 4's")
                    .hasMessageContaining("(img-4.png) in the same batch");
        }
    }

    @Test
    void batchBuffersAreReusedAcrossEpochs() {
        try (ParallelLoader loader = new ParallelLoader(new Numbers(64, Set.of()), new RandomSampler(64, 1), JITTER,
                LoaderSettings.of(8, 2, 11), "numbers")) {
            for (int e = 0; e < 20; e++) {
                epoch(loader, e, 0, new ArrayList<>());
            }
            // 160 batches of two tensors each, served from at most (prefetch + 2) buffers per tensor
            assertThat(loader.buffersAllocated()).isLessThanOrEqualTo(2L * (loader.settings().prefetch() + 2));
        }
    }

    @Test
    @Timeout(20)
    void aWorkersExceptionReachesTheConsumerNamingTheSample() {
        try (ParallelLoader loader = new ParallelLoader(new Numbers(40, Set.of(13L)), new SequentialSampler(40),
                JITTER, LoaderSettings.of(4, 4, 11), "numbers")) {
            List<Long> seen = new ArrayList<>();
            assertThatThrownBy(() -> {
                Iterator<Batch> batches = loader.epoch(0, 0);
                while (batches.hasNext()) {
                    try (StepScope scope = new StepScope()) {
                        for (long i : batches.next().indices()) {
                            seen.add(i);
                        }
                    }
                }
            }).isInstanceOf(DataException.class).hasMessageContaining("numbers.bin (sample 13)");
            assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        }
    }

    @Test
    void transformFailuresNameTheSample() {
        Transform broken = (s, r) -> {
            if (s.index() == 3) {
                throw new IllegalArgumentException("crop larger than image");
            }
            return s;
        };
        try (ParallelLoader loader = new ParallelLoader(new Numbers(8, Set.of()), new SequentialSampler(8), broken,
                LoaderSettings.of(4, 2, 0), "train split")) {
            assertThatThrownBy(() -> epoch(loader, 0, 0, new ArrayList<>()))
                    .hasMessageContaining("train split (sample 3): a transform failed: crop larger than image");
        }
    }

    @Test
    void skipPolicyLeavesBadSamplesOutUntilItsLimit() {
        LoaderSettings skip = LoaderSettings.of(4, 2, 0).withBadSamples(BadSamplePolicy.skipUpTo(3));
        try (ParallelLoader loader = new ParallelLoader(new Numbers(12, Set.of(1L, 4L, 5L, 6L, 7L)),
                new SequentialSampler(12), (s, r) -> s, skip.withBadSamples(BadSamplePolicy.skipUpTo(5)), "numbers")) {
            List<long[]> indices = new ArrayList<>();
            epoch(loader, 0, 0, indices);
            // batch [4..7] is entirely bad and disappears
            assertThat(indices).hasSize(2);
            assertThat(indices.get(0)).containsExactly(0, 2, 3);
            assertThat(indices.get(1)).containsExactly(8, 9, 10, 11);
            assertThat(loader.skippedSamples()).isEqualTo(5);
        }
        try (ParallelLoader loader = new ParallelLoader(new Numbers(12, Set.of(1L, 4L, 5L, 6L, 7L)),
                new SequentialSampler(12), (s, r) -> s, skip, "numbers")) {
            assertThatThrownBy(() -> epoch(loader, 0, 0, new ArrayList<>()))
                    .hasMessageContaining("more than 3 bad samples were skipped").hasMessageContaining("max_bad_samples");
        }
    }

    @Test
    void mixedShapesInOneBatchAreRefusedWithBothSamples() {
        Transform ragged = (s, r) -> s.index() == 2 ? s.withInput(NdArray.of(new float[4], 1, 2, 2))
                : s.withInput(s.input().asFloat32());
        try (ParallelLoader loader = new ParallelLoader(new Numbers(4, Set.of()), new SequentialSampler(4), ragged,
                LoaderSettings.of(4, 0, 0), "numbers")) {
            assertThatThrownBy(() -> epoch(loader, 0, 0, new ArrayList<>()))
                    .hasMessageContaining("(sample 2)").hasMessageContaining("sample 0's").hasMessageContaining("crop");
        }
    }

    @Test
    void abandoningAnEpochMidwayLetsTheNextOneStartCleanly() {
        try (ParallelLoader loader = new ParallelLoader(new Numbers(100, Set.of()), new SequentialSampler(100), JITTER,
                LoaderSettings.of(5, 3, 11), "numbers")) {
            Iterator<Batch> first = loader.epoch(0, 0);
            try (StepScope scope = new StepScope()) {
                first.next();
            }
            assertThat(epoch(loader, 1, 0, new ArrayList<>())).hasSize(20);
            assertThat(first.hasNext()).isFalse();
        }
    }

    @Test
    void randomStreamsOfNeighbouringSamplesDiffer() {
        SplittableRandom a = BatchAssembler.sampleRandom(1, 0, 0);
        SplittableRandom b = BatchAssembler.sampleRandom(1, 0, 1);
        assertThat(a.nextLong()).isNotEqualTo(b.nextLong());
    }
}
