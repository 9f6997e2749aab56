package io.pylon.cli.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.AdamWOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.models.Model;
import io.pylon.optim.NamedParameter;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.ParamGroup;
import io.pylon.optim.ParameterGrouping;

/**
 * Times the flat multi-tensor AdamW against libtorch's per-parameter {@code torch::optim::AdamW} on the
 * same model and device, with fixed random gradients (only the optimizer step is timed). The two run in
 * alternating blocks and each figure is the median block mean.
 */
public final class OptimizerStepBench {

    private static final double LR = 1e-3;
    private static final double WEIGHT_DECAY = 1e-2;
    private static final int BLOCKS = 10;

    /**
     * Wall time of one optimizer step (median over alternating blocks of the mean per step).
     *
     * @param device where the model's parameters live
     * @param parameters number of scalar parameters
     * @param tensors number of parameter tensors
     * @param steps timed steps per optimizer
     * @param flatMsPerStep this package's flat AdamW
     * @param perParameterMsPerStep libtorch's per-parameter AdamW
     */
    public record Result(String device, long parameters, int tensors, int steps, double flatMsPerStep,
            double perParameterMsPerStep) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, %,d params in %d tensors, %d steps: flat AdamW %.3f ms/step,"
                    + " libtorch per-parameter AdamW %.3f ms/step (%.2fx)", device, parameters, tensors, steps,
                    flatMsPerStep, perParameterMsPerStep, perParameterMsPerStep / flatMsPerStep);
        }
    }

    private OptimizerStepBench() {
    }

    /**
     * Builds two models from {@code factory} (which must already place them on their device) and times
     * {@code steps} AdamW steps on each after {@code warmup} untimed ones.
     */
    public static Result run(Supplier<? extends Model> factory, int warmup, int steps) {
        if (warmup < 0 || steps < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and steps >= 1, got " + warmup + " and " + steps);
        }
        Engine.start();
        Model flatModel = factory.get();
        List<NamedParameter> params = ParameterGrouping.trainable(flatModel.module());
        long count = params.stream().mapToLong(p -> p.tensor().numel()).sum();
        String device = params.getFirst().tensor().device().str().getString();
        boolean cuda = params.getFirst().tensor().device().is_cuda();

        Optimizer flat = Optimizers.create(OptimConfig.of("adamw", LR).withWeightDecay(WEIGHT_DECAY), flatModel);
        try (NoGradGuard guard = new NoGradGuard()) {
            for (ParamGroup group : flat.groups()) {
                group.flatGrads().copy_(torch.randn_like(group.flatGrads()));
            }
        }

        Model referenceModel = factory.get();
        TensorVector referenceParams = new TensorVector();
        try (NoGradGuard guard = new NoGradGuard()) {
            for (NamedParameter p : ParameterGrouping.trainable(referenceModel.module())) {
                p.tensor().mutable_grad().put(torch.randn_like(p.tensor()));
                referenceParams.push_back(p.tensor());
            }
        }
        AdamWOptions options = new AdamWOptions(LR);
        options.weight_decay().put(WEIGHT_DECAY);
        AdamW reference = new AdamW(referenceParams, options);

        runSteps(flat::step, warmup);
        runSteps(reference::step, warmup);
        sync(cuda);
        // Alternating blocks, median block: on a shared machine the load drifts, and timing one optimizer
        // entirely before the other would hand it a different machine.
        int blocks = Math.min(BLOCKS, steps);
        int perBlock = Math.max(1, steps / blocks);
        double[] flatBlocks = new double[blocks];
        double[] referenceBlocks = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            flatBlocks[b] = timeBlock(flat::step, perBlock, cuda);
            referenceBlocks[b] = timeBlock(reference::step, perBlock, cuda);
        }
        return new Result(device, count, params.size(), blocks * perBlock, median(flatBlocks), median(referenceBlocks));
    }

    private static void runSteps(Runnable step, int count) {
        for (int i = 0; i < count; i++) {
            try (StepScope scope = new StepScope()) {
                step.run();
            }
        }
    }

    private static double timeBlock(Runnable step, int count, boolean cuda) {
        long begin = System.nanoTime();
        runSteps(step, count);
        sync(cuda);
        return (System.nanoTime() - begin) / 1e6 / count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void sync(boolean cuda) {
        if (cuda) {
            torch.cuda_synchronize();
        }
    }

    /** Runs the benchmark on a 25-layer MLP of width 219: 1,204,500 parameters in 50 tensors. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Engine.start();
        boolean cuda = torch.cuda_is_available();
        Result result = run(() -> new DeepMlp(25, 219, cuda), 20, steps);
        System.out.println(result);
    }

    /** A stack of linear layers: enough parameter tensors to make per-parameter overhead visible. */
    static final class DeepMlp extends Module implements Model {

        private final LinearImpl[] layers;

        DeepMlp(int depth, int width, boolean cuda) {
            layers = new LinearImpl[depth];
            for (int i = 0; i < depth; i++) {
                layers[i] = register_module("layer" + i, new LinearImpl(width, width));
            }
            if (cuda) {
                to(new org.bytedeco.pytorch.Device(torch.DeviceType.CUDA), false);
            }
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor x = input;
            for (LinearImpl layer : layers) {
                x = torch.relu(layer.forward(x));
            }
            return x;
        }
    }
}
