package io.pylon.trainer;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;
import io.pylon.engine.Tensors;
import io.pylon.metrics.Metric;
import io.pylon.models.OutputLayout;

/**
 * The first batch a trainer runs checks that the model's output, the target, the loss and every metric agree on
 * shapes (class dimension 1, see {@link OutputLayout}): a mismatch becomes one user error naming the model, the
 * loss or metric and both shapes, instead of a libtorch stack trace at the first step or a failure later on the
 * metric thread. Later batches skip the check.
 */
final class ShapeCheck {

    private final TrainingComponents parts;
    private boolean done;

    ShapeCheck(TrainingComponents parts) {
        this.parts = parts;
    }

    /** {@link ModelStep#run}; on the first call, with the loss and metrics checked against the shapes. */
    ModelStep run(Tensor input, Tensor target) {
        if (done) {
            return ModelStep.run(parts.model(), parts.criterion(), input, target);
        }
        ModelStep step;
        try {
            step = ModelStep.run(parts.model(), parts.criterion(), input, target);
        } catch (PylonUserException e) {
            throw e;
        } catch (RuntimeException e) {
            Tensor output = parts.model().outputLayout().toClassDimOne(parts.model().forward(input));
            throw mismatch("loss '" + parts.criterionName() + "'", output, target, e);
        }
        Tensor output = step.output().detach();
        List<Metric> metrics = parts.metrics().get();
        for (Metric metric : metrics) {
            try {
                metric.update(output, target);
            } catch (RuntimeException e) {
                throw mismatch("metric '" + metric.name() + "'", output, target, e);
            }
        }
        done = true;
        return step;
    }

    private PylonUserException mismatch(String consumer, Tensor output, Tensor target, RuntimeException cause) {
        String layout = parts.model().outputLayout() == OutputLayout.CLASSES_LAST
                ? " (its [N, ..., C] output with the class dimension moved to 1)" : "";
        String reason = firstLine(cause.getMessage());
        return new PylonUserException("model '" + parts.modelName() + "' output " + shape(output) + layout
                + " and target " + shape(target) + " do not fit " + consumer + ": " + reason
                + "; losses and metrics take scores [N, C, *positions] with class targets [N, *positions] or"
                + " same-shape targets (docs/conventions.md): choose a model, loss and metric that agree", cause);
    }

    private static String shape(Tensor t) {
        return Arrays.toString(Tensors.shape(t));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
