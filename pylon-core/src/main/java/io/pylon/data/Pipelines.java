package io.pylon.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import io.pylon.PylonUserException;
import io.pylon.data.loader.BadSamplePolicy;
import io.pylon.data.loader.LoaderSettings;
import io.pylon.data.loader.ParallelLoader;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.data.sampler.Sampler;
import io.pylon.data.sampler.SequentialSampler;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Identity;
import io.pylon.data.transform.Transform;
import io.pylon.data.transform.Transforms;
import io.pylon.engine.Seeds;

/**
 * Turns datasets into the three loaders of a run as the {@code data:} section says: the
 * {@code transforms} chain for every split, {@code augment} after it for training only, limits, the
 * training shuffle, worker threads, prefetch and the bad-sample policy.
 */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * Loaders over {@code train}, {@code val} and (optionally) {@code test}. The input shape is that of the
     * first training sample after the training transforms; the class count comes from {@code num_classes} or
     * the training dataset's class names.
     */
    public static DataSplits splits(Dataset train, Dataset val, Optional<Dataset> test, DataConfig config,
            long seed) {
        return splits(train, val, test, config, seed, new Identity());
    }

    /**
     * As above, with {@code decode} applied before the configured transforms on every split: a dataset's own
     * deterministic conversion (e.g. pixel scaling), which the configured chain builds on.
     */
    public static DataSplits splits(Dataset train, Dataset val, Optional<Dataset> test, DataConfig config,
            long seed, Transform decode) {
        List<Transform> sharedSteps = new ArrayList<>(List.of(decode));
        sharedSteps.addAll(Transforms.chain(config.transforms(), "data.transforms").steps());
        Compose shared = new Compose(sharedSteps);
        Compose augment = Transforms.chain(config.augment(), "data.augment");
        List<Transform> trainSteps = new ArrayList<>(shared.steps());
        trainSteps.addAll(augment.steps());
        Compose trainChain = new Compose(trainSteps);
        DataSpec spec = spec(train, trainChain, config, seed);
        BadSamplePolicy policy = "skip".equals(config.onBadSample())
                ? BadSamplePolicy.skipUpTo(config.maxBadSamples()) : BadSamplePolicy.FAIL;
        Dataset trainSet = Subset.limit(train, config.limitTrain());
        Sampler order = config.shuffle() ? new RandomSampler(trainSet.size(), seed)
                : new SequentialSampler(trainSet.size());
        LoaderSettings trainSettings = new LoaderSettings(config.batchSize(), config.dropLast(), config.workers(),
                config.prefetch(), seed, policy);
        DataLoader trainLoader = new ParallelLoader(trainSet, order, trainChain, trainSettings, "train data");
        DataLoader valLoader = evalLoader(Subset.limit(val, config.limitVal()), shared, config, seed, policy, "val");
        DataLoader testLoader = test.map(t -> evalLoader(Subset.limit(t, config.limitTest()), shared, config, seed,
                policy, "test")).orElseGet(EmptyLoader::new);
        return new DataSplits(trainLoader, valLoader, testLoader, spec);
    }

    private static DataLoader evalLoader(Dataset data, Compose chain, DataConfig config, long seed,
            BadSamplePolicy policy, String split) {
        LoaderSettings settings = new LoaderSettings(config.evalBatchSize(), false, config.workers(),
                config.prefetch(), seed, policy);
        return new ParallelLoader(data, new SequentialSampler(data.size()), chain, settings, split + " data");
    }

    private static DataSpec spec(Dataset train, Transform chain, DataConfig config, long seed) {
        if (train.size() == 0) {
            throw new PylonUserException("the training data holds no samples; check data.train (or data.root)");
        }
        Sample first = chain.apply(train.get(0), new SplittableRandom(Seeds.derive(seed, 0, 0)));
        int classes = config.numClasses() > 0 ? config.numClasses() : train.classNames().size();
        if (classes < 1) {
            throw new PylonUserException("data." + config.name() + " does not know its number of classes; set"
                    + " data.num_classes");
        }
        return new DataSpec(first.input().shape(), classes);
    }
}
