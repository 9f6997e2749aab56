package io.pylon.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.pylon.PylonUserException;
import io.pylon.config.ConfigException;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/** The entry point the trainer calls: dataset name to loaders. */
public final class Datasets {

    private static final Registry<DatasetFactory> REGISTRY = new Registry<DatasetFactory>("dataset")
            .register(FashionMnist.NAME, FashionMnist::open);

    private Datasets() {
    }

    /**
     * Opens the dataset {@code config.name()}.
     *
     * @throws io.pylon.registry.UnknownNameException for an unknown name (the message lists the known ones)
     * @throws io.pylon.PylonUserException for missing or corrupt data files
     */
    public static DataSplits open(DataConfig config, long seed) {
        Plugins.loadOnce();
        String name = config.name();
        if (REGISTRY.names().contains(name)) {
            return REGISTRY.get(name).open(config, seed);
        }
        if (DatasetFormats.contains(name)) {
            return openFormat(config, seed);
        }
        Set<String> known = new TreeSet<>(REGISTRY.names());
        known.addAll(DatasetFormats.names());
        throw new UnknownNameException("dataset or format", name, known);
    }

    /**
     * A file format's splits: {@code data.train} (required), {@code data.val} (or the last {@code val_size}
     * training samples), {@code data.test} (optional).
     */
    private static DataSplits openFormat(DataConfig config, long seed) {
        String name = config.name();
        if (config.train().entries().isEmpty()) {
            throw new ConfigException(config.train().origin(), "data.train", "format '" + name
                    + "' needs a data.train section saying where the training files are");
        }
        Dataset train = DatasetFormats.open(name, config.train(), "data.train");
        List<Dataset> opened = new ArrayList<>(List.of(train));
        Dataset val;
        if (!config.val().entries().isEmpty()) {
            val = DatasetFormats.open(name, config.val(), "data.val");
            opened.add(val);
        } else {
            long n = train.size();
            if (config.valSize() >= n) {
                throw new PylonUserException("data.val_size is " + config.valSize() + " but the training data holds "
                        + n + " samples; set data.val_size below " + n + " or give a data.val section");
            }
            val = new Subset(train, n - config.valSize(), n);
            train = new Subset(train, 0, n - config.valSize());
        }
        Optional<Dataset> test = config.test().entries().isEmpty() ? Optional.empty()
                : Optional.of(DatasetFormats.open(name, config.test(), "data.test"));
        test.ifPresent(opened::add);
        return Pipelines.splits(train, val, test, config, seed).owning(opened);
    }

    /** Adds a dataset (plugins); a name can be registered once. */
    public static void register(String name, DatasetFactory factory) {
        REGISTRY.register(name, factory);
    }

    public static Set<String> names() {
        Plugins.loadOnce();
        return REGISTRY.names();
    }

    /**
     * Standard loaders over in-memory splits: the training loader shuffles with {@code seed} and honours
     * drop_last; val and test keep file order and the eval batch size.
     */
    public static DataSplits inMemory(LabelledTensors train, LabelledTensors val, LabelledTensors test,
            DataSpec spec, DataConfig config, long seed) {
        DataLoader trainLoader = new InMemoryLoader(train,
                new LoaderOptions(config.batchSize(), config.shuffle(), seed, config.dropLast(), config.limitTrain()));
        DataLoader valLoader = new InMemoryLoader(val,
                new LoaderOptions(config.evalBatchSize(), false, seed, false, config.limitVal()));
        DataLoader testLoader = new InMemoryLoader(test,
                new LoaderOptions(config.evalBatchSize(), false, seed, false, config.limitTest()));
        return new DataSplits(trainLoader, valLoader, testLoader, spec);
    }
}
