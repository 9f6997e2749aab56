package io.pylon.cli.data;

import java.util.List;
import java.util.Optional;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.MapNode;
import io.pylon.data.DataConfig;
import io.pylon.data.DataPlan;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.FashionMnistDataset;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;

/**
 * Where {@code pylon data pack} reads samples from: a split of a built-in dataset, or a registered file format
 * opened from {@code key=value} parameters, or the data section of an experiment config.
 */
interface DatasetSource {

    /** The splits this source has; a source without splits has the single split {@code ""}. */
    List<String> splits();

    /** Opens {@code split}, one of {@link #splits()}. */
    Dataset open(String split);

    /** A built-in dataset by name; only {@code fashion_mnist} reads split-wise for now. */
    static DatasetSource builtIn(String name, Optional<String> root, int valSize) {
        if (!name.equals("fashion_mnist")) {
            throw new PylonUserException("--dataset " + name + " cannot be packed; built-in datasets that can:"
                    + " [fashion_mnist]. Other data can be packed with --format NAME --param key=value");
        }
        return new DatasetSource() {
            @Override
            public List<String> splits() {
                return FashionMnistDataset.SPLITS;
            }

            @Override
            public Dataset open(String split) {
                return FashionMnistDataset.open(root, split, valSize);
            }
        };
    }

    /**
     * The {@code data:} section of an experiment config: a built-in dataset's splits, or a format's
     * {@code data.train}, {@code data.val} and {@code data.test} sections (those given). Samples are packed as
     * read, before any configured transform.
     */
    static DatasetSource config(Config config, Components components) {
        MapNode section = Binder.bindValue(config.root().get("data").orElse(MapNode.empty(config.root().origin())),
                "data", MapNode.class);
        DataPlan plan = Datasets.resolve(new ComponentBinder(components), section);
        DataConfig data = plan.config();
        if (plan.dataset().isPresent()) {
            return builtIn(data.name(), data.root(), data.valSize());
        }
        return new DatasetSource() {
            @Override
            public List<String> splits() {
                return List.of("train", "val", "test").stream().filter(plan.splits()::containsKey).toList();
            }

            @Override
            public Dataset open(String split) {
                return plan.splits().get(split).create(null);
            }
        };
    }

    /** A format of {@link DatasetFormats}, its parameters given as {@code key=value} (YAML values). */
    static DatasetSource format(String name, List<String> params, Components components) {
        if (!components.contains(DatasetFormats.KIND, name)) {
            throw new PylonUserException("--format " + name + " is not a known dataset format; known formats: "
                    + String.join(", ", components.names(DatasetFormats.KIND)));
        }
        Config section = Config.parse("{}", "--param").withOverrides(params);
        Bound<Void, Dataset> format = new ComponentBinder(components).bindParams(
                components.get(DatasetFormats.KIND, name), section.root(), "--param");
        return new DatasetSource() {
            @Override
            public List<String> splits() {
                return List.of("");
            }

            @Override
            public Dataset open(String split) {
                return format.create(null);
            }
        };
    }
}
