package io.pylon.cli.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSplits;
import io.pylon.data.InMemoryLoader;
import io.pylon.data.LabelledTensors;
import io.pylon.data.LoaderOptions;
import io.pylon.engine.Device;
import io.pylon.engine.Seeds;
import io.pylon.engine.StepScope;
import io.pylon.metrics.Accuracy;
import io.pylon.models.Model;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;
import io.pylon.trainer.TrainingComponents;
import io.pylon.trainer.callback.LrMonitor;
import io.pylon.trainer.callback.MetricsLogger;
import io.pylon.trainer.callback.NanGuard;

/**
 * One round of {@code steps} CNN training steps, either through the {@link Trainer} or through a bare
 * loop. Both use the same data (random Fashion-MNIST-shaped tensors), model class, loss and AdamW, so the
 * difference is what the Trainer adds: loader, callbacks, metrics, scheduler, NaN guard and logging.
 */
final class StepLoops {

    private static final OptimConfig ADAMW = OptimConfig.of("adamw", 1e-3);

    private final Device device;
    private final int batchSize;
    private final int steps;
    private final Path scratch;
    private final LabelledTensors data;
    private int round;

    StepLoops(Device device, int batchSize, int steps, Path scratch) {
        this.device = device;
        this.batchSize = batchSize;
        this.steps = steps;
        this.scratch = scratch;
        Seeds.seed(0);
        long n = (long) batchSize * steps;
        this.data = new LabelledTensors(torch.randn(n, 1, 28, 28), torch.randint(10, new long[] {n}));
    }

    /** Mean milliseconds per step of one Trainer epoch of {@code steps} batches. */
    double trainerRound() {
        Seeds.seed(round);
        Model model = BenchModels.cnn(device);
        Optimizer optimizer = Optimizers.create(ADAMW, model);
        Scheduler scheduler = Scheduler.constant(optimizer);
        InMemoryLoader loader = new InMemoryLoader(data, new LoaderOptions(batchSize, true, round, true, 0));
        DataSplits splits = new DataSplits(loader, loader, loader, BenchModels.FASHION_MNIST);
        TrainerConfig config = new TrainerConfig(1, 0, device.toString(), 0, 0, 0, 1, 0.0, 0.0, false);
        RunDirectory dir = RunDirectory.create(scratch, "bench", "round-" + round++, Clock.systemUTC());
        TrainingComponents parts = new TrainingComponents(model, new CrossEntropy(0.0),
                () -> List.of(new Accuracy()), optimizer, scheduler, "val/loss", splits, device, config,
                List.of(new NanGuard(true), new MetricsLogger(1), new LrMonitor(1)), dir, "");
        try (Trainer trainer = new Trainer(parts, MetricsLog.append(dir.metrics()))) {
            sync();
            long begin = System.nanoTime();
            trainer.fit();
            sync();
            return (System.nanoTime() - begin) / 1e6 / steps;
        }
    }

    /** Mean milliseconds per step of the same work written as a plain loop. */
    double bareRound() {
        Seeds.seed(round++);
        Model model = BenchModels.cnn(device);
        model.module().train(true);
        Optimizer optimizer = Optimizers.create(ADAMW, model);
        CrossEntropy loss = new CrossEntropy(0.0);
        org.bytedeco.pytorch.Device target = device.toTorch();
        boolean cpu = device instanceof Device.Cpu;
        sync();
        long begin = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            try (StepScope scope = new StepScope()) {
                Tensor x = data.inputs().narrow(0, (long) step * batchSize, batchSize);
                Tensor y = data.targets().narrow(0, (long) step * batchSize, batchSize);
                if (!cpu) {
                    x = x.to(target, x.scalar_type());
                    y = y.to(target, y.scalar_type());
                }
                Tensor value = loss.apply(model.forward(x), y);
                value.backward();
                optimizer.step();
                optimizer.zeroGrad();
                value.item_double();
            }
        }
        sync();
        return (System.nanoTime() - begin) / 1e6 / steps;
    }

    private void sync() {
        if (device instanceof Device.Cuda) {
            torch.cuda_synchronize();
        }
    }
}
