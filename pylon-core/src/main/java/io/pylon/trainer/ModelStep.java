package io.pylon.trainer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.PylonUserException;
import io.pylon.criteria.Criterion;
import io.pylon.criteria.MultiOutputCriterion;
import io.pylon.engine.Tensors;
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
public record ModelStep(Tensor output, Tensor loss) {

    public static ModelStep run(Model model, Criterion criterion, Tensor input, Tensor target) {
        OutputLayout layout = model.outputLayout();
        Map<String, Tensor> outputs;
        Tensor output;
        try {
            if (model instanceof MultiOutputModel multi && criterion instanceof MultiOutputCriterion) {
                outputs = new LinkedHashMap<>();
                for (Map.Entry<String, Tensor> out : multi.forwardAll(input).entrySet()) {
                    outputs.put(out.getKey(), layout.toClassDimOne(out.getValue()));
                }
                output = outputs.values().iterator().next();
            } else {
                outputs = null;
                output = layout.toClassDimOne(model.forward(input));
            }
        } catch (RuntimeException e) {
            throw integerInputError(model, input, e);
        }
        if (outputs != null) {
            Tensor loss = ((MultiOutputCriterion) criterion).apply(outputs, Map.of(MultiOutputCriterion.TARGET, target));
            return new ModelStep(output, loss);
        }
        return new ModelStep(output, criterion.apply(output, target));
    }

    /**
     * A model with float weights fed integer pixels fails deep in libtorch (input vs bias dtype); say which
     * transform is missing instead. int64 input is what token models take: only a dtype complaint from libtorch
     * turns it into this error, any other failure of a token model goes on unchanged.
     */
    private static RuntimeException integerInputError(Model model, Tensor input, RuntimeException error) {
        if (error instanceof PylonUserException || input.is_floating_point()) {
            return error;
        }
        // JavaCPP hands back enum constants that must be compared by value
        int type = input.scalar_type().value;
        if (type == ScalarType.Long.value && !mentionsDtype(error)) {
            return error;
        }
        return new PylonUserException("model '" + model.getClass().getSimpleName() + "' computes in floating point but"
                + " the batch input is " + name(type) + " " + Arrays.toString(Tensors.shape(input)) + ":"
                + " add the to_float transform to data.transforms (`- name: to_float`, then normalize or"
                + " scale_intensity) or store the data as float32", error);
    }

    /** libtorch's wording when integer input meets float weights (convolution, linear, batch norm). */
    private static boolean mentionsDtype(RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        return message.contains("dtype") || message.contains("scalar type") || message.contains("not implemented for");
    }

    private static String name(int type) {
        for (ScalarType t : ScalarType.values()) {
            if (t.value == type) {
                return switch (t) {
                    case Byte -> "uint8";
                    case Char -> "int8";
                    case Short -> "int16";
                    case Int -> "int32";
                    case Long -> "int64";
                    case Bool -> "bool";
                    default -> t.name().toLowerCase(Locale.ROOT);
                };
            }
        }
        return "dtype " + type;
    }
}
