package io.pylon.trainer.strategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.CrossEntropy;
import io.pylon.data.LabelledTensors;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.testing.SyntheticData;
import io.pylon.testing.TinyModel;

/**
 * Child-process entry point: K AdamW steps of a TinyModel on batches of B samples, alone or as one rank
 * of a data-parallel job (from RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT; each rank takes its B/W share
 * of every batch). Writes the final parameters, one per line, to args[0]. {@code DIE_AT_STEP=k} makes
 * rank 1 exit at step k, before its all-reduce.
 */
public final class DataParallelStepsMain {

    private DataParallelStepsMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int steps = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Engine.start();
        Seeds.seed(11);
        LabelledTensors data = SyntheticData.make(batch * steps, 8, 3, 5, 2);
        TinyModel model = new TinyModel(8, 16, 3, 0.0);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 0.05), model);
        Optional<DistributedEnv> env = DistributedEnv.from(System.getenv());
        ProcessGroup group = env.map(e -> ProcessGroup.join(e, Duration.ofSeconds(60))).orElse(null);
        GradientSync sync = group == null ? null : new GradientSync(group);
        int rank = env.map(DistributedEnv::rank).orElse(0);
        int world = env.map(DistributedEnv::worldSize).orElse(1);
        int share = batch / world;
        String dieAt = System.getenv("DIE_AT_STEP");
        for (int step = 0; step < steps; step++) {
            if (dieAt != null && rank == 1 && step == Integer.parseInt(dieAt)) {
                System.out.println("rank 1 dies at step " + step);
                System.exit(3);
            }
            long from = (long) step * batch + (long) rank * share;
            LabelledTensors part = data.slice(from, from + share);
            optimizer.zeroGrad();
            Tensor loss = new CrossEntropy(0.0).apply(model.forward(part.inputs()), part.targets());
            loss.backward();
            if (sync != null) {
                sync.afterBackward(optimizer);
            }
            optimizer.step();
        }
        StringBuilder text = new StringBuilder();
        Tensor flat = optimizer.groups().get(0).flatParams().contiguous();
        for (long i = 0; i < flat.numel(); i++) {
            text.append(flat.select(0, i).item_double()).append('\n');
        }
        Files.writeString(out, text);
        if (group != null) {
            group.close();
        }
        System.out.println("ok rank " + rank + " of " + world);
    }
}
