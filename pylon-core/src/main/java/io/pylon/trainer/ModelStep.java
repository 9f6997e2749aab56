package io.pylon.trainer;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.Criterion;
import io.pylon.criteria.MultiOutputCriterion;
import io.pylon.models.Model;
import io.pylon.models.MultiOutputModel;

/**
 * Forward and loss of one batch, shared by training and evaluation: a multi-output model with a
 * multi-output loss gives the loss all its outputs; metrics always see the main output.
 *
 * @param output the main output
 * @param loss the scalar loss
 */
public record ModelStep(Tensor output, Tensor loss) {

    public static ModelStep run(Model model, Criterion criterion, Tensor input, Tensor target) {
        if (model instanceof MultiOutputModel multi && criterion instanceof MultiOutputCriterion multiLoss) {
            Map<String, Tensor> outputs = multi.forwardAll(input);
            Tensor loss = multiLoss.apply(outputs, Map.of(MultiOutputCriterion.TARGET, target));
            return new ModelStep(outputs.values().iterator().next(), loss);
        }
        Tensor output = model.forward(input);
        return new ModelStep(output, criterion.apply(output, target));
    }
}
