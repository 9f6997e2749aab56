package io.pylon.data;

import java.util.List;
import java.util.Optional;

import io.pylon.config.Binder;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;

/**
 * The {@code data:} config section.
 *
 * @param name a dataset ({@code fashion_mnist}) or a file format ({@code image_folder}, {@code npy} ...)
 *     whose per-split sections {@code train}, {@code val}, {@code test} say where the files are
 * @param root folder holding the dataset's files; empty means the dataset's system location
 * @param batchSize training batch size
 * @param evalBatchSize batch size for val and test (no gradients, so larger batches fit)
 * @param valSize samples held out from the end of the training data for validation (when no {@code val}
 *     section is given)
 * @param limitTrain use only the first N training samples; 0 = all (quick experiments, smoke tests)
 * @param limitVal use only the first N validation samples; 0 = all
 * @param limitTest use only the first N test samples; 0 = all
 * @param shuffle reshuffle the training set every epoch (val and test are never shuffled)
 * @param dropLast drop the last, incomplete training batch
 * @param normalize standardise inputs with the dataset's mean and standard deviation (built-in datasets)
 * @param workers loader threads that read, transform and collate batches (0 = on the training thread)
 * @param prefetch batches prepared ahead of the training loop
 * @param transforms transforms for every split (preprocessing: to_float, normalize, resize ...)
 * @param augment transforms for the training split only, after {@code transforms} (random crops, flips ...)
 * @param onBadSample {@code fail} (default) or {@code skip}: leave unreadable samples out and log them
 * @param maxBadSamples with {@code skip}, the most samples skipped before the run stops anyway
 * @param numClasses classes of the target; 0 = as the dataset says (an image folder's sub-folders)
 * @param train the training split's section of a file format (its path and options)
 * @param val the validation split's section; empty = hold out {@code val_size} training samples
 * @param test the test split's section; empty = no test split
 * @param cacheMemoryMb keep up to this many MiB of decoded samples in memory; 0 = no memory cache
 * @param classWeights sample training data with replacement, class {@code k} with weight
 *     {@code class_weights[k]} per sample (empty = off)
 * @param balanced sample training data with replacement, each class equally often (weights 1 / class count)
 * @param cacheDir keep preprocessed samples (the deterministic head of {@code transforms}) in this folder
 *     across runs
 */
