package io.pylon.trainer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.Criterion;
import io.pylon.criteria.MultiOutputCriterion;
import io.pylon.models.Model;
import io.pylon.models.MultiOutputModel;
import io.pylon.models.OutputLayout;

/**
 * Forward and loss of one batch, shared by training and evaluation: a multi-output model with a
 * multi-output loss gives the loss all its outputs; metrics always see the main output. Outputs are handed on
 * with their class dimension at 1 whatever the model's {@link OutputLayout}.
 *
 * @param output the main output, class dimension 1
 * @param loss the scalar loss
 */
record ModelStep(Tensor output, Tensor loss) {

    static ModelStep run(Model model, Criterion criterion, Tensor input, Tensor target) {
        OutputLayout layout = model.outputLayout();
        if (model instanceof MultiOutputModel multi && criterion instanceof MultiOutputCriterion multiLoss) {
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            multi.forwardAll(input).forEach((name, out) -> outputs.put(name, layout.toClassDimOne(out)));
            Tensor loss = multiLoss.apply(outputs, Map.of(MultiOutputCriterion.TARGET, target));
            return new ModelStep(outputs.values().iterator().next(), loss);
        }
        Tensor output = layout.toClassDimOne(model.forward(input));
        return new ModelStep(output, criterion.apply(output, target));
    }
}
