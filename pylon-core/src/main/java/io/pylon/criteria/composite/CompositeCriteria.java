package io.pylon.criteria.composite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.criteria.Criterion;

/**
 * Builds the composite criteria from config. {@code params} is the criterion's section without its
 * {@code name}; nested criteria are {@code {name: ..., <its params>}} maps, built by
 * {@code inner.apply(name, params-without-name)} unless the name is itself a composite. Shapes:
 *
 * <pre>
 * name: combined
 * terms:                       # at least one; name, weight (default 1) and label (default name) are
 *   - {name: dice, weight: 1.0}  # reserved, every other key goes to the term's criterion
 *   - {name: boundary, weight: 0.5, spacing: [1.0, 1.0]}
 * learnable_weights: false     # true: Kendall uncertainty weights, see CombinedLoss
 * schedule:                    # optional, by term label; the term's weight is multiplied by it
 *   dice: {kind: linear, from: 1, to: 0, start: 0, end: 50, unit: epoch}
 *   boundary: {kind: cosine, from: 0, to: 1, end: 50}          # or kind: step, milestones, values
 *
 * name: boundary
 * spacing: [1.0, 0.5, 0.5]     # default: 1 per spatial axis
 * include_background: false
 *
 * name: deep_supervision
 * criterion: {name: cross_entropy}
 * weights: [1.0, 0.5, 0.25, 0.125, 0.0625]   # the default
 * normalize: true              # divide by the sum of the weights of the outputs given
 * target_mode: nearest         # or linear
 * clamp_min: 0.0               # optional, for outputs (and targets if clamp_targets)
 * clamp_max: 1.0               # optional
 * clamp_targets: false
 * scales: 5                    # optional: the number of outputs; weights must have as many entries
 *
 * name: multi_task
 * heads:
 *   seg: {criterion: {name: dice}, weight: 1.0}
 *   cls: {criterion: {name: cross_entropy}, weight: 0.2}
 * </pre>
 *
 * Every mistake is a {@link ConfigException} naming the key path (e.g. {@code criterion.terms.1.weight}).
 */
public final class CompositeCriteria {

    private static final List<String> NAMES = List.of("combined", "boundary", "deep_supervision", "multi_task");
    private static final List<String> TERM_KEYS = List.of("name", "weight", "label");
    private static final List<String> SCHEDULE_KINDS = List.of("linear", "cosine", "step");

    private CompositeCriteria() {
    }

    /** The names {@link #create} builds. */
    public static List<String> names() {
        return NAMES;
    }

    public static boolean isComposite(String name) {
        return NAMES.contains(name);
    }

    /**
     * @param name    one of {@link #names()}
     * @param params  the section without {@code name}
     * @param keyPath where the section is, for messages ({@code criterion})
     * @param inner   builds a non-composite criterion from its name and params (without {@code name})
     */
    public static Criterion create(String name, MapNode params, String keyPath,
                                   BiFunction<String, MapNode, Criterion> inner) {
        return switch (name) {
            case "combined" -> combined(params, keyPath, inner);
            case "boundary" -> Binder.bind(params, keyPath, BoundaryLoss.class);
            case "deep_supervision" -> deepSupervision(params, keyPath, inner);
            case "multi_task" -> multiTask(params, keyPath, inner);
            default -> throw new ConfigException(params.origin(), child(keyPath, "name"),
                    "unknown composite criterion '" + name + "' (composites: " + String.join(", ", NAMES) + ")");
        };
    }

    /** A weight schedule from {@code {kind: linear|cosine|step, ...}}. */
    public static WeightSchedule schedule(ConfigNode node, String keyPath) {
        MapNode map = requireMap(node, keyPath);
        String kind = requireString(map, "kind", keyPath);
        MapNode rest = map.without("kind");
        return switch (kind) {
            case "linear" -> Binder.bind(rest, keyPath, LinearRamp.class);
            case "cosine" -> Binder.bind(rest, keyPath, CosineRamp.class);
            case "step" -> Binder.bind(rest, keyPath, StepSchedule.class);
            default -> throw new ConfigException(map.get("kind").orElseThrow().origin(), child(keyPath, "kind"),
                    "unknown schedule kind '" + kind + "' (expected one of " + String.join(", ", SCHEDULE_KINDS)
                            + ")");
        };
    }

