package io.pylon.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.criteria.Criterion;
import io.pylon.criteria.CrossEntropy;
import io.pylon.criteria.composite.DeepSupervisionLoss;
import io.pylon.criteria.composite.MultiTaskLoss;
import io.pylon.criteria.composite.TaskHead;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.data.InMemoryLoader;
import io.pylon.data.LabelledTensors;
import io.pylon.data.LoaderOptions;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.metrics.Metrics;
import io.pylon.models.MultiOutputModel;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.testing.SyntheticData;
import io.pylon.testing.TestComponents;

/** Deep supervision and multi-task losses get every output of a multi-output model during training. */
class MultiOutputTrainingTest {

    @TempDir
    Path runs;

    /** Full-resolution logits from one convolution, half-resolution logits from another on pooled input. */
    static final class TwoScaleSegmenter extends Module implements MultiOutputModel {
        private final Conv2dImpl full;
        private final Conv2dImpl coarse;

        TwoScaleSegmenter() {
            full = register_module("full", conv());
            coarse = register_module("coarse", conv());
        }

        private static Conv2dImpl conv() {
            Conv2dOptions options = new Conv2dOptions(1, 2, new LongPointer(3L, 3L));
            options.padding().put(new LongPointer(1L, 1L));
            return new Conv2dImpl(options);
        }

        @Override
        public Map<String, Tensor> forwardAll(Tensor input) {
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            outputs.put("scale0", full.forward(input));
            outputs.put("scale1", coarse.forward(torch.avg_pool2d(input, 2, 2)));
            return outputs;
        }
    }

    /** Two linear heads over the same features. */
    static final class TwoHeadClassifier extends Module implements MultiOutputModel {
        private final LinearImpl main;
        private final LinearImpl aux;

        TwoHeadClassifier(int features, int classes) {
            main = register_module("main", new LinearImpl(features, classes));
            aux = register_module("aux", new LinearImpl(features, classes));
        }

        @Override
        public Map<String, Tensor> forwardAll(Tensor input) {
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            outputs.put("main", main.forward(input));
            outputs.put("aux", aux.forward(input));
            return outputs;
        }
    }

    private Trainer trainer(MultiOutputModel model, Criterion criterion, DataSplits data, String name) {
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 0.05), model);
        long steps = data.train().batchesPerEpoch() * 4;
        Scheduler scheduler = Scheduler.constant(optimizer);
        RunDirectory dir = RunDirectory.create(runs, "multi", name, Clock.systemUTC());
        TrainerConfig config = new TrainerConfig(4, 0, "cpu", 1, 1, 0, 1, 0.0, 0.0, false);
        return new Trainer(new TrainingComponents(model, criterion, () -> TestComponents.metrics(List.of("accuracy")),
                optimizer, scheduler, "val/loss", data, Device.CPU, config, List.of(), dir, ""), MetricsLog.append(dir.metrics()));
    }

    private static float[] copy(Module module, String name) {
        return Tensors.toFloats(ModuleTensors.parameters(module).get(name));
    }

    @Test
    void deepSupervisionTrainsEveryScale() {
        Engine.start();
        Seeds.seed(3);
        Tensor x = torch.randn(64, 1, 8, 8);
        Tensor y = torch.gt(x.select(1, 0), new org.bytedeco.pytorch.Scalar(0.0)).to(torch.ScalarType.Long);
        LabelledTensors pixels = new LabelledTensors(x, y);
        InMemoryLoader loader = new InMemoryLoader(pixels, new LoaderOptions(16, true, 3, false, 0));
        DataSplits data = new DataSplits(loader, new InMemoryLoader(pixels, LoaderOptions.sequential(32)),
                loader, new DataSpec(new long[] {1, 8, 8}, 2));
        TwoScaleSegmenter model = new TwoScaleSegmenter();
        float[] coarseBefore = copy(model, "coarse.weight");
        try (Trainer trainer = trainer(model, new DeepSupervisionLoss(new CrossEntropy(0.0)), data, "ds")) {
            EvalResult before = trainer.validate();
            trainer.fit();
            EvalResult after = trainer.validate();
            assertThat(after.values().get("loss")).isLessThan(before.values().get("loss") * 0.7);
            assertThat(after.values().get("accuracy")).isGreaterThan(0.85);
        }
        assertThat(copy(model, "coarse.weight")).as("the coarse head only learns through the deep-supervision loss")
                .isNotEqualTo(coarseBefore);
    }

    @Test
    void multiTaskLossTrainsEveryHeadAgainstTheBatchTarget() {
        Engine.start();
        Seeds.seed(4);
        DataSplits data = SyntheticData.splits(128, 8, 3, 16, 4);
        TwoHeadClassifier model = new TwoHeadClassifier(8, 3);
        float[] auxBefore = copy(model, "aux.weight");
        MultiTaskLoss loss = new MultiTaskLoss(Map.of("main", new TaskHead(new CrossEntropy(0.0), 1.0),
                "aux", new TaskHead(new CrossEntropy(0.0), 0.5)));
        try (Trainer trainer = trainer(model, loss, data, "mt")) {
            trainer.fit();
            assertThat(trainer.validate().values().get("accuracy")).isGreaterThan(0.6);
        }
        assertThat(copy(model, "aux.weight")).isNotEqualTo(auxBefore);
    }
}
