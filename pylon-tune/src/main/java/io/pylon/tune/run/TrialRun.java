package io.pylon.tune.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;
import io.pylon.tune.Json;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Runs one trial as a normal training run at {@code <studyDir>/trial-<n>} and tells the study how it ended:
 * complete with the last validation value of each objective, pruned (the run keeps its checkpoint), or
 * failed. {@code trial.json} in the run folder says which. A user error in the config stops the search.
 */
final class TrialRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrialRun.class);

    private TrialRun() {
    }

    static TrialState run(TuneSetup setup, Study study, Trial trial, Clock clock) {
        List<String> overrides = new ArrayList<>(ParamOverrides.of(trial.params()));
        overrides.addAll(setup.runLocation(trial.number()));
        ObjectiveReporter reporter = new ObjectiveReporter(study, trial, setup.objectives());
        TrialState state;
        List<Double> values = List.of();
        Path runDir = null;
        try {
            Config config = setup.base().withOverrides(overrides);
            try (Trainer trainer = TrainingRun.create(RunResolver.resolve(config, setup.components()), clock,
                    List.of(reporter))) {
                runDir = trainer.runDirectory().path();
                study.setRunDirectory(trial, runDir.toString());
                trainer.fit();
            }
            values = reporter.finalValues();
            if (reporter.pruned()) {
                state = TrialState.PRUNED;
                values = List.of();
            } else if (values.isEmpty()) {
                LOG.warn("trial {} logged no {}: failed", trial.number(), setup.objectives());
                state = TrialState.FAIL;
            } else {
                state = TrialState.COMPLETE;
            }
        } catch (PylonUserException e) {
            study.tell(trial.number(), TrialState.FAIL, List.of());
            writeStatus(runDir, setup, trial, TrialState.FAIL, List.of(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("trial {} failed: {}", trial.number(), e.toString());
            state = TrialState.FAIL;
            writeStatus(runDir, setup, trial, state, List.of(), e.toString());
            study.tell(trial.number(), state, List.of());
            return state;
        }
        writeStatus(runDir, setup, trial, state, values, "");
        study.tell(trial.number(), state, values);
        return state;
    }

    /** {@code trial.json} next to the run's config: the study, trial number, parameters and how it ended. */
    private static void writeStatus(Path runDir, TuneSetup setup, Trial trial, TrialState state, List<Double> values,
            String error) {
        if (runDir == null) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("study", setup.study());
        status.put("trial", trial.number());
        status.put("state", state.label());
        status.put("params", trial.params());
        status.put("objectives", setup.objectives());
        status.put("values", values);
        if (!error.isEmpty()) {
            status.put("error", error);
        }
        Path file = runDir.resolve("trial.json");
        Path temp = runDir.resolve("trial.json.tmp");
        try {
            Files.writeString(temp, Json.write(status) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
