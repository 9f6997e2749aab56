package io.pylon.cli.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.YamlReader;
import io.pylon.metrics.Direction;
import io.pylon.registry.ComponentBinder;
import io.pylon.tune.Json;
import io.pylon.tune.TuneComponents;
import io.pylon.tune.pruner.NoPruner;
import io.pylon.tune.sampler.Sampler;
import io.pylon.tune.sampler.Samplers;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.space.SpaceParser;
import io.pylon.tune.storage.AskRules;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;

/**
 * {@code pylon study ask --storage URL --study NAME [--space JSON] [--direction maximize] [--sampler YAML]}:
 * starts a trial and prints {@code {"study": ..., "number": n, "params": {...}}}. The first ask creates the
 * study (then {@code --space} is required); later asks reuse its stored space.
 */
@Command(name = "ask", description = "Start a trial; print its number and parameters as JSON.")
public final class StudyAskCommand implements Callable<Integer> {

    @Mixin
    StudyOptions options;

    @Option(names = "--space", description = "search space as JSON, e.g. {\"x\": {\"uniform\": [-5, 5]}}")
    String space;

    @Option(names = "--direction", split = ",", description = "minimize or maximize, one per objective (default minimize)")
    List<String> directions = new ArrayList<>();

    @Option(names = "--objective", split = ",", description = "objective names (default value, or value_0, value_1 ...)")
    List<String> objectives = new ArrayList<>();

    @Option(names = "--sampler", defaultValue = "{name: tpe}", description = "sampler as YAML (default ${DEFAULT-VALUE})")
    String sampler;

    @Override
    public Integer call() {
        try (StudyStorage store = StorageUrl.open(options.storage)) {
            Optional<StudyInfo> stored = store.findStudy(options.study);
            if (stored.isEmpty() && space == null) {
                throw new PylonUserException("study '" + options.study + "' does not exist yet: give its --space as JSON,"
                        + " e.g. --space '{\"x\": {\"uniform\": [-5, 5]}}'");
            }
            SearchSpace searchSpace = SpaceParser.parseJson(space != null ? space : stored.get().space(), "--space");
            List<Direction> dirs = !directions.isEmpty() ? directions.stream().map(StudyAskCommand::direction).toList()
                    : stored.map(StudyInfo::directions).orElse(List.of(Direction.LOWER_IS_BETTER));
            List<String> names = !objectives.isEmpty() ? objectives : stored.map(StudyInfo::objectives)
                    .orElse(defaultNames(dirs.size()));
            if (names.size() != dirs.size()) {
                throw new PylonUserException("--objective names " + names + " and --direction " + dirs
                        + " must have the same length");
            }
            ConfigNode samplerNode = YamlReader.readValue(sampler, Origin.described("--sampler"));
            if (!(samplerNode instanceof MapNode samplerMap)) {
                throw new PylonUserException("--sampler must be a YAML map, e.g. '{name: tpe, seed: 1}'");
            }
            Sampler chosen = new ComponentBinder(TuneComponents.withPlugins()).bind(Samplers.KIND, samplerMap, "--sampler")
                    .create(null);
            Study study = Study.open(store, options.study, names, dirs, searchSpace, chosen, new NoPruner());
            Trial trial = study.ask(AskRules.unbounded()).orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("study", options.study);
            out.put("number", trial.number());
            out.put("params", trial.params());
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private static List<String> defaultNames(int count) {
        if (count == 1) {
            return List.of("value");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("value_" + i);
        }
        return names;
    }

    private static Direction direction(String text) {
        return switch (text.strip()) {
            case "minimize", "min" -> Direction.LOWER_IS_BETTER;
            case "maximize", "max" -> Direction.HIGHER_IS_BETTER;
            default -> throw new PylonUserException("--direction '" + text + "': expected minimize or maximize");
        };
    }
}
