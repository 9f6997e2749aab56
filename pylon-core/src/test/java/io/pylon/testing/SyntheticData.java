package io.pylon.testing;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.data.ArrayDataset;
import io.pylon.data.DataConfig;
import io.pylon.data.DataLoader;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.data.Dataset;
import io.pylon.data.InMemoryLoader;
import io.pylon.data.LabelledTensors;
import io.pylon.data.LoaderOptions;
import io.pylon.data.Pipelines;
import io.pylon.data.array.NdArray;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

/**
 * A learnable classification problem made from a seed: class = arg-max of a fixed random projection of
 * the features, so a small model can fit it and a loss curve means something.
 */
public final class SyntheticData {

    private SyntheticData() {
    }

    /** {@code problemSeed} fixes the labelling rule, {@code sampleSeed} the samples drawn from it. */
    public static LabelledTensors make(int samples, int features, int classes, long problemSeed, long sampleSeed) {
        Engine.start();
        Random rule = new Random(problemSeed);
        float[] projection = new float[features * classes];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) rule.nextGaussian();
        }
        Random random = new Random(sampleSeed);
        float[] x = new float[samples * features];
        long[] y = new long[samples];
        for (int s = 0; s < samples; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < features; f++) {
                x[s * features + f] = (float) random.nextGaussian();
            }
            for (int c = 0; c < classes; c++) {
                double score = 0;
                for (int f = 0; f < features; f++) {
                    score += x[s * features + f] * projection[f * classes + c];
                }
                if (score > best) {
                    best = score;
                    y[s] = c;
                }
            }
        }
        return new LabelledTensors(Tensors.fromFloats(x, samples, features), Tensors.fromLongs(y, samples));
    }

    /** Train/val/test splits of a synthetic problem with the given batch size, shuffled with {@code seed}. */
    public static DataSplits splits(int trainSamples, int features, int classes, int batchSize, long seed) {
        LabelledTensors train = make(trainSamples, features, classes, 7, seed);
        LabelledTensors val = make(64, features, classes, 7, seed + 1);
        LabelledTensors test = make(64, features, classes, 7, seed + 2);
        DataLoader trainLoader = new InMemoryLoader(train, new LoaderOptions(batchSize, true, seed, false, 0));
        return new DataSplits(trainLoader, new InMemoryLoader(val, LoaderOptions.sequential(32)),
                new InMemoryLoader(test, LoaderOptions.sequential(32)), new DataSpec(new long[] {features}, classes));
    }

    /**
     * The same problem through the threaded loader: {@code workers} threads apply a random augmentation
     * (Gaussian noise on the training split), so runs exercise per-sample seeding and resume.
     */
    public static DataSplits augmentedSplits(int trainSamples, int features, int classes, int batchSize, long seed,
            int workers) {
        String yaml = "{name: synthetic, batch_size: " + batchSize + ", eval_batch_size: 32, workers: " + workers
                + ", num_classes: " + classes + ", augment: [{name: gaussian_noise, std: [0.2]}]}";
        DataConfig config = Binder.bind(Config.parse(yaml, "synthetic").root(), "data", DataConfig.class);
        return Pipelines.splits(arrays(make(trainSamples, features, classes, 7, seed), "train"),
                arrays(make(64, features, classes, 7, seed + 1), "val"),
                Optional.of(arrays(make(64, features, classes, 7, seed + 2), "test")), config,
                TestComponents.chains(config), seed);
    }

    private static Dataset arrays(LabelledTensors data, String name) {
        long n = data.size();
        long features = Tensors.shape(data.inputs())[1];
        return new ArrayDataset(NdArray.of(Tensors.toFloats(data.inputs()), n, features),
                NdArray.of(Tensors.toLongs(data.targets()), n), false, name, List.of());
    }
}
