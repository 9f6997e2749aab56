package io.pylon.cli.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.engine.Device;
import io.pylon.engine.Engine;


/** {@code pylon bench optim}: flat multi-tensor AdamW vs libtorch's per-parameter AdamW, step time only. */
@Command(name = "optim", description = "Optimizer step time: Pylon's flat AdamW vs libtorch's per-parameter AdamW.")
public final class BenchOptimCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "200", description = "timed steps per optimizer (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda[:N] (default ${DEFAULT-VALUE})")
    String device;

    @Override
    public Integer call() {
        Engine.start();
        Device target = Device.parse(device).requireAvailable();
        System.out.println("deep MLP (25 x Linear(219, 219)): "
                + OptimizerStepBench.run(() -> BenchModels.deepMlp(target), 20, steps));
        System.out.println("Fashion-MNIST CNN: " + OptimizerStepBench.run(() -> BenchModels.cnn(target), 20, steps));
        return 0;
    }
}
