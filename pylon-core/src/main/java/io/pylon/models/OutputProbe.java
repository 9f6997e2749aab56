package io.pylon.models;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.nn.ModuleTensors;

/**
 * Output shapes of a model for one all-zero sample. Libtorch's C++ frontend has no forward hooks that Java
 * can register, so only the model's own outputs are measured, not each layer's. The forward runs in eval
 * mode without gradients on the parameters' device, and the training mode is restored afterwards.
 */
final class OutputProbe {

    private OutputProbe() {
    }

    /**
     * Output name to shape ({@code output} for a single-output model). A float input is tried first, then an
     * integer one (token models embed ids); if both fail the failure is returned as the only entry.
     */
    static Map<String, String> shapes(Model model, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = 1;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        Module module = model.module();
        Tensor reference = ModuleTensors.parameters(module).values().stream().findFirst().orElse(null);
        boolean wasTraining = module.is_training();
        module.eval();
        try (NoGradGuard guard = new NoGradGuard()) {
            try {
                return forward(model, input(shape, reference, false));
            } catch (RuntimeException floatFailure) {
                try {
                    return forward(model, input(shape, reference, true));
                } catch (RuntimeException integerFailure) {
                    integerFailure.addSuppressed(floatFailure);
                    return Map.of("unavailable", firstLine(floatFailure.getMessage()));
                }
            }
        } finally {
            module.train(wasTraining);
        }
    }

    private static Tensor input(long[] shape, Tensor reference, boolean integer) {
        Tensor zeros = torch.zeros(shape);
        if (integer) {
            zeros = zeros.to(torch.ScalarType.Long);
        } else if (reference != null && reference.is_floating_point()) {
            zeros = zeros.to(reference.scalar_type());
        }
        return reference == null ? zeros : zeros.to(reference.device(), zeros.scalar_type(), false, false,
                new MemoryFormatOptional());
    }

    private static Map<String, String> forward(Model model, Tensor input) {
        Map<String, String> shapes = new LinkedHashMap<>();
        if (model instanceof MultiOutputModel multi) {
            multi.forwardAll(input).forEach((name, t) -> shapes.put(name, Arrays.toString(t.sizes().vec().get())));
        } else {
            shapes.put("output", Arrays.toString(model.forward(input).sizes().vec().get()));
        }
        return shapes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "forward failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
