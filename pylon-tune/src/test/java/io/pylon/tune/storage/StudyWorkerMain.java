package io.pylon.tune.storage;

import java.util.List;
import java.util.Optional;

import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.YamlReader;
import io.pylon.metrics.Direction;
import io.pylon.registry.ComponentBinder;
import io.pylon.tune.TuneComponents;
import io.pylon.tune.pruner.NoPruner;
import io.pylon.tune.sampler.Samplers;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.space.SpaceParser;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * A worker process for the concurrency tests: {@code URL STUDY SAMPLER MAX_TRIALS PER_WORKER SLEEP_MS TIMEOUT_MS}.
 * Asks until the study holds MAX_TRIALS (0 = none) or this worker ran PER_WORKER trials (0 = no limit),
 * "trains" each for SLEEP_MS while heartbeats run, and tells {@link #objective} of its parameters.
 */
public final class StudyWorkerMain {

    static final String SPACE = "{\"x\": {\"uniform\": [-5, 5]}, \"y\": {\"log_uniform\": [0.001, 10]},"
            + " \"c\": {\"choice\": [\"a\", \"b\", \"c\"]}}";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String name = args[1];
        MapNode sampler = (MapNode) YamlReader.readValue(args[2], Origin.described("sampler"));
        int maxTrials = Integer.parseInt(args[3]);
        int perWorker = Integer.parseInt(args[4]);
        long sleep = Long.parseLong(args[5]);
        long timeout = Long.parseLong(args[6]);
        SearchSpace space = SpaceParser.parseJson(SPACE, "test space");
        try (StudyStorage storage = StorageUrl.open(url)) {
            Study study = Study.open(storage, name, List.of("value"), List.of(Direction.LOWER_IS_BETTER), space,
                    new ComponentBinder(TuneComponents.withPlugins()).bind(Samplers.KIND, sampler, "sampler").create(null), new NoPruner());
            AskRules rules = new AskRules(maxTrials, timeout, 3);
            int done = 0;
            for (Optional<Trial> next = study.ask(rules); next.isPresent(); next = study.ask(rules)) {
                Trial trial = next.get();
                System.out.println("asked " + trial.number());
                long end = System.currentTimeMillis() + sleep;
                while (System.currentTimeMillis() < end) {
                    Thread.sleep(Math.min(50, Math.max(1, timeout / 4)));
                    if (timeout > 0) {
                        study.heartbeat(trial);
                    }
                }
                study.tell(trial.number(), TrialState.COMPLETE, List.of(objective(trial)));
                System.out.println("told " + trial.number());
                if (perWorker > 0 && ++done >= perWorker) {
                    break;
                }
            }
        }
    }

    static double objective(Trial trial) {
        double x = ((Number) trial.params().get("x")).doubleValue();
        double y = ((Number) trial.params().get("y")).doubleValue();
        double c = switch ((String) trial.params().get("c")) {
            case "a" -> 0;
            case "b" -> 1;
            default -> 2;
        };
        return x * x + Math.log10(y) * Math.log10(y) + c;
    }
}
