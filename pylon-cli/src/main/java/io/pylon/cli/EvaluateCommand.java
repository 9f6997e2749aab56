package io.pylon.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.inference.Evaluate;
import io.pylon.inference.EvaluateRequest;

/**
 * {@code pylon evaluate --predictions DIR --labels GLOB|MANIFEST --num-classes K --out DIR}: per-case Dice, IoU,
 * HD95 and ASSD per class of written predictions, with their mean and standard deviation.
 */
@Command(name = "evaluate", description = "Score predicted label maps against ground truth per case (Dice, IoU,"
        + " HD95, ASSD per class; JSON and CSV).", sortOptions = false)
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--predictions", required = true, paramLabel = "DIR|GLOB", description = "pylon predict's output"
            + " folder (<case>_labels.*) or a glob over label maps")
    String predictions;

    @Option(names = "--labels", required = true, paramLabel = "PATH|GLOB|MANIFEST", description = "ground-truth label"
            + " maps, paired with predictions by case name")
    String labels;

    @Option(names = "--num-classes", required = true, paramLabel = "K", description = "classes including the"
            + " background")
    int numClasses;

    @Option(names = "--include-background", description = "report class 0 too")
    boolean includeBackground;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for evaluation.json and evaluation.csv"
            + " (default: the predictions folder)")
    Path out;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        Path folder = out != null ? out : Path.of(predictions);
        Evaluate.Report report = Evaluate.run(new EvaluateRequest(predictions, labels, numClasses, folder,
                includeBackground));
        System.out.printf(Locale.ROOT, "%d cases -> %s%n", report.cases().size(), folder.resolve("evaluation.json"));
        for (Map.Entry<String, Double> mean : report.mean().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-16s mean %.4f  std %.4f%n", mean.getKey(), mean.getValue(),
                    report.std().get(mean.getKey()));
        }
        return 0;
    }
}
