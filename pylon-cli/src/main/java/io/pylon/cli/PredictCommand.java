package io.pylon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.inference.Predict;
import io.pylon.inference.PredictRequest;
import io.pylon.plugin.StandardComponents;

/**
 * {@code pylon predict RUN_DIR [RUN_DIR ...] --input PATH|GLOB|MANIFEST --out DIR [key.path=value ...]}:
 * sliding-window prediction of whole cases with the run's {@code inference} settings; several run
 * directories (and {@code --checkpoint}s) form an ensemble.
 */
@Command(name = "predict", description = "Predict whole volumes/images with trained runs (sliding window, TTA,"
        + " MC-dropout, ensembles).", sortOptions = false)
final class PredictCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR|key=value", description = "run directories (several: an ensemble), then"
            + " overrides such as inference.window.size=[32,64,64] inference.window.overlap=0.5")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--input", required = true, paramLabel = "PATH|GLOB|MANIFEST", description = "a file, a glob"
            + " (scans/*.nii.gz) or a JSON/CSV manifest")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the predictions")
    Path out;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "checkpoint(s) of the first run's"
            + " model to use instead of its best (else last) one; several form an ensemble")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--weights", split = ",", paramLabel = "W", description = "ensemble weights, one per run then"
            + " per checkpoint (default equal)")
    List<Double> weights = new ArrayList<>();

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        List<Path> runs = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.contains("=") || argument.startsWith("~")) {
                overrides.add(argument);
            } else {
                runs.add(Path.of(argument));
            }
        }
        List<Path> written = Predict.run(new PredictRequest(runs, checkpoints, weights, input, out, overrides),
                StandardComponents.withPlugins(), System.out::println);
        System.out.println(written.size() + " files written to " + out);
        return 0;
    }
}
