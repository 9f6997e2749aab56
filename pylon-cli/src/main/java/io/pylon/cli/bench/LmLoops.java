package io.pylon.cli.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Binder;
import io.pylon.config.YamlReader;
import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.data.InMemoryLoader;
import io.pylon.data.LabelledTensors;
import io.pylon.data.LoaderOptions;
import io.pylon.engine.Device;
import io.pylon.engine.Seeds;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.metrics.BitsPerCharacter;
import io.pylon.metrics.TokenParams;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.GptParams;
import io.pylon.models.gpt.SamplingParams;
import io.pylon.models.gpt.TokenListener;
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
 * The language-model workloads of {@code pylon bench lm}: Trainer epochs of the baby GPT of
 * examples/shakespeare-char.yaml (the same model, batch, AdamW and clipping as {@code bench/lm/peer_gpt.py}) on
 * random token windows, and generation with and without the KV cache.
 */
final class LmLoops {

    /** examples/shakespeare-char.yaml's model. */
    static final GptParams BABY = new GptParams(128, 4, 4, 512, 64, 0.0, false);
    /** examples/shakespeare-gpt.yaml's model. */
    static final GptParams SHAKESPEARE = new GptParams(384, 6, 6, 1536, 256, 0.2, false);
    /** Tiny Shakespeare's characters. */
    static final int VOCABULARY = 65;

    private static final OptimConfig ADAMW = Binder.bind(
            YamlReader.readDocument("{name: adamw, lr: 1.0e-3, betas: [0.9, 0.99], weight_decay: 0.1}", "bench lm"),
            "optim", OptimConfig.class);

    private final Device device;
    private final int batchSize;
    private final int steps;
    private final Path scratch;
    private final LabelledTensors data;
    private int round;

    LmLoops(Device device, int batchSize, int steps, Path scratch) {
        this.device = device;
        this.batchSize = batchSize;
        this.steps = steps;
        this.scratch = scratch;
        Seeds.seed(0);
        long n = (long) batchSize * steps;
        Tensor tokens = torch.randint(VOCABULARY, new long[] {n, BABY.blockSize() + 1});
        this.data = new LabelledTensors(tokens.narrow(1, 0, BABY.blockSize()).contiguous(),
                tokens.narrow(1, 1, BABY.blockSize()).contiguous());
    }

    /** Training tokens per second of one Trainer epoch of {@code steps} batches. */
    double trainerTokensPerSecond() {
        Seeds.seed(round);
        Gpt model = model(BABY);
        Optimizer optimizer = Optimizers.create(ADAMW, model);
        Scheduler scheduler = Scheduler.constant(optimizer);
        InMemoryLoader loader = new InMemoryLoader(data, new LoaderOptions(batchSize, true, round, true, 0));
        DataSplits splits = new DataSplits(loader, loader, loader, spec(BABY));
        TrainerConfig config = new TrainerConfig(1, 0, device.toString(), 0, 0, 0, 1, 1.0, 0.0, false);
        RunDirectory dir = RunDirectory.create(scratch, "bench-lm", "round-" + round++, Clock.systemUTC());
        TrainingComponents parts = new TrainingComponents(model, new CrossEntropy(0.0),
                () -> List.of(new BitsPerCharacter(new TokenParams(-100))), optimizer, scheduler, "val/loss", splits, device, config,
                List.of(new NanGuard(true), new MetricsLogger(1), new LrMonitor(1)), dir, "");
        try (Trainer trainer = new Trainer(parts, MetricsLog.append(dir.metrics()))) {
            sync();
            long begin = System.nanoTime();
            trainer.fit();
            sync();
            return (double) steps * batchSize * BABY.blockSize() / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /** New tokens per second when {@code model} continues a one-token prompt by {@code tokens} tokens. */
    static double generationTokensPerSecond(Gpt model, int tokens, boolean cached) {
        try (StepScope scope = new StepScope()) {
            Tensor prompt = Tensors.fromLongs(new long[] {0}, 1, 1);
            long begin = System.nanoTime();
            model.generate(prompt, tokens, SamplingParams.seeded(1), cached, TokenListener.NONE);
            return tokens / ((System.nanoTime() - begin) / 1e9);
        }
    }

    Gpt model(GptParams params) {
        Gpt model = new Gpt(params, spec(params));
        model.to(device.toTorch(), false);
        return model;
    }

    private static DataSpec spec(GptParams params) {
        return new DataSpec(new long[] {params.blockSize()}, VOCABULARY);
    }

    private void sync() {
        if (device instanceof Device.Cuda) {
            torch.cuda_synchronize();
        }
    }
}
