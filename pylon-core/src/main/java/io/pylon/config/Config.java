package io.pylon.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pylon.config.override.ConfigOverride;
import io.pylon.config.override.OverrideParser;

/**
 * A resolved config: composed from a file and its defaults list, overridden from the command line and
 * interpolated. Sections are bound to records with {@link #bind}; {@link #toYaml} writes the tree so
 * that loading it back gives the same tree (every run saves it as {@code config.yaml}).
 */
public final class Config {

    private final MapNode root;
    /** The tree before interpolation, so that later overrides also reach values that refer to them. */
    private final MapNode uninterpolated;
    /** The primary file, when loaded from one, and the overrides it was loaded with. */
    private final Path file;
    private final List<String> overrides;

    private Config(MapNode uninterpolated, Path file, List<String> overrides) {
        this.uninterpolated = uninterpolated;
        this.root = Interpolator.resolve(uninterpolated);
        this.file = file;
        this.overrides = List.copyOf(overrides);
    }

    /** Composes {@code file} (with its defaults list), applies {@code overrides} and interpolates. */
    public static Config load(Path file, List<String> overrides) {
        List<ConfigOverride> parsed = OverrideParser.parseAll(overrides);
        Composer.Composition composition = Composer.compose(file, parsed);
        MapNode tree = OverrideApplier.applyAll(composition.tree(), composition.remainingOverrides());
        return new Config(tree, file, overrides);
    }

    /**
     * Reads one YAML document and interpolates it. A defaults list needs a folder of group files, so it
     * is only accepted by {@link #load}.
     */
    public static Config parse(String yaml, String sourceName) {
        MapNode tree = YamlReader.readDocument(yaml, sourceName);
        tree.get(Composer.DEFAULTS_KEY).ifPresent(defaults -> {
            throw new ConfigException(defaults.origin(), Composer.DEFAULTS_KEY,
                    "a defaults list needs the config's folder; load the config from its file");
        });
        return new Config(tree, null, List.of());
    }

    public MapNode root() {
        return root;
    }

    /** The node at a dotted key path ({@code trainer.max_epochs}, {@code model.layers.0}); "" is the root. */
    public Optional<ConfigNode> find(String keyPath) {
        return Navigation.find(root, Navigation.split(keyPath));
    }

    /** Binds a top-level section; an absent section binds from an empty map, so record defaults apply. */
    public <R extends Record> R bind(String sectionKey, Class<R> type) {
        ConfigNode section = root.get(sectionKey).orElseGet(() -> MapNode.empty(root.origin()));
        return Binder.bind(section, sectionKey, type);
    }

    /**
     * This config with more overrides. A config loaded from a file is composed again with all overrides
     * so far, so that group switches ({@code model=mlp}) work as on the first load; a parsed config gets
     * the overrides applied to its tree. Either way interpolation runs again, so {@code ${optim.lr}}
     * sees an overridden {@code optim.lr}.
     */
    public Config withOverrides(List<String> more) {
        if (file != null) {
            List<String> all = new ArrayList<>(overrides);
            all.addAll(more);
            return load(file, all);
        }
        return new Config(OverrideApplier.applyAll(uninterpolated, OverrideParser.parseAll(more)), null, List.of());
    }

    public String toYaml() {
        return YamlWriter.write(root);
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
