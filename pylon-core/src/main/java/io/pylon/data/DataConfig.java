package io.pylon.data;

import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * The {@code data:} config section.
 *
 * @param name dataset name, looked up in {@link Datasets}
 * @param root folder holding the dataset's files; empty means the dataset's system location
 * @param batchSize training batch size
 * @param evalBatchSize batch size for val and test (no gradients, so larger batches fit)
 * @param valSize samples held out from the end of the training file for validation
 * @param limitTrain use only the first N training samples; 0 = all (quick experiments, smoke tests)
 * @param limitVal use only the first N validation samples; 0 = all
 * @param limitTest use only the first N test samples; 0 = all
 * @param shuffle reshuffle the training set every epoch (val and test are never shuffled)
 * @param dropLast drop the last, incomplete training batch
 * @param normalize standardise inputs with the dataset's mean and standard deviation
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
        @Default("true") boolean normalize) {

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
    }

    /** The defaults above, for code and tests that build a config without the binder. */
    public static DataConfig defaults() {
        return new DataConfig("fashion_mnist", Optional.empty(), 128, 512, 5000, 0, 0, 0, true, false, true);
    }

    public DataConfig withRoot(String folder) {
        return new DataConfig(name, Optional.of(folder), batchSize, evalBatchSize, valSize, limitTrain, limitVal,
                limitTest, shuffle, dropLast, normalize);
    }
}
