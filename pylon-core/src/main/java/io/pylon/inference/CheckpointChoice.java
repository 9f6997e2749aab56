package io.pylon.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pylon.PylonUserException;
import io.pylon.run.RunDirectory;

/**
 * Which checkpoint of a run to load: {@code best} (the best {@code best-...-<monitor>=<value>.ckpt} by its
 * monitor's direction), {@code last} ({@code last.ckpt}), or a file path; no choice means best if the run kept
 * one, else last.
 */
final class CheckpointChoice {

    private static final Pattern LOWER_IS_BETTER = Pattern.compile("loss|bpc|perplexity|hd95|assd|error");
    private static final Pattern BEST = Pattern.compile("best-.*-(\\w+?)_(.+)=(-?[0-9.eE+-]+|NaN)\\.ckpt");

    private CheckpointChoice() {
    }

    static Path resolve(RunDirectory run, Optional<String> choice) {
        if (choice.isEmpty()) {
            return best(run).orElseGet(() -> last(run));
        }
        return switch (choice.get()) {
            case "best" -> best(run).orElseThrow(() -> new PylonUserException(run.checkpoints()
                    + " holds no best-*.ckpt (the run had no model_checkpoint monitor, or stopped before its first"
                    + " validation); use --checkpoint last or a checkpoint file"));
            case "last" -> last(run);
            default -> {
                Path file = Path.of(choice.get());
                if (!Files.isRegularFile(file)) {
                    throw new PylonUserException("checkpoint " + file + " does not exist; pass best, last or a"
                            + " checkpoint file");
                }
                yield file;
            }
        };
    }

    private static Path last(RunDirectory run) {
        Path last = run.lastCheckpoint();
        if (!Files.isRegularFile(last)) {
            throw new PylonUserException(run.path() + " has no checkpoints/last.ckpt (the run stopped before its"
                    + " first checkpoint); train it longer or pass --checkpoint FILE");
        }
        return last;
    }

    private static Optional<Path> best(RunDirectory run) {
        if (!Files.isDirectory(run.checkpoints())) {
            return Optional.empty();
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(run.checkpoints())) {
            candidates = files.filter(f -> BEST.matcher(f.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + run.checkpoints() + ": " + e.getMessage(), e);
        }
        return candidates.stream().min(Comparator.comparingDouble(CheckpointChoice::badness));
    }

    /** The file's monitored value, negated for higher-is-better monitors: lower is better. */
    private static double badness(Path file) {
        Matcher m = BEST.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Double.POSITIVE_INFINITY;
        }
        double value = Double.parseDouble(m.group(3));
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        // the file name keeps the monitor but not its direction: a language model's monitors (loss, bpc,
        // perplexity) are lower-is-better, accuracy-like ones higher; with save_top_k 1 there is one file anyway
        boolean lower = LOWER_IS_BETTER.matcher(m.group(2)).find();
        return lower ? value : -value;
    }
}
