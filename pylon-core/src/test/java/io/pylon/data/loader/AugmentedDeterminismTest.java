package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.Config;
import io.pylon.data.ArrayDataset;
import io.pylon.data.Batch;
import io.pylon.data.Dataset;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transforms;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

/**
 * The determinism contract with real augmentation chains: the batches of an epoch (inputs and dense
 * labels) are bit-identical with 1, 2 and 8 loader threads.
 */
class AugmentedDeterminismTest {

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    private static Compose chain(String yaml) {
        return Transforms.chain(TestComponents.BINDER, Config.parse("chain: " + yaml, "test").root().get("chain").orElseThrow(), "chain");
    }

    private static List<byte[]> epoch(Dataset data, Compose chain, int workers, int batchSize) {
        List<byte[]> out = new ArrayList<>();
        try (ParallelLoader loader = new ParallelLoader(data, new RandomSampler(data.size(), 17), chain,
                LoaderSettings.of(batchSize, workers, 99), "determinism")) {
            for (int epoch = 0; epoch < 2; epoch++) {
                Iterator<Batch> batches = loader.epoch(epoch, 0);
                while (batches.hasNext()) {
                    try (StepScope scope = new StepScope()) {
                        Batch batch = batches.next();
                        out.add(Tensors.toBytes(batch.inputs()));
                        out.add(Tensors.toBytes(batch.targets()));
                    }
                }
            }
        }
        return out;
    }

    private static void assertSameForOneTwoAndEightThreads(Dataset data, Compose chain, int batchSize) {
        List<byte[]> one = epoch(data, chain, 1, batchSize);
        for (int workers : new int[] {2, 8}) {
            List<byte[]> many = epoch(data, chain, workers, batchSize);
            assertThat(many).hasSameSizeAs(one);
            for (int i = 0; i < one.size(); i++) {
                assertThat(many.get(i)).as("tensor %d with %d threads", i, workers).isEqualTo(one.get(i));
            }
        }
    }

    @Test
    void imageAugmentationIsIdenticalWithOneTwoAndEightThreads() {
        int n = 48;
        float[] pixels = new float[n * 28 * 28];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        long[] labels = new long[n];
        Dataset data = new ArrayDataset(NdArray.of(pixels, n, 1, 28, 28), NdArray.of(labels, n), false, "images",
                List.of());
        Compose chain = chain("[{name: random_crop, size: [28, 28], padding: 4}, {name: flip, axes: [1], p: 0.5},"
                + " {name: affine, rotate: [-15, 15], scale: [0.9, 1.1], translate: [-0.1, 0.1]},"
                + " {name: gaussian_noise, std: [0.05]}, {name: normalize, mode: zscore}]");
        assertSameForOneTwoAndEightThreads(data, chain, 8);
    }

    @Test
    void volumeAugmentationWithLabelsIsIdenticalWithOneTwoAndEightThreads() {
        int n = 12;
        int side = 20;
        int voxels = side * side * side;
        float[] image = new float[n * voxels];
        byte[] labels = new byte[n * voxels];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextGaussian();
            labels[i] = (byte) (image[i] > 1 ? 1 : 0);
        }
        Dataset data = new ArrayDataset(NdArray.of(image, n, 1, side, side, side),
                NdArray.of(labels, DType.UINT8, n, side, side, side), true, "volumes", List.of());
        Compose chain = chain("[{name: random_crop, size: [12, 12, 12], min_foreground_ratio: 0.2, max_attempts: 5},"
                + " {name: flip, axes: [0, 1, 2]}, {name: rot90, plane: [1, 2]},"
                + " {name: elastic, spacing: [4], magnitude: [0, 2]}, {name: bias_field, p: 0.5},"
                + " {name: rician_noise, std: [0.05]}]");
        assertSameForOneTwoAndEightThreads(data, chain, 3);
    }
}
