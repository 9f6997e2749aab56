package io.pylon.cli.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;

/** {@code pylon bench metrics}: a CNN step with its metrics updated in the step vs through the async buffer. */
@Command(name = "metrics", description = "Step time with metrics updated synchronously vs through the asynchronous"
        + " metric buffer.")
public final class BenchMetricsCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "30", description = "steps per timed block (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--blocks", defaultValue = "3", description = "alternating sync/async blocks (default ${DEFAULT-VALUE})")
    int blocks;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch intra-op threads (0 = the engine's default)")
    int threads;

    @Override
    public Integer call() {
        if (threads > 0) {
            Engine.start(new EngineOptions(threads));
        } else {
            Engine.start();
        }
        AsyncMetricBench.report(steps, blocks);
        return 0;
    }
}
