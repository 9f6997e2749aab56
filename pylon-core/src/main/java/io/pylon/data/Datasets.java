package io.pylon.data;

import java.util.Set;

import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;

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
        return REGISTRY.get(config.name()).open(config, seed);
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
