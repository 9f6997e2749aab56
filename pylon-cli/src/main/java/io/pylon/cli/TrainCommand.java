package io.pylon.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Components;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.FitResult;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;

/** {@code pylon train CONFIG [overrides]} or {@code pylon train --resume RUN_DIR [overrides]}. */
@Command(name = "train", description = "Train a model from an experiment config, then evaluate it on the test split.")
final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @Parameters(description = "CONFIG.yaml followed by overrides key.path=value (with --resume: overrides only)")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from checkpoints/last.ckpt")
    Path resume;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        Components components = StandardComponents.withPlugins();
        Trainer trainer;
        if (resume != null) {
            trainer = TrainingRun.resume(resume, arguments, components);
        } else {
            if (arguments.isEmpty()) {
                throw new PylonUserException("missing CONFIG.yaml: usage `pylon train CONFIG.yaml [key.path=value ...]`"
                        + " or `pylon train --resume RUN_DIR`");
            }
            Config config = Config.load(Path.of(arguments.get(0)), arguments.subList(1, arguments.size()));
            trainer = TrainingRun.create(RunResolver.resolve(config, components), Clock.systemDefaultZone());
        }
        try (trainer; RunLogging logging = RunLogging.attach(trainer.runDirectory().log())) {
            LOG.info("run directory: {}", trainer.runDirectory().path());
            FitResult fit = trainer.fit();
            if (trainer.config().test()) {
                EvalResult test = trainer.test();
                LOG.info("test: {}", test.values());
            }
            LOG.info("finished at epoch {}, step {}{}", fit.position().epoch(), fit.position().globalStep(),
                    fit.stopReason().isEmpty() ? "" : " (" + fit.stopReason() + ")");
        }
        return 0;
    }
}
