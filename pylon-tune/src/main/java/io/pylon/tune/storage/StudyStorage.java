package io.pylon.tune.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pylon.metrics.Direction;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Where studies and their trials live, shared by every worker of a study. Every method is atomic; {@link #ask}
 * in particular numbers, budgets and samples a trial inside one write transaction, so that two workers never
 * get the same trial number and a sampler sees every trial asked before (constant liar works on them).
 */
public interface StudyStorage extends AutoCloseable {

    /**
     * Creates the study, or opens the existing one of that name after checking that its objectives,
     * directions and search space are the same.
     */
    StudyInfo openStudy(String name, List<String> objectives, List<Direction> directions, String space);

    Optional<StudyInfo> findStudy(String name);

    List<StudyInfo> studies();

    /** The trials of a study ordered by number. */
    List<Trial> trials(long studyId);

    /**
     * Starts the next trial: first fails running trials whose heartbeat is older than the timeout (queueing a
     * retry with the same parameters), then claims a queued retry, or else asks {@code proposer} for
     * parameters given every trial so far. Empty when the budget of {@code rules} is used up.
     */
    Optional<Trial> ask(long studyId, AskRules rules, Proposer proposer);

    /** Records an intermediate objective value of a running trial (what pruners compare). */
    void report(long trialId, int step, double value);

    /** Tells the storage that the worker of a running trial is alive. */
    void heartbeat(long trialId);

    /**
     * Finishes a running trial with its objective values (empty for fail). Refused for a trial that is not
     * running, so a trial is told once.
     */
    void finish(long studyId, int number, TrialState state, List<Double> values);

    /** Notes the run directory of a trial (for best.yaml and the trials table). */
    void setRunDirectory(long trialId, String runDirectory);

    @Override
    void close();

    /** Samples parameters for trial {@code number} given all earlier trials (running ones included). */
    @FunctionalInterface
    interface Proposer {
        Map<String, Object> propose(List<Trial> trials, int number);
    }
}
