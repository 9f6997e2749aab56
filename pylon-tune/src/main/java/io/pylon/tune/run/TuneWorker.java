package io.pylon.tune.run;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.tune.storage.AskRules;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * One worker of a search: asks the study for trials until its budget is spent and runs each in this
 * process, beating a heartbeat while a trial trains so that, if this process dies, another worker fails and
 * retries the trial after {@code heartbeat_timeout}.
 */
public final class TuneWorker {

    private static final Logger LOG = LoggerFactory.getLogger(TuneWorker.class);

    private TuneWorker() {
    }

    /** Runs trials until the study holds {@code maxTrials}; returns how many of each end this worker ran. */
    public static Map<TrialState, Integer> run(TuneSetup setup, Study study, int maxTrials, Clock clock) {
        long timeoutMillis = (long) (setup.tune().heartbeatTimeout() * 1000);
        AskRules rules = new AskRules(maxTrials, timeoutMillis, setup.tune().maxRetries());
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tune-heartbeat");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Optional<Trial> next = study.ask(rules); next.isPresent(); next = study.ask(rules)) {
                Trial trial = next.get();
                LOG.info("trial {}: {}", trial.number(), trial.params());
                long period = Math.max(100, timeoutMillis / 4);
                ScheduledFuture<?> beat = beats.scheduleAtFixedRate(() -> beatQuietly(study, trial), period, period,
                        TimeUnit.MILLISECONDS);
                try {
                    TrialState state = TrialRun.run(setup, study, trial, clock);
                    counts.merge(state, 1, Integer::sum);
                    LOG.info("trial {} {}", trial.number(), state.label());
                } finally {
                    beat.cancel(false);
                }
            }
        } finally {
            beats.shutdownNow();
        }
        return counts;
    }

    private static void beatQuietly(Study study, Trial trial) {
        try {
            study.heartbeat(trial);
        } catch (RuntimeException e) {
            // a missed beat only risks a retry; the training thread reports storage failures itself
            LOG.warn("heartbeat of trial {} failed: {}", trial.number(), e.getMessage());
        }
    }
}
