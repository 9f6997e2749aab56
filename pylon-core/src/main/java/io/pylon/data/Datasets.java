package io.pylon.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.Suggestions;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.registry.Components;
import io.pylon.registry.NoParams;

/**
 * The dataset kind ({@code fashion_mnist}) and the {@code data:} section: {@code data.name} names a dataset or a
 * {@link DatasetFormats file format}, whose per-split sections ({@code data.train}, {@code data.val},
 * {@code data.test}) bind to the format's params. {@link #resolve} checks all of it without opening anything;
 * {@link #open} opens.
 */
public final class Datasets {

    public static final ComponentKind<DataRequest, DataSplits> KIND = new ComponentKind<>("dataset", DataSplits.class);

    private static final List<String> SPLITS = List.of("train", "val", "test");

    private Datasets() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.register(KIND, FashionMnist.NAME, NoParams.class, (p, request) -> FashionMnist.open(request));
    }

    /**
     * Binds {@code section} (the {@code data:} map): the config, the transform chains, and the dataset or format
     * with each given split's params. Touches no file.
     */
    public static DataPlan resolve(ComponentBinder binder, MapNode section) {
        return plan(binder, Binder.bind(section, "data", DataConfig.class), section.get("name").orElse(section).origin());
    }

    /**
     * As {@link #resolve}, for a config already bound; {@code nameOrigin} is where {@code data.name} is written.
     */
    public static DataPlan plan(ComponentBinder binder, DataConfig config, Origin nameOrigin) {
        TransformChains chains = TransformChains.of(binder, config);
        Components components = binder.components();
        String name = config.name();
        if (components.contains(KIND, name)) {
            Bound<DataRequest, DataSplits> dataset = binder.bindParams(components.get(KIND, name),
                    MapNode.empty(nameOrigin), "data");
            return new DataPlan(config, chains, Optional.of(dataset), Map.of());
        }
        if (!components.contains(DatasetFormats.KIND, name)) {
            Set<String> known = new TreeSet<>(components.names(KIND));
            known.addAll(components.names(DatasetFormats.KIND));
            throw new ConfigException(nameOrigin, "data.name", "unknown dataset or format '" + name + "'"
                    + Suggestions.didYouMean(name, known) + " (known: " + String.join(", ", known) + ")");
        }
        if (config.train().entries().isEmpty()) {
            throw new ConfigException(config.train().origin(), "data.train", "format '" + name
                    + "' needs a data.train section saying where the training files are");
        }
        Map<String, Bound<Void, Dataset>> splits = new LinkedHashMap<>();
        Map<String, MapNode> sections = Map.of("train", config.train(), "val", config.val(), "test", config.test());
        for (String split : SPLITS) {
            MapNode params = sections.get(split);
            if (!params.entries().isEmpty()) {
                splits.put(split, binder.bindParams(components.get(DatasetFormats.KIND, name), params, "data." + split));
            }
        }
        return new DataPlan(config, chains, Optional.empty(), splits);
    }

    /**
     * Opens the data of {@code plan}.
     *
     * @throws io.pylon.PylonUserException for missing or corrupt data files
     */
    public static DataSplits open(DataPlan plan, long seed) {
        if (plan.dataset().isPresent()) {
            return plan.dataset().get().create(new DataRequest(plan.config(), plan.chains(), seed));
        }
        return openFormat(plan, seed);
    }

    /**
     * A file format's splits: {@code data.train} (required), {@code data.val} (or the last {@code val_size}
     * training samples), {@code data.test} (optional).
     */
    private static DataSplits openFormat(DataPlan plan, long seed) {
        DataConfig config = plan.config();
        List<Dataset> opened = new ArrayList<>();
        try {
            Dataset train = plan.splits().get("train").create(null);
            opened.add(train);
            Dataset val;
            if (plan.splits().containsKey("val")) {
                val = plan.splits().get("val").create(null);
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
            Optional<Dataset> test = Optional.empty();
            if (plan.splits().containsKey("test")) {
                test = Optional.of(plan.splits().get("test").create(null));
                opened.add(test.get());
            }
            return Pipelines.splits(train, val, test, config, plan.chains(), seed).owning(opened);
        } catch (RuntimeException e) {
            for (Dataset dataset : opened) {
                try {
                    dataset.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
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
