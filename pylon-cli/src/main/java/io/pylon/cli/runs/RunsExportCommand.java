package io.pylon.cli.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.track.CsvExport;
import io.pylon.track.IndexedRun;
import io.pylon.track.RunIndex;

/** {@code pylon runs export --csv [--points] [--out FILE]}. */
@Command(name = "export", description = "Export the selected runs as CSV: one row per run (config and last/best"
        + " metrics), or with --points every logged value (run, metric, step, value).")
final class RunsExportCommand implements Callable<Integer> {

    @Mixin
    RunsOptions options;

    @Option(names = "--csv", required = true, description = "CSV output (the only format so far)")
    boolean csv;

    @Option(names = "--points", description = "every logged value instead of one row per run")
    boolean points;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of standard output")
    Path out;

    @Override
    public Integer call() {
        try (RunIndex index = options.openIndex()) {
            List<IndexedRun> runs = options.selected(index);
            String text = points ? CsvExport.points(index, runs) : CsvExport.runs(runs);
            if (out == null) {
                System.out.print(text);
            } else {
                write(text);
                System.err.println("wrote " + runs.size() + " runs to " + out);
            }
        }
        return 0;
    }

    private void write(String text) {
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new PylonUserException("--out " + out + ": folder " + parent + " does not exist");
        }
        Path temporary = parent.resolve("." + out.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
