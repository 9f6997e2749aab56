package io.pylon.cli.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.track.IndexedRun;
import io.pylon.track.RunIndex;
import io.pylon.track.RunLookup;
import io.pylon.track.RunSelection;

/** Options every {@code pylon runs} command shares: where the runs are, and which of them. */
final class RunsOptions {

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "the runs root (default: ${DEFAULT-VALUE}); its index is DIR/" + RunIndex.FILE)
    Path runs;

    @Option(names = "--experiment", paramLabel = "NAME", description = "only runs of this experiment (repeatable)")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--status", paramLabel = "S[,S]", description = "only runs with these statuses: running, finished,"
            + " failed, stuck, interrupted, unknown")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--where", paramLabel = "KEY<OP>VALUE", description = "config key or metric condition, e.g."
            + " optim.lr<1e-3 or val/loss<=0.5 (repeatable; all must hold)")
    List<String> where = new ArrayList<>();

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    /** Opens the index of the runs root and brings it up to date. */
    RunIndex openIndex() {
        if (!Files.isDirectory(runs)) {
            throw new PylonUserException("runs root '" + runs + "' does not exist; pass --runs DIR (the"
                    + " experiment.runs_dir that `pylon train` wrote to)");
        }
        RunIndex index = RunIndex.open(runs);
        index.refresh();
        return index;
    }

    List<IndexedRun> selected(RunIndex index) {
        return RunSelection.parse(experiments, statuses, where).apply(index.runs());
    }

    static List<IndexedRun> named(RunIndex index, List<String> references) {
        List<IndexedRun> all = index.runs();
        return references.stream().map(ref -> RunLookup.find(all, ref)).toList();
    }
}
