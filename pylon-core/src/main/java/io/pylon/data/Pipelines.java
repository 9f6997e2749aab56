package io.pylon.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.pylon.PylonUserException;
import io.pylon.data.cache.DiskCache;
import io.pylon.data.cache.MemoryCache;
import io.pylon.data.loader.BadSamplePolicy;
import io.pylon.data.loader.LoaderSettings;
import io.pylon.data.loader.ParallelLoader;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.data.sampler.Sampler;
import io.pylon.data.sampler.SequentialSampler;
import io.pylon.data.sampler.WeightedSampler;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Identity;
import io.pylon.data.transform.Transform;
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
            TransformChains chains, long seed) {
        return splits(train, val, test, config, chains, seed, new Identity());
    }

    /**
     * As above, with {@code decode} applied before the configured transforms on every split: a dataset's own
     * deterministic conversion (e.g. pixel scaling), which the configured chain builds on.
     */
    public static DataSplits splits(Dataset train, Dataset val, Optional<Dataset> test, DataConfig config,
            TransformChains chains, long seed, Transform decode) {
        List<Transform> sharedSteps = new ArrayList<>(List.of(decode));
        sharedSteps.addAll(chains.transforms().steps());
        Compose shared = new Compose(sharedSteps);
        Compose augment = chains.augment();
        List<Transform> trainSteps = new ArrayList<>(shared.steps());
        trainSteps.addAll(augment.steps());
        Compose trainChain = new Compose(trainSteps);
        DataSpec spec = spec(train, trainChain, config, seed);
        BadSamplePolicy policy = "skip".equals(config.onBadSample())
                ? BadSamplePolicy.skipUpTo(config.maxBadSamples()) : BadSamplePolicy.FAIL;
        Prepared trainSet = prepare(train, trainChain, config, config.limitTrain());
        Sampler order = trainOrder(trainSet.data(), config, seed);
        LoaderSettings trainSettings = new LoaderSettings(config.batchSize(), config.dropLast(), config.workers(),
                config.prefetch(), seed, policy);
        DataLoader trainLoader = new ParallelLoader(trainSet.data(), order, trainSet.transform(), trainSettings,
                "train data");
        DataLoader valLoader = evalLoader(prepare(val, shared, config, config.limitVal()), config, seed, policy,
                "val");
        DataLoader testLoader = test.map(t -> evalLoader(prepare(t, shared, config, config.limitTest()), config,
                seed, policy, "test")).orElseGet(EmptyLoader::new);
        return new DataSplits(trainLoader, valLoader, testLoader, spec);
    }

    /**
     * The training order: class-weighted draws with replacement when {@code class_weights} or {@code balanced}
     * is set (one epoch = as many draws as samples), else a shuffle or the file order.
     */
    static Sampler trainOrder(Dataset train, DataConfig config, long seed) {
        long n = train.size();
        if (config.classWeights().isEmpty() && !config.balanced()) {
            return config.shuffle() ? new RandomSampler(n, seed) : new SequentialSampler(n);
        }
        long[] labels = new long[Math.toIntExact(n)];
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.classOf(i);
            counts.merge(labels[i], 1L, Long::sum);
        }
        List<Double> weights = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            long label = labels[i];
            if (config.balanced()) {
                weights.add(1.0 / counts.get(label));
            } else if (label < 0 || label >= config.classWeights().size()) {
                throw new PylonUserException("data.class_weights has " + config.classWeights().size()
                        + " entries but training sample " + i + " has class " + label + "; give one weight per class");
            } else {
                weights.add(config.classWeights().get((int) label));
            }
        }
        return new WeightedSampler(weights, n, true, seed);
    }

    /** A split's dataset behind its caches, and what the loader still has to apply. */
    private record Prepared(Dataset data, Transform transform) {
    }

    /**
     * With {@code cache_dir}, the chain's deterministic head is applied once and kept on disk (the loader
     * applies the rest, with the same random streams it would have drawn); with {@code cache_memory_mb},
     * samples are also kept in memory after reading.
     */
    private static Prepared prepare(Dataset data, Compose chain, DataConfig config, long limit) {
        Dataset source = data;
        Transform rest = chain;
        if (config.cacheDir().isPresent() && !chain.deterministicPrefix().steps().isEmpty()) {
            source = DiskCache.open(Path.of(config.cacheDir().get()), source, chain.deterministicPrefix());
            rest = chain.remainder();
        }
        if (config.cacheMemoryMb() > 0) {
            source = new MemoryCache(source, config.cacheMemoryMb() << 20);
        }
        return new Prepared(Subset.limit(source, limit), rest);
    }

    private static DataLoader evalLoader(Prepared split, DataConfig config, long seed, BadSamplePolicy policy,
            String name) {
        LoaderSettings settings = new LoaderSettings(config.evalBatchSize(), false, config.workers(),
                config.prefetch(), seed, policy);
        return new ParallelLoader(split.data(), new SequentialSampler(split.data().size()), split.transform(),
                settings, name + " data");
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
