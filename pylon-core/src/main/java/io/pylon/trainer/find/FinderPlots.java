package io.pylon.trainer.find;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The finders' plots, as SVG files. */
public final class FinderPlots {

    private FinderPlots() {
    }

    /** The range test: smoothed loss over the learning rate (log scale), the suggestion marked. */
    public static void writeLr(Path file, LrRangeTest.Result result) {
        new SvgPlot("Learning-rate range test", "learning rate", "smoothed loss", true)
                .write(file, result.lrs(), result.smoothed(), result.suggestion());
    }

    /** The batch-size finder's plot: peak memory (or fits = 1 / fails = 0 on a GPU) per batch size tried. */
    public static void writeBatchSizes(Path file, BatchSizeFinder.Result result) {
        List<BatchSizeFinder.Trial> trials = result.trials().stream()
                .sorted(Comparator.comparingInt(BatchSizeFinder.Trial::batchSize)).toList();
        boolean memory = trials.stream().allMatch(t -> t.peakBytes().isPresent());
        List<Double> xs = trials.stream().map(t -> (double) t.batchSize()).toList();
        List<Double> ys = trials.stream().map(t -> memory ? t.peakBytes().getAsLong() / 1048576.0 : (t.fits() ? 1.0 : 0.0)).toList();
        new SvgPlot("Batch-size finder", "batch size", memory ? "memory the steps add (MiB)" : "fits (1) / out of memory (0)",
                true).write(file, xs, ys, result.suggestion());
    }
}
