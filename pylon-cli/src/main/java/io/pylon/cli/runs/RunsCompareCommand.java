package io.pylon.cli.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.track.IndexedRun;
import io.pylon.track.RunIndex;
import io.pylon.track.RunReports;

/** {@code pylon runs compare RUN...}: final and best metrics side by side, then the config keys that differ. */
@Command(name = "compare", description = "Final (and best) metrics of runs side by side, and their config differences."
        + " Without RUNs: the runs the filters select.")
final class RunsCompareCommand implements Callable<Integer> {

    @Mixin
    RunsOptions options;

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "experiment/run (or a unique run name)")
    List<String> runs = new ArrayList<>();

    @Override
    public Integer call() {
        try (RunIndex index = options.openIndex()) {
            List<IndexedRun> chosen = runs.isEmpty() ? options.selected(index) : RunsOptions.named(index, runs);
            if (chosen.size() < 2) {
                throw new PylonUserException("compare needs at least two runs, got " + chosen.size()
                        + "; name them (pylon runs compare exp/a exp/b) or widen the filters");
            }
            System.out.print(RunReports.compare(chosen));
        }
        return 0;
    }
}
