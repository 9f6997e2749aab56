package io.pylon.trainer;

import java.util.Iterator;
import java.util.Map;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import io.pylon.data.Batch;
import io.pylon.data.DataLoader;
import io.pylon.engine.StepScope;
import io.pylon.metrics.PerSampleWriter;
import io.pylon.trainer.precision.Autocast;
import io.pylon.trainer.precision.Precision;

/** One pass over a split in eval mode without gradients, under the training precision's autocast; restores the model's training mode after. */
final class Evaluation {

    private final TrainingComponents parts;
    private final DeviceTransfer transfer;
    private final Precision precision;

    Evaluation(TrainingComponents parts, Precision precision) {
        this.parts = parts;
        this.precision = precision;
        this.transfer = new DeviceTransfer(parts.device());
    }

    EvalResult run(DataLoader loader, String split, LoopState at) {
        boolean wasTraining = parts.model().module().is_training();
        parts.model().module().train(false);
        try (RunningMetrics metrics = new RunningMetrics(parts.metrics().get());
             NoGradGuard noGrad = new NoGradGuard()) {
            Iterator<Batch> batches = loader.epoch(0, 0);
            while (batches.hasNext()) {
                try (StepScope scope = new StepScope()) {
                    Batch batch = batches.next();
                    Tensor input = transfer.apply(batch.inputs());
                    Tensor target = transfer.apply(batch.targets());
                    ModelStep forward;
                    try (Autocast autocast = precision.autocast()) {
                        forward = ModelStep.run(parts.model(), parts.criterion(), input, target);
                    }
                    Tensor output = Precision.toFloat(forward.output());
                    double loss = forward.loss().item_double();
                    metrics.update(output, target, batch.indices(), loss, batch.size());
                }
            }
            EvalResult result = metrics.result(split, at);
            Map<String, Map<Long, Double>> perSample = metrics.perSample();
            if (!perSample.isEmpty()) {
                PerSampleWriter.write(parts.runDirectory().path(), split, at.globalStep(), perSample);
            }
            return result;
        } finally {
            parts.model().module().train(wasTraining);
        }
    }
}