    private static Criterion nested(ConfigNode node, String keyPath, BiFunction<String, MapNode, Criterion> inner) {
        MapNode section = requireMap(node, keyPath);
        String name = requireString(section, "name", keyPath);
        MapNode params = section.without("name");
        return isComposite(name) ? create(name, params, keyPath, inner) : inner.apply(name, params);
    }

    private static CombinedLoss combined(MapNode params, String keyPath, BiFunction<String, MapNode, Criterion> inner) {
        CombinedSpec spec = Binder.bind(params, keyPath, CombinedSpec.class);
        String termsPath = child(keyPath, "terms");
        List<LossTerm> terms = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < spec.terms().size(); i++) {
            String path = child(termsPath, Integer.toString(i));
            MapNode entry = spec.terms().get(i);
            Map<String, ConfigNode> reserved = new LinkedHashMap<>();
            MapNode rest = entry;
            for (String key : TERM_KEYS) {
                Optional<ConfigNode> value = entry.get(key);
                if (value.isPresent()) {
                    reserved.put(key, value.get());
                    rest = rest.without(key);
                }
            }
            TermSpec term = Binder.bind(new MapNode(reserved, entry.origin()), path, TermSpec.class);
            String label = term.label().orElse(term.name());
            if (!labels.add(label)) {
                ConfigNode at = entry.get("label").orElse(entry.get("name").orElseThrow());
                throw new ConfigException(at.origin(), child(path, entry.get("label").isPresent() ? "label" : "name"),
                        "another term is already labelled '" + label + "'; give this one a distinct label");
            }
            Criterion criterion = isComposite(term.name()) ? create(term.name(), rest, path, inner)
                    : inner.apply(term.name(), rest);
            terms.add(LossTerm.of(label, criterion, term.weight()));
        }
        if (spec.schedule().isPresent()) {
            MapNode schedules = spec.schedule().get();
            String schedulePath = child(keyPath, "schedule");
            for (Map.Entry<String, ConfigNode> e : schedules.entries().entrySet()) {
                if (!labels.contains(e.getKey())) {
                    throw new ConfigException(e.getValue().origin(), child(schedulePath, e.getKey()),
                            "no term is labelled '" + e.getKey() + "' (terms: " + String.join(", ", labels) + ")");
                }
            }
            for (int i = 0; i < terms.size(); i++) {
                LossTerm term = terms.get(i);
                Optional<ConfigNode> node = schedules.get(term.label());
                if (node.isPresent()) {
                    WeightSchedule schedule = schedule(node.get(), child(schedulePath, term.label()));
                    terms.set(i, new LossTerm(term.label(), term.criterion(), term.weight(), Optional.of(schedule)));
                }
            }
        }
        return new CombinedLoss(terms, spec.learnableWeights());
    }

    private static DeepSupervisionLoss deepSupervision(MapNode params, String keyPath,
                                                       BiFunction<String, MapNode, Criterion> inner) {
        DeepSupervisionSpec spec = Binder.bind(params, keyPath, DeepSupervisionSpec.class);
        Criterion base = nested(spec.criterion(), child(keyPath, "criterion"), inner);
        return new DeepSupervisionLoss(base, spec.weights(), spec.normalize(), spec.targetMode(), spec.clampMin(),
                spec.clampMax(), spec.clampTargets());
    }

    private static MultiTaskLoss multiTask(MapNode params, String keyPath, BiFunction<String, MapNode, Criterion> inner) {
        MultiTaskSpec spec = Binder.bind(params, keyPath, MultiTaskSpec.class);
        Map<String, TaskHead> heads = new LinkedHashMap<>();
        spec.heads().forEach((name, head) -> {
            String path = child(child(child(keyPath, "heads"), name), "criterion");
            heads.put(name, new TaskHead(nested(head.criterion(), path, inner), head.weight()));
        });
        return new MultiTaskLoss(heads);
    }

    private static MapNode requireMap(ConfigNode node, String keyPath) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw new ConfigException(node.origin(), keyPath, "expected a map, got " + describe(node));
    }

    private static String requireString(MapNode map, String key, String keyPath) {
        ConfigNode node = map.get(key).orElseThrow(() -> new ConfigException(map.origin(), child(keyPath, key),
                "missing required value (allowed: a string)"));
        if (node instanceof ScalarNode scalar && scalar.value() instanceof String text) {
            return text;
        }
        throw new ConfigException(node.origin(), child(keyPath, key), "expected a string, got " + describe(node));
    }

    private static String describe(ConfigNode node) {
        return switch (node) {
            case MapNode map -> "a map";
            case ListNode list -> "a list";
            case ScalarNode scalar -> scalar.isNull() ? "null" : "'" + scalar.value() + "'";
        };
    }

    private static String child(String keyPath, String key) {
        return keyPath == null || keyPath.isEmpty() ? key : keyPath + "." + key;
    }

    /** {@code combined}: the terms stay raw maps, split into reserved keys and the criterion's params. */
    private record CombinedSpec(List<MapNode> terms, @Default("false") boolean learnableWeights,
                                Optional<MapNode> schedule) {

        CombinedSpec {
            InvalidValueException.require(!terms.isEmpty(), "terms", "needs at least one term");
        }
    }

    /** The reserved keys of one combined term. */
    private record TermSpec(String name, @Default("1.0") double weight, Optional<String> label) {

        TermSpec {
            InvalidValueException.require(weight >= 0 && Double.isFinite(weight), "weight",
                    "must be >= 0 and finite, got %s", weight);
            InvalidValueException.require(label.map(l -> !l.isEmpty()).orElse(true), "label", "must not be empty");
        }
    }

    private record DeepSupervisionSpec(MapNode criterion,
                                       @Default("[1.0, 0.5, 0.25, 0.125, 0.0625]") List<Double> weights,
                                       @Default("true") boolean normalize,
                                       @Default("nearest") TargetMode targetMode,
                                       OptionalDouble clampMin, OptionalDouble clampMax,
                                       @Default("false") boolean clampTargets, OptionalInt scales) {

        DeepSupervisionSpec {
            InvalidValueException.require(!weights.isEmpty(), "weights", "needs at least one weight");
            double sum = 0;
            for (int i = 0; i < weights.size(); i++) {
                double w = weights.get(i);
                InvalidValueException.require(w >= 0 && Double.isFinite(w), "weights." + i,
                        "must be >= 0 and finite, got %s", w);
                sum += w;
            }
            InvalidValueException.require(sum > 0, "weights", "must not all be 0, got %s", weights);
            if (scales.isPresent()) {
                InvalidValueException.require(scales.getAsInt() >= 1, "scales", "must be >= 1, got %s",
                        scales.getAsInt());
                InvalidValueException.require(weights.size() == scales.getAsInt(), "weights",
                        "needs one weight per scale (scales: %s), got %s: %s", scales.getAsInt(), weights.size(),
                        weights);
            }
            if (clampMin.isPresent() && clampMax.isPresent()) {
                InvalidValueException.require(clampMin.getAsDouble() <= clampMax.getAsDouble(), "clamp_max",
                        "must be >= clamp_min (%s), got %s", clampMin.getAsDouble(), clampMax.getAsDouble());
            }
        }
    }

    private record HeadSpec(MapNode criterion, @Default("1.0") double weight) {

        HeadSpec {
            InvalidValueException.require(weight >= 0 && Double.isFinite(weight), "weight",
                    "must be >= 0 and finite, got %s", weight);
        }
    }

    private record MultiTaskSpec(Map<String, HeadSpec> heads) {

        MultiTaskSpec {
            InvalidValueException.require(!heads.isEmpty(), "heads", "needs at least one head");
        }
    }
}
