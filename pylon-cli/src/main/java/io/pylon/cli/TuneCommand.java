package io.pylon.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.tune.TuneComponents;
import io.pylon.tune.run.StudyReport;
import io.pylon.tune.run.TuneSetup;
import io.pylon.tune.run.TuneWorker;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.TrialState;

/**
 * {@code pylon tune CONFIG [overrides] --study NAME --trials N [--jobs K] [--storage URL]}: a hyperparameter
 * search over the config's {@code tune:} space. Everything is checked before the first trial; with
 * {@code --jobs K} K worker processes share the study; running it again resumes the study up to N trials.
 */
@Command(name = "tune", description = "Search hyperparameters: run trials of the config's tune: space, write best.yaml.")
final class TuneCommand implements Callable<Integer> {

    @Parameters(description = "CONFIG.yaml followed by overrides key.path=value")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--study", required = true, description = "study name (a study of that name is resumed)")
    String study;

    @Option(names = "--trials", required = true, description = "trials the study should hold in total")
    int trials;

    @Option(names = "--jobs", defaultValue = "1", description = "worker processes (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--storage", description = "sqlite:PATH or postgresql://user@host:port/db"
            + " (default sqlite:<runs_dir>/<experiment>/tune-<study>/study.db)")
    String storage;

    @Option(names = "--worker", hidden = true, description = "run trials only (a child of --jobs)")
    boolean worker;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw new PylonUserException("missing CONFIG.yaml: usage `pylon tune CONFIG.yaml [key.path=value ...]"
                    + " --study NAME --trials N [--jobs K] [--storage URL]`");
        }
        if (trials < 1 || jobs < 1) {
            throw new PylonUserException("--trials and --jobs must be >= 1, got " + trials + " and " + jobs);
        }
        Path config = Path.of(arguments.getFirst());
        List<String> overrides = arguments.subList(1, arguments.size());
        TuneSetup setup = TuneSetup.resolve(config, overrides, study, storage, TuneComponents.withPlugins());
        try (StudyStorage store = StorageUrl.open(setup.storageUrl())) {
            Study opened = Study.open(store, study, setup.objectives(), setup.directions(), setup.space(),
                    setup.sampler(), setup.pruner());
            if (jobs == 1) {
                Map<TrialState, Integer> ran = TuneWorker.run(setup, opened, trials, Clock.systemDefaultZone());
                if (worker) {
                    System.out.println("worker ran " + ran);
                    return 0;
                }
            } else {
                runWorkers(setup, config, overrides);
            }
            System.out.println(StudyReport.write(setup, opened));
        }
        return 0;
    }

    private void runWorkers(TuneSetup setup, Path config, List<String> overrides) {
        List<LocalProcesses.Child> children = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            List<String> args = new ArrayList<>(List.of("tune", config.toString()));
            args.addAll(overrides);
            args.addAll(List.of("--study", study, "--trials", Integer.toString(trials), "--jobs", "1", "--storage",
                    setup.storageUrl(), "--worker"));
            children.add(LocalProcesses.start(args, setup.studyDir().resolve("worker-" + i + ".log")));
        }
        for (LocalProcesses.Child child : children) {
            int code = LocalProcesses.await(child);
            LocalProcesses.rethrowUserError(child, code);
            if (code != 0) {
                System.err.println("warning: worker " + child.log() + " exited with " + code + "; see its log");
            }
        }
    }
}
