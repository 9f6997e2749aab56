package io.pylon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.pylon.config.override.ConfigOverride;
import io.pylon.config.override.SetValue;

/**
 * Hydra-like composition of a primary config file: its {@code defaults:} list pulls in group files
 * ({@code - model: cnn} reads {@code model/cnn.yaml} next to the primary file and puts its content
 * under {@code model}), merged in list order with the file's own content at {@code _self_} (last if
 * absent). An override {@code model=mlp} naming a group switches that group's choice.
 */
final class Composer {

    static final String DEFAULTS_KEY = "defaults";
    private static final String SELF = "_self_";

    /** The composed tree and the overrides that were not group switches, still to be applied. */
    record Composition(MapNode tree, List<ConfigOverride> remainingOverrides) {
    }

    /** One entry of the defaults list. */
    private sealed interface Entry permits Self, Group {
    }

    private record Self() implements Entry {
    }

    /** {@code choice} null means "no file for this group" ({@code - model: null}). */
    private record Group(String name, String choice, Origin origin, String keyPath) implements Entry {
    }

    private Composer() {
    }

    static Composition compose(Path file, List<ConfigOverride> overrides) {
        MapNode primary = YamlReader.readFile(file);
        MapNode own = primary.without(DEFAULTS_KEY);
        List<Entry> entries = primary.get(DEFAULTS_KEY)
                .map(Composer::readDefaults)
                .orElseGet(() -> List.of(new Self()));
        List<ConfigOverride> remaining = new ArrayList<>();
        entries = switchGroups(entries, overrides, remaining);
        if (entries.stream().noneMatch(entry -> entry instanceof Self)) {
            entries = new ArrayList<>(entries);
            entries.add(new Self());
        }
        Path folder = file.toAbsolutePath().getParent();
        Path shownFolder = file.getParent() == null ? Path.of("") : file.getParent();
        MapNode tree = MapNode.empty(primary.origin());
        for (Entry entry : entries) {
            tree = switch (entry) {
                case Self self -> Merger.merge(tree, own);
                case Group group when group.choice() == null -> tree;
                case Group group -> Merger.merge(tree, readGroup(group, folder, shownFolder));
            };
        }
        return new Composition(tree, List.copyOf(remaining));
    }

    private static List<Entry> readDefaults(ConfigNode node) {
        if (!(node instanceof ListNode list)) {
            throw new ConfigException(node.origin(), DEFAULTS_KEY,
                    "expected a list of '- group: choice' entries (and optionally '- _self_')");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Origin> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String keyPath = DEFAULTS_KEY + "." + i;
            Entry entry = readEntry(item, keyPath);
            String name = entry instanceof Group group ? group.name() : SELF;
            Origin previous = seen.putIfAbsent(name, item.origin());
            if (previous != null) {
                throw new ConfigException(item.origin(), keyPath,
                        "'" + name + "' appears twice in the defaults list (first at " + previous + ")");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Entry readEntry(ConfigNode item, String keyPath) {
        if (item instanceof ScalarNode scalar && SELF.equals(scalar.value())) {
            return new Self();
        }
        if (item instanceof MapNode map && map.entries().size() == 1) {
            Map.Entry<String, ConfigNode> only = map.entries().entrySet().iterator().next();
            String group = only.getKey();
            if (only.getValue() instanceof ScalarNode choice
                    && (choice.value() == null || choice.value() instanceof String)) {
                return new Group(group, (String) choice.value(), choice.origin(), keyPath);
            }
            throw new ConfigException(only.getValue().origin(), keyPath,
                    "the choice for group '" + group + "' must be a file name (without .yaml) or null");
        }
        throw new ConfigException(item.origin(), keyPath, "expected '- group: choice' or '- " + SELF + "'");
    }

    /** Applies overrides such as {@code model=mlp} to the group choices; the others are returned. */
    private static List<Entry> switchGroups(List<Entry> entries, List<ConfigOverride> overrides,
                                            List<ConfigOverride> remaining) {
        List<Entry> switched = new ArrayList<>(entries);
        for (ConfigOverride override : overrides) {
            int index = groupIndex(switched, override);
            if (index < 0) {
                remaining.add(override);
                continue;
            }
            Group group = (Group) switched.get(index);
            SetValue set = (SetValue) override;
            if (!(set.value() instanceof ScalarNode choice)
                    || !(choice.value() == null || choice.value() instanceof String)) {
                throw new ConfigException(override.origin(), group.name(),
                        "'" + group.name() + "' is a config group: give a file name from its folder (or null)");
            }
            switched.set(index, new Group(group.name(), (String) choice.value(), override.origin(), group.keyPath()));
        }
        return switched;
    }

    private static int groupIndex(List<Entry> entries, ConfigOverride override) {
        if (!(override instanceof SetValue)) {
            return -1;
        }
        String path = override.path().toString();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Group group && groupKeyPath(group.name()).equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** A group in a sub-folder ({@code optim/schedule}) lands under the nested key path {@code optim.schedule}. */
    private static String groupKeyPath(String group) {
        return group.replace('/', '.');
    }

    private static MapNode readGroup(Group group, Path folder, Path shownFolder) {
        Path groupFolder = folder.resolve(group.name());
        Path file = groupFolder.resolve(group.choice() + ".yaml");
        Path shownFile = shownFolder.resolve(group.name()).resolve(group.choice() + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(group.origin(), group.keyPath(), "no config file " + shownFile
                    + " for group '" + group.name() + "'; " + available(groupFolder, shownFolder.resolve(group.name())));
        }
        MapNode content = YamlReader.readFile(shownFile.isAbsolute() ? file : shownFile);
        if (content.entries().containsKey(DEFAULTS_KEY)) {
            throw new ConfigException(content.get(DEFAULTS_KEY).orElseThrow().origin(), DEFAULTS_KEY,
                    "a defaults list is only read from the primary config, not from group files");
        }
        List<String> keys = List.of(groupKeyPath(group.name()).split("\\."));
        ConfigNode nested = content;
        for (int i = keys.size() - 1; i >= 0; i--) {
            nested = new MapNode(Map.of(keys.get(i), nested), content.origin());
        }
        return (MapNode) nested;
    }

    private static String available(Path groupFolder, Path shownGroupFolder) {
        if (!Files.isDirectory(groupFolder)) {
            return "the folder " + shownGroupFolder + " does not exist";
        }
        try (Stream<Path> files = Files.list(groupFolder)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted()
                    .toList();
            return names.isEmpty() ? "the folder " + shownGroupFolder + " has no .yaml files"
                    : "available in " + shownGroupFolder + ": " + String.join(", ", names);
        } catch (IOException e) {
            return "the folder " + shownGroupFolder + " cannot be listed (" + e.getMessage() + ")";
        }
    }
}
