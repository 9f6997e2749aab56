package io.pylon.tune.study;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.pylon.metrics.Direction;
import io.pylon.tune.pruner.Pruner;
import io.pylon.tune.pruner.PruningContext;
import io.pylon.tune.sampler.ParetoFront;
import io.pylon.tune.sampler.Sampler;
import io.pylon.tune.sampler.SamplingContext;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.storage.AskRules;
import io.pylon.tune.storage.StudyStorage;

/**
 * A study as a worker uses it: ask for a trial, report intermediate values (and learn whether to stop),
 * tell the result. All state lives in the storage; any number of {@code Study} objects in any number of
 * processes may work on one study at once.
 */
public final class Study {

    private final StudyStorage storage;
    private final StudyInfo info;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Pruner pruner;

    public Study(StudyStorage storage, StudyInfo info, SearchSpace space, Sampler sampler, Pruner pruner) {
        this.storage = storage;
        this.info = info;
        this.space = space;
        this.sampler = sampler;
        this.pruner = pruner;
    }

    /** Opens (or creates) study {@code name}, refusing one stored with another space or objectives. */
    public static Study open(StudyStorage storage, String name, List<String> objectives,
            List<Direction> directions, SearchSpace space, Sampler sampler, Pruner pruner) {
        sampler.check(space, objectives.size());
        StudyInfo info = storage.openStudy(name, objectives, directions, space.canonical());
        return new Study(storage, info, space, sampler, pruner);
    }

    public StudyInfo info() {
        return info;
    }

    public SearchSpace space() {
        return space;
    }

    /** The next trial, already marked running; empty once the budget of {@code rules} is spent. */
    public Optional<Trial> ask(AskRules rules) {
        return storage.ask(info.id(), rules, (trials, number) ->
                space.keepActive(sampler.sample(new SamplingContext(space, info.directions(), trials, number))));
    }

    /** Stores the objective of a running trial at {@code step} and says whether the pruner stops it. */
    public boolean report(Trial trial, int step, double value) {
        storage.report(trial.id(), step, value);
        List<Trial> trials = storage.trials(info.id());
        Trial current = trials.stream().filter(t -> t.id() == trial.id()).findFirst().orElseThrow();
        return pruner.prune(new PruningContext(info.directions().getFirst(), trials, current, step));
    }

    public void heartbeat(Trial trial) {
        storage.heartbeat(trial.id());
    }

    public void tell(int number, TrialState state, List<Double> values) {
        storage.finish(info.id(), number, state, values);
    }

    public void setRunDirectory(Trial trial, String runDirectory) {
        storage.setRunDirectory(trial.id(), runDirectory);
    }

    public List<Trial> trials() {
        return storage.trials(info.id());
    }

    /** The best complete trial (one objective) or the Pareto front (several), best first. */
    public List<Trial> best() {
        return best(trials(), info);
    }

    public static List<Trial> best(List<Trial> trials, StudyInfo info) {
        if (info.multiObjective()) {
            return ParetoFront.of(trials, info.directions());
        }
        Direction direction = info.directions().getFirst();
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE && !Double.isNaN(t.values().getFirst()))
                .sorted(Comparator.comparing((Trial t) -> t.values().getFirst(), (a, b) -> direction.compare(b, a))
                        .thenComparing(Trial::number))
                .limit(1).toList();
    }
}
