package io.pylon.trainer.find;

import java.util.Iterator;

import org.bytedeco.pytorch.Tensor;

import io.pylon.data.Batch;
import io.pylon.engine.StepScope;
import io.pylon.trainer.DeviceTransfer;
import io.pylon.trainer.ModelStep;
import io.pylon.trainer.TrainingComponents;
import io.pylon.trainer.precision.Autocast;
import io.pylon.trainer.precision.Precision;

/**
 * Plain training steps over the train split for the finders: forward and loss under the run's precision,
 * backward, optimizer step. No callbacks, metrics or schedule: the finders set the learning rate themselves.
 */
final class FinderStep {

    private final TrainingComponents parts;
    private final Precision precision;
    private final DeviceTransfer transfer;
    private Iterator<Batch> batches;
    private int epoch;

    FinderStep(TrainingComponents parts) {
        this.parts = parts;
        this.precision = Precision.create(parts.config().precision(), parts.device());
        this.transfer = new DeviceTransfer(parts.device());
        parts.model().module().train(true);
    }

    /** Runs one step on the next batch (wrapping to the next epoch) and returns its loss. */
    double run() {
        try (StepScope scope = new StepScope()) {
            if (batches == null || !batches.hasNext()) {
                batches = parts.data().train().epoch(epoch++, 0);
                if (!batches.hasNext()) {
                    throw new IllegalStateException("the train split has no batches");
                }
            }
            Batch batch = batches.next();
            Tensor input = transfer.apply(batch.inputs());
            Tensor target = transfer.apply(batch.targets());
            ModelStep forward;
            try (Autocast autocast = precision.autocast()) {
                forward = ModelStep.run(parts.model(), parts.criterion(), input, target);
            }
            double loss = forward.loss().item_double();
            precision.scaleLoss(forward.loss()).backward();
            if (precision.unscaleGradients(parts.optimizer())) {
                parts.optimizer().step();
            }
            parts.optimizer().zeroGrad();
            return loss;
        }
    }
}
