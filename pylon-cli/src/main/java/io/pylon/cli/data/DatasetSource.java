package io.pylon.cli.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.MapNode;
import io.pylon.data.DataConfig;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.FashionMnistDataset;

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
    static DatasetSource config(Config config) {
        DataConfig data = Binder.bind(config.root().get("data").orElse(MapNode.empty(config.root().origin())),
                "data", DataConfig.class);
        if (!DatasetFormats.contains(data.name())) {
            return builtIn(data.name(), data.root(), data.valSize());
        }
        Map<String, MapNode> sections = new LinkedHashMap<>();
        sections.put("train", data.train());
        sections.put("val", data.val());
        sections.put("test", data.test());
        sections.values().removeIf(section -> section.entries().isEmpty());
        return new DatasetSource() {
            @Override
            public List<String> splits() {
                return List.copyOf(sections.keySet());
            }

            @Override
            public Dataset open(String split) {
                return DatasetFormats.open(data.name(), sections.get(split), "data." + split);
            }
        };
    }

    /** A format of {@link DatasetFormats}, its parameters given as {@code key=value} (YAML values). */
    static DatasetSource format(String name, List<String> params) {
        if (!DatasetFormats.contains(name)) {
            throw new PylonUserException("--format " + name + " is not a known dataset format; known formats: "
                    + DatasetFormats.names());
        }
        Config section = Config.parse("{}", "--param").withOverrides(params);
        return new DatasetSource() {
            @Override
            public List<String> splits() {
                return List.of("");
            }

            @Override
            public Dataset open(String split) {
                return DatasetFormats.open(name, section.root(), "--param");
            }
        };
    }
}
