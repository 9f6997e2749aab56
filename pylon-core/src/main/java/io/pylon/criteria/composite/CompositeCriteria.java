package io.pylon.criteria.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.MapNode;
import io.pylon.config.Navigation;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Criterion;
import io.pylon.optim.schedule.Interval;
import io.pylon.optim.schedule.LrSchedule;
import io.pylon.optim.schedule.ScheduleContext;
import io.pylon.optim.schedule.Schedules;
import io.pylon.registry.Bound;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentRegistrar;

/**
 * The composite criteria, registered under {@link Criteria#KIND} with params readers that bind their nested
 * criteria ({@code {name: ..., <its params>}} maps, composites included) through the {@link ComponentBinder},
 * so that every nested section is checked when the config is resolved. Shapes:
 *
 * <pre>
 * name: combined
 * terms:                       # at least one; name, weight (default 1) and label (default name) are
 *   - {name: dice, weight: 1.0}  # reserved, every other key goes to the term's criterion
 *   - {name: boundary, weight: 0.5, spacing: [1.0, 1.0]}
 * learnable_weights: false     # true: Kendall uncertainty weights, see CombinedLoss
 * schedule:                    # optional, by term label; the term's weight is multiplied by it
 *   dice: {name: linear, from: 1, to: 0, start: 0, end: 50, interval: epoch}
 *   boundary: {name: cosine_ramp, from: 0, to: 1, end: 50}   # any schedule: piecewise, cosine (with t_max) ...
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

    private static final List<String> TERM_KEYS = List.of("weight", "label");

    private CompositeCriteria() {
    }

    /** Registers combined, boundary, deep_supervision and multi_task under {@link Criteria#KIND}. */
    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(Criteria.KIND, "boundary", BoundaryLoss.class, p -> p);
        r.add(new Component<>(Criteria.KIND, "combined", CombinedParams.class, CompositeCriteria::combined,
                (p, none) -> p.create(), List.of()));
        r.add(new Component<>(Criteria.KIND, "deep_supervision", DeepSupervisionParams.class,
                CompositeCriteria::deepSupervision, (p, none) -> p.create(), List.of()));
        r.add(new Component<>(Criteria.KIND, "multi_task", MultiTaskParams.class, CompositeCriteria::multiTask,
                (p, none) -> p.create(), List.of()));
    }

    /**
     * A term's weight schedule: a section of the schedule kind ({@code {name: linear, from: 1, to: 0, end: 50}}),
     * with {@code interval} (default epoch) saying what t counts. Built at once: a schedule is a pure function.
     */
    static WeightSchedule schedule(ComponentBinder binder, ConfigNode node, String keyPath) {
        ComponentBinder.Section<ScheduleContext, LrSchedule> section =
                binder.bind(Schedules.KIND, node, keyPath, List.of("interval"));
        if (section.bound().params() instanceof Schedules.Plateau) {
            throw new ConfigException(node.origin(), Navigation.child(keyPath, "name"),
                    "plateau follows validation results and schedules only the learning rate; use linear,"
                            + " cosine_ramp, piecewise or another schedule of t");
        }
        WeightInterval interval = Binder.bind(section.reserved(), keyPath, WeightInterval.class);
        return new WeightSchedule(section.bound().create(ScheduleContext.forWeights()), interval.interval());
    }

    /** A weight schedule's clock: epochs unless it says otherwise. */
    private record WeightInterval(@Default("epoch") Interval interval) {
    }

    /** The bound terms of a combined loss; the nested criteria are built when the loss is. */
    record CombinedParams(List<TermParams> terms, boolean learnableWeights) {

        CombinedLoss create() {
            return new CombinedLoss(terms.stream().map(t -> new LossTerm(t.label(), t.criterion().create(null),
                    t.weight(), t.schedule())).toList(), learnableWeights);
        }
    }

    record TermParams(String label, Bound<Void, Criterion> criterion, double weight, Optional<WeightSchedule> schedule) {
    }

    record DeepSupervisionParams(Bound<Void, Criterion> criterion, DeepSupervisionSpec spec) {

        DeepSupervisionLoss create() {
            return new DeepSupervisionLoss(criterion.create(null), spec.weights(), spec.normalize(), spec.targetMode(),
                    spec.clampMin(), spec.clampMax(), spec.clampTargets());
        }
    }

    record MultiTaskParams(Map<String, Bound<Void, Criterion>> criteria, Map<String, Double> weights) {

        MultiTaskLoss create() {
            Map<String, TaskHead> heads = new LinkedHashMap<>();
            criteria.forEach((name, criterion) -> heads.put(name, new TaskHead(criterion.create(null), weights.get(name))));
            return new MultiTaskLoss(heads);
        }
    }

    private static CombinedParams combined(MapNode params, String keyPath, ComponentBinder binder) {
        CombinedSpec spec = Binder.bind(params, keyPath, CombinedSpec.class);
        String termsPath = child(keyPath, "terms");
        List<TermParams> terms = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < spec.terms().size(); i++) {
            String path = child(termsPath, Integer.toString(i));
            MapNode entry = spec.terms().get(i);
            ComponentBinder.Section<Void, Criterion> section = binder.bind(Criteria.KIND, entry, path, TERM_KEYS);
            TermSpec term = Binder.bind(section.reserved(), path, TermSpec.class);
            String label = term.label().orElse(section.bound().name());
            if (!labels.add(label)) {
                ConfigNode at = entry.get("label").orElse(entry.get("name").orElseThrow());
                throw new ConfigException(at.origin(), child(path, entry.get("label").isPresent() ? "label" : "name"),
                        "another term is already labelled '" + label + "'; give this one a distinct label");
            }
            terms.add(new TermParams(label, section.bound(), term.weight(), Optional.empty()));
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
                TermParams term = terms.get(i);
                Optional<ConfigNode> node = schedules.get(term.label());
                if (node.isPresent()) {
                    WeightSchedule schedule = schedule(binder, node.get(), child(schedulePath, term.label()));
                    terms.set(i, new TermParams(term.label(), term.criterion(), term.weight(), Optional.of(schedule)));
                }
            }
        }
        return new CombinedParams(List.copyOf(terms), spec.learnableWeights());
    }

    private static DeepSupervisionParams deepSupervision(MapNode params, String keyPath, ComponentBinder binder) {
        DeepSupervisionSpec spec = Binder.bind(params, keyPath, DeepSupervisionSpec.class);
        return new DeepSupervisionParams(binder.bind(Criteria.KIND, spec.criterion(), child(keyPath, "criterion")), spec);
    }

    private static MultiTaskParams multiTask(MapNode params, String keyPath, ComponentBinder binder) {
        MultiTaskSpec spec = Binder.bind(params, keyPath, MultiTaskSpec.class);
        Map<String, Bound<Void, Criterion>> criteria = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        spec.heads().forEach((name, head) -> {
            String path = child(child(child(keyPath, "heads"), name), "criterion");
            criteria.put(name, binder.bind(Criteria.KIND, head.criterion(), path));
            weights.put(name, head.weight());
        });
        return new MultiTaskParams(criteria, weights);
    }

    private static String child(String keyPath, String key) {
        return Navigation.child(keyPath, key);
    }

    /** {@code combined}: the terms stay raw maps, split into reserved keys and the criterion's params. */
    private record CombinedSpec(List<MapNode> terms, @Default("false") boolean learnableWeights,
                                Optional<MapNode> schedule) {

        CombinedSpec {
            InvalidValueException.require(!terms.isEmpty(), "terms", "needs at least one term");
        }
    }

    /** The reserved keys of one combined term. */
    private record TermSpec(@Default("1.0") double weight, Optional<String> label) {

        TermSpec {
            InvalidValueException.require(weight >= 0 && Double.isFinite(weight), "weight",
                    "must be >= 0 and finite, got %s", weight);
            InvalidValueException.require(label.map(l -> !l.isEmpty()).orElse(true), "label", "must not be empty");
        }
    }

    record DeepSupervisionSpec(MapNode criterion,
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
