package io.pylon.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.StringTensorDictItemVector;
import org.bytedeco.pytorch.Tensor;

/** A module's parameters and buffers by their dotted names, and in-place loading of them. */
public final class ModuleTensors {

    private ModuleTensors() {
    }

    public static Map<String, Tensor> parameters(Module module) {
        return toMap(module.named_parameters(true));
    }

    /** The module's own parameters, without those of its submodules ({@code recurse = false}). */
    public static Map<String, Tensor> ownParameters(Module module) {
        return toMap(module.named_parameters(false));
    }

    public static Map<String, Tensor> buffers(Module module) {
        return toMap(module.named_buffers(true));
    }

    /** Parameters then buffers, the full state a checkpoint must hold. */
    public static Map<String, Tensor> stateDict(Module module) {
        Map<String, Tensor> all = new LinkedHashMap<>(parameters(module));
        all.putAll(buffers(module));
        return all;
    }

    /**
     * Copies {@code source} into the module's tensors in place (so parameters that are views of an
     * optimizer's flat buffer stay views). Every name must match in both directions with equal shapes.
     */
    public static void loadStateDict(Module module, Map<String, Tensor> source) {
        Map<String, Tensor> target = stateDict(module);
        StringBuilder problems = new StringBuilder();
        for (String name : target.keySet()) {
            if (!source.containsKey(name)) {
                problems.append("\n  missing: ").append(name);
            }
        }
        for (String name : source.keySet()) {
            if (!target.containsKey(name)) {
                problems.append("\n  unexpected: ").append(name);
            }
        }
        for (Map.Entry<String, Tensor> e : target.entrySet()) {
            Tensor src = source.get(e.getKey());
            if (src != null && !Arrays.equals(src.sizes().vec().get(), e.getValue().sizes().vec().get())) {
                problems.append("\n  shape mismatch: ").append(e.getKey()).append(" expects ")
                        .append(Arrays.toString(e.getValue().sizes().vec().get())).append(", got ")
                        .append(Arrays.toString(src.sizes().vec().get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("state does not fit the model:" + problems);
        }
        try (NoGradGuard guard = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : target.entrySet()) {
                e.getValue().copy_(source.get(e.getKey()));
            }
        }
    }

    public static long parameterCount(Module module) {
        long total = 0;
        for (Tensor t : parameters(module).values()) {
            total += t.numel();
        }
        return total;
    }

    private static Map<String, Tensor> toMap(StringTensorDict dict) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        StringTensorDictItemVector items = dict.items();
        for (long i = 0; i < items.size(); i++) {
            // value() points into the vector's memory, freed when the vector is collected: own a handle
            out.put(items.get(i).key().getString(), new Tensor(items.get(i).value()));
        }
        return out;
    }
}
