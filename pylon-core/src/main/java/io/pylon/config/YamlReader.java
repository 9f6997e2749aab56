package io.pylon.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into {@link ConfigNode} trees whose nodes carry file and line. Uses SnakeYAML's
 * composed node tree (which has line marks) rather than its object construction (which has none).
 */
public final class YamlReader {

    /** Tag our resolver gives to untagged plain scalars, so that quoted and {@code !!str} text stays text. */
    private static final Tag PLAIN = new Tag("tag:pylon.io,2025:plain");

    private YamlReader() {
    }

    /** Reads a config file; its top level must be a mapping (an empty file is an empty map). */
    public static MapNode readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Origin.described(file.toString()), "", "file not found", e);
        } catch (IOException e) {
            throw new ConfigException(Origin.described(file.toString()), "", "cannot read: " + e.getMessage(), e);
        }
        return readDocument(text, file.toString());
    }

    /** Reads one YAML document named {@code source} in messages; its top level must be a mapping. */
    public static MapNode readDocument(String text, String source) {
        Node node = compose(text, Origin.file(source, 1), source);
        if (node == null) {
            return MapNode.empty(Origin.file(source, 1));
        }
        ConfigNode root = convert(node, source, null);
        if (root instanceof MapNode map) {
            return map;
        }
        throw new ConfigException(root.origin(), "", "the top level of a config must be a mapping of keys to values");
    }

    /**
     * Reads a single value written as YAML ({@code 3}, {@code 1e-3}, {@code [1, 2]}, {@code {a: 1}},
     * {@code 'text'}); every node of the result gets {@code origin}.
     */
    public static ConfigNode readValue(String text, Origin origin) {
        Node node = compose(text, origin, null);
        if (node == null) {
            return new ScalarNode(null, origin);
        }
        return convert(node, null, origin);
    }

    private static Node compose(String text, Origin origin, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new PlainMarkingResolver());
        try {
            return yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Origin at = source != null && mark != null ? Origin.file(source, mark.getLine() + 1) : origin;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " " + e.getContext() : "";
            throw new ConfigException(at, "", "bad YAML syntax: " + problem.strip() + context, e);
        } catch (YAMLException e) {
            throw new ConfigException(origin, "", "bad YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Converts a composed node. With a {@code source}, origins are that file's lines; otherwise every
     * node gets {@code fixed} (values typed on the command line have no lines).
     */
    private static ConfigNode convert(Node node, String source, Origin fixed) {
        Origin origin = fixed != null ? fixed : Origin.file(source, node.getStartMark().getLine() + 1);
        return switch (node.getNodeId()) {
            case mapping -> convertMap((MappingNode) node, source, fixed, origin);
            case sequence -> {
                List<ConfigNode> items = new ArrayList<>();
                for (Node item : ((SequenceNode) node).getValue()) {
                    items.add(convert(item, source, fixed));
                }
                yield new ListNode(items, origin);
            }
            case scalar -> new ScalarNode(scalarValue((org.yaml.snakeyaml.nodes.ScalarNode) node, origin), origin);
            case anchor -> throw new ConfigException(origin, "", "unexpected YAML anchor node");
        };
    }

    private static MapNode convertMap(MappingNode node, String source, Origin fixed, Origin origin) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            // A value's origin is its key's line: a nested block starts a line later than the key the user reads.
            Origin keyOrigin = fixed != null ? fixed : Origin.file(source, keyNode.getStartMark().getLine() + 1);
            if (keyNode.getNodeId() != NodeId.scalar) {
                throw new ConfigException(keyOrigin, "", "mapping keys must be plain text, not a list or map");
            }
            String key = ((org.yaml.snakeyaml.nodes.ScalarNode) keyNode).getValue();
            if (key.equals("<<")) {
                throw new ConfigException(keyOrigin, key, "YAML merge keys are not supported; use a defaults list");
            }
            if (entries.containsKey(key)) {
                throw new ConfigException(keyOrigin, key, "duplicate key; each key may appear once in a mapping");
            }
            ConfigNode value = convert(tuple.getValueNode(), source, fixed);
            entries.put(key, reorigin(value, keyOrigin));
        }
        return new MapNode(entries, origin);
    }

    private static ConfigNode reorigin(ConfigNode node, Origin origin) {
        return switch (node) {
            case MapNode map -> new MapNode(map.entries(), origin);
            case ListNode list -> new ListNode(list.items(), origin);
            case ScalarNode scalar -> new ScalarNode(scalar.value(), origin);
        };
    }

    private static Object scalarValue(org.yaml.snakeyaml.nodes.ScalarNode node, Origin origin) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(PLAIN)) {
            return ScalarResolver.resolvePlain(text);
        }
        if (tag.equals(Tag.STR)) {
            return text;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        Object typed = tag.equals(Tag.BOOL) ? ScalarResolver.resolveBoolean(text).orElse(null)
                : tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? ScalarResolver.resolveNumber(text).orElse(null)
                : null;
        if (typed == null) {
            throw new ConfigException(origin, "", "cannot read '" + text + "' as " + tag);
        }
        return tag.equals(Tag.FLOAT) && typed instanceof Long l ? (Object) l.doubleValue() : typed;
    }

    /** Marks untagged plain scalars instead of resolving them by YAML 1.1 rules (see {@link ScalarResolver}). */
    private static final class PlainMarkingResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
