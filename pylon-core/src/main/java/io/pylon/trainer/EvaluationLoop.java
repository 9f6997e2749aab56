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

/** One pass over a split in eval mode without gradients; restores the model's training mode after. */
final class EvaluationLoop {

    private final LoopContext context;
    private final DeviceTransfer transfer;
    private final ShapeCheck shapeCheck;

    EvaluationLoop(LoopContext context) {
        this.context = context;
        this.transfer = new DeviceTransfer(context.parts().device());
        // the first batch's output, target, loss and metrics are checked together once per loop
        this.shapeCheck = new ShapeCheck(context.parts());
    }

    EvalResult run(DataLoader loader, String split) {
        TrainingComponents parts = context.parts();
        LoopState at = context.position();
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
                    try (Autocast autocast = context.precision().autocast()) {
                        forward = shapeCheck.run(input, target);
                    }
                    metrics.update(Precision.toFloat(forward.output()), target, batch.indices(), forward.loss(), batch.size(), scope);
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
