package io.pylon.tune.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.metrics.Direction;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.trainer.ExperimentConfig;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.RunSpec;
import io.pylon.tune.pruner.NoPruner;
import io.pylon.tune.pruner.Pruner;
import io.pylon.tune.pruner.Pruners;
import io.pylon.tune.sampler.Sampler;
import io.pylon.tune.sampler.Samplers;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.space.SpaceParser;

/**
 * A search resolved before any trial runs: the base config (the experiment without its {@code tune:}
 * section), the space with every parameter checked to name a key of that config, the objectives with their
 * directions checked against what the run logs, sampler and pruner built and checked, and where the
 * study's folder and storage are. Every mistake here is a user error; nothing has been written yet.
 *
 * @param base       the experiment without {@code tune:}, with the command-line overrides
 * @param studyDir   {@code <runs_dir>/<experiment>/tune-<study>}: trial run folders and the results
 * @param storageUrl where the study lives (default {@code sqlite:<studyDir>/study.db})
 * @param components the registry trials are resolved with
 */
public record TuneSetup(Config base, TuneConfig tune, String study, SearchSpace space, List<String> objectives,
        List<Direction> directions, Sampler sampler, Pruner pruner, Path studyDir, String storageUrl,
        Components components) {

    public static TuneSetup resolve(Path configFile, List<String> overrides, String study, String storageUrl,
            Components components) {
        if (!study.matches("[A-Za-z0-9._-]+")) {
            throw new PylonUserException("--study '" + study + "' must be a folder name (letters, digits, . _ -)");
        }
        Config full = Config.load(configFile, overrides);
        MapNode tuneSection = full.root().get("tune").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .orElseThrow(() -> new ConfigException(full.root().origin(), "tune", "missing: `pylon tune` needs a"
                        + " tune: section with objective and params, e.g. tune: {objective: val/accuracy, params:"
                        + " {optim.lr: {log_uniform: [1e-4, 1e-1]}}}"));
        TuneConfig tune = Binder.bind(tuneSection, "tune", TuneConfig.class);
        Config base = full.withOverrides(List.of("~tune"));
        if (tune.params() == null) {
            throw new ConfigException(tuneSection.origin(), "tune.params", "missing: the parameters to search, e.g."
                    + " {optim.lr: {log_uniform: [1e-4, 1e-1]}}");
        }
        SearchSpace space = SpaceParser.parse(tune.params(), "tune.params");
        for (Param p : space.params()) {
            if (base.find(p.name()).isEmpty()) {
                throw new ConfigException(SpaceParser.originOf(tune.params(), p.name()), "tune.params." + p.name(),
                        "the config has no key " + p.name() + "; a searched parameter overrides a key the experiment"
                                + " sets, so write it in the config (with its usual value) or fix the path");
            }
        }
        RunSpec run = RunResolver.resolve(base, components);
        String objectiveKey = tune.objective().isEmpty() ? "tune.objectives" : "tune.objective";
        Origin objectiveOrigin = full.find(objectiveKey).map(ConfigNode::origin).orElse(tuneSection.origin());
        List<Direction> directions = new ArrayList<>();
        for (String key : tune.objectiveKeys()) {
            if (!key.startsWith("val/")) {
                throw new ConfigException(objectiveOrigin, objectiveKey, "'" + key + "' is not a validation value: an"
                        + " objective is reported after each validation, so write val/<metric>, e.g. val/accuracy");
            }
            try {
                directions.add(run.directions().of(key));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(objectiveOrigin, objectiveKey, "nothing logs it: " + e.getMessage());
            }
        }
        if (run.trainer().valEveryNEpochs() <= 0) {
            throw new ConfigException(objectiveOrigin, "trainer.val_every_n_epochs", "is 0, so the objective is never"
                    + " logged; a search needs validation after each epoch (set it to 1)");
        }
        ComponentBinder binder = new ComponentBinder(components);
        Sampler sampler = binder.bind(Samplers.KIND, tune.sampler(), "tune.sampler").create(null);
        sampler.check(space, directions.size());
        Pruner pruner = binder.bind(Pruners.KIND, tune.pruner(), "tune.pruner").create(run.trainer().maxEpochs());
        if (directions.size() > 1 && !(pruner instanceof NoPruner)) {
            throw new ConfigException(tune.pruner().origin(), "tune.pruner", "pruning compares one objective; with"
                    + " several objectives use pruner: {name: none}");
        }
        // one trial's config must resolve: catches a value the config cannot take before anything runs
        RunResolver.resolve(base.withOverrides(ParamOverrides.of(space.keepActive(firstValues(space)))), components);
        ExperimentConfig experiment = run.experiment();
        Path studyDir = Path.of(experiment.runsDir()).resolve(experiment.name()).resolve("tune-" + study);
        String url = storageUrl == null || storageUrl.isBlank()
                ? "sqlite:" + studyDir.resolve("study.db") : storageUrl;
        return new TuneSetup(base, tune, study, space, tune.objectiveKeys(), directions, sampler, pruner, studyDir,
                url, components);
    }

    private static Map<String, Object> firstValues(SearchSpace space) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : space.params()) {
            values.put(p.name(), p.distribution().toExternal(p.distribution().internalLow()));
        }
        return values;
    }

    /** The overrides that place trial {@code number}'s run at {@code <studyDir>/trial-<number>}. */
    List<String> runLocation(int number) {
        List<String> location = new ArrayList<>();
        location.add("experiment.runs_dir=" + ParamOverrides.text(studyDir.getParent().toString()));
        location.add("experiment.name=" + ParamOverrides.text(studyDir.getFileName().toString()));
        location.add("experiment.run_name=trial-" + number);
        return location;
    }
}
