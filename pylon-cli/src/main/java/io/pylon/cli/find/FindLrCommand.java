package io.pylon.cli.find;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.RunSpec;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.TrainingComponents;
import io.pylon.trainer.TrainingRun;
import io.pylon.trainer.find.FinderPlots;
import io.pylon.trainer.find.LrRangeTest;

/**
 * {@code pylon find lr CONFIG [overrides]}: the learning-rate range test on the config's model, data,
 * loss, optimizer and precision. Writes {@code lr_find.json} and {@code lr_find.svg} into
 * {@code <runs_dir>/<experiment>/find-lr/<time>/} and prints the suggested {@code optim.lr}.
 */
@Command(name = "lr", description = "Learning-rate range test: suggests optim.lr and plots loss against learning rate.")
public final class FindLrCommand implements Callable<Integer> {

    @Parameters(description = "CONFIG.yaml followed by overrides key.path=value")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--min-lr", defaultValue = "1e-8", description = "first learning rate (default ${DEFAULT-VALUE})")
    double minLr;

    @Option(names = "--max-lr", defaultValue = "1.0", description = "last learning rate (default ${DEFAULT-VALUE})")
    double maxLr;

    @Option(names = "--steps", defaultValue = "100", description = "training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw new PylonUserException("missing CONFIG.yaml: usage `pylon find lr CONFIG.yaml [key.path=value ...]`");
        }
        LrRangeTest.Params params;
        try {
            params = new LrRangeTest.Params(minLr, maxLr, steps, 4.0, 0.98);
        } catch (IllegalArgumentException e) {
            throw new PylonUserException("pylon find lr: " + e.getMessage() + " (--min-lr, --max-lr, --steps)");
        }
        Config config = Config.load(Path.of(arguments.get(0)), arguments.subList(1, arguments.size()));
        RunSpec spec = RunResolver.resolve(config, StandardComponents.withPlugins());
        RunDirectory dir = TrainingRun.toolDirectory(spec, "find-lr", Clock.systemDefaultZone());
        TrainingComponents parts = TrainingRun.components(spec, dir);
        LrRangeTest.Result result;
        try (var data = parts.data()) {
            result = LrRangeTest.run(parts, params);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suggested_lr", result.suggestion());
        json.put("stopped_early", result.stoppedEarly());
        json.put("lr", result.lrs());
        json.put("loss", result.losses());
        json.put("smoothed_loss", result.smoothed());
        FinderOutput.writeJson(dir.path().resolve("lr_find.json"), json);
        FinderPlots.writeLr(dir.path().resolve("lr_find.svg"), result);
        System.out.printf(Locale.ROOT, "suggested learning rate: %.3g (steepest descent of the smoothed loss over %d steps%s)%n",
                result.suggestion(), result.lrs().size(), result.stoppedEarly() ? ", stopped when the loss diverged" : "");
        System.out.printf(Locale.ROOT, "use: optim.lr=%.3g%nwrote %s and %s%n", result.suggestion(),
                dir.path().resolve("lr_find.json"), dir.path().resolve("lr_find.svg"));
        return 0;
    }
}