public record DataConfig(
        @Default("fashion_mnist") String name,
        @Default("null") Optional<String> root,
        @Default("128") int batchSize,
        @Default("512") int evalBatchSize,
        @Default("5000") int valSize,
        @Default("0") long limitTrain,
        @Default("0") long limitVal,
        @Default("0") long limitTest,
        @Default("true") boolean shuffle,
        @Default("false") boolean dropLast,
        @Default("true") boolean normalize,
        @Default("2") int workers,
        @Default("4") int prefetch,
        @Default("[]") ConfigNode transforms,
        @Default("[]") ConfigNode augment,
        @Default("fail") String onBadSample,
        @Default("100") long maxBadSamples,
        @Default("0") int numClasses,
        @Default("{}") MapNode train,
        @Default("{}") MapNode val,
        @Default("{}") MapNode test,
        @Default("0") long cacheMemoryMb,
        @Default("null") Optional<String> cacheDir,
        @Default("[]") List<Double> classWeights,
        @Default("false") boolean balanced) {

    public DataConfig {
        InvalidValueException.require(name != null && !name.isBlank(), "name", "must name a dataset, got '%s'", name);
        InvalidValueException.require(root != null, "root", "must be a folder or null");
        InvalidValueException.require(root.isEmpty() || !root.get().isBlank(), "root",
                "must be a folder or null, got an empty string");
        InvalidValueException.require(batchSize >= 1, "batch_size", "must be >= 1, got %d", batchSize);
        InvalidValueException.require(evalBatchSize >= 1, "eval_batch_size", "must be >= 1, got %d", evalBatchSize);
        InvalidValueException.require(valSize >= 0, "val_size", "must be >= 0, got %d", valSize);
        InvalidValueException.require(limitTrain >= 0, "limit_train", "must be >= 0 (0 = all), got %d", limitTrain);
        InvalidValueException.require(limitVal >= 0, "limit_val", "must be >= 0 (0 = all), got %d", limitVal);
        InvalidValueException.require(limitTest >= 0, "limit_test", "must be >= 0 (0 = all), got %d", limitTest);
        InvalidValueException.require(workers >= 0, "workers", "must be >= 0 (0 = load on the training thread), got %d",
                workers);
        InvalidValueException.require(prefetch >= 1, "prefetch", "must be >= 1, got %d", prefetch);
        InvalidValueException.require("fail".equals(onBadSample) || "skip".equals(onBadSample), "on_bad_sample",
                "must be fail or skip, got '%s'", onBadSample);
        InvalidValueException.require(maxBadSamples >= 0, "max_bad_samples", "must be >= 0, got %d", maxBadSamples);
        InvalidValueException.require(numClasses >= 0, "num_classes", "must be >= 0 (0 = from the dataset), got %d",
                numClasses);
        InvalidValueException.require(cacheMemoryMb >= 0, "cache_memory_mb", "must be >= 0 (0 = off), got %d",
                cacheMemoryMb);
        InvalidValueException.require(cacheDir != null && (cacheDir.isEmpty() || !cacheDir.get().isBlank()),
                "cache_dir", "must be a folder or null");
        InvalidValueException.require(classWeights != null && classWeights.stream().allMatch(w -> w >= 0
                && Double.isFinite(w)), "class_weights", "must be finite weights >= 0, got %s", classWeights);
        InvalidValueException.require(classWeights.isEmpty() || classWeights.stream().anyMatch(w -> w > 0),
                "class_weights", "needs at least one positive weight, got %s", classWeights);
        InvalidValueException.require(!(balanced && !classWeights.isEmpty()), "balanced",
                "and class_weights both choose the sampling weights; set only one");
        classWeights = List.copyOf(classWeights);
    }

    /** The first eleven settings, the rest at their defaults (code and tests that build a config by hand). */
    public DataConfig(String name, Optional<String> root, int batchSize, int evalBatchSize, int valSize,
            long limitTrain, long limitVal, long limitTest, boolean shuffle, boolean dropLast, boolean normalize) {
        this(name, root, batchSize, evalBatchSize, valSize, limitTrain, limitVal, limitTest, shuffle, dropLast,
                normalize, 2, 4, emptyList(), emptyList(), "fail", 100, 0, emptyMap(), emptyMap(), emptyMap(), 0,
                Optional.empty(), List.of(), false);
    }

    /** The defaults of the annotations above, for code and tests that build a config without a file. */
    public static DataConfig defaults() {
        return Binder.bind(emptyMap(), "data", DataConfig.class);
    }

    public DataConfig withRoot(String folder) {
        return new DataConfig(name, Optional.of(folder), batchSize, evalBatchSize, valSize, limitTrain, limitVal,
                limitTest, shuffle, dropLast, normalize, workers, prefetch, transforms, augment, onBadSample,
                maxBadSamples, numClasses, train, val, test, cacheMemoryMb, cacheDir, classWeights, balanced);
    }

    /** Whether any transform is configured (then samples go through the threaded loader). */
    public boolean hasTransforms() {
        return !(isEmptyList(transforms) && isEmptyList(augment));
    }

    private static boolean isEmptyList(ConfigNode node) {
        return node instanceof ListNode list && list.items().isEmpty()
                || node instanceof ScalarNode scalar && scalar.isNull();
    }

    private static ListNode emptyList() {
        return new ListNode(List.of(), Origin.described("default"));
    }

    private static MapNode emptyMap() {
        return MapNode.empty(Origin.described("default"));
    }
}
