package io.pylon.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.data.DataSpec;
import io.pylon.nn.ModuleTensors;

/**
 * What a model is made of, like Lightning's ModelSummary: the module tree with parameter counts per module
 * (own and total, trainable and frozen), the output shapes for one sample and the parameters' size. Printed
 * at fit start so a wrong layer width or an accidentally frozen block shows before hours of training.
 *
 * @param modelType the model's Java class name
 * @param rows the modules, depth first, root first
 * @param inputShape the sample shape probed, batch dimension (1) included
 * @param outputShapes output name to shape, or {@code unavailable} to why the forward failed
 * @param parameterBytes bytes taken by all parameters (numel times element size)
 */
public record ModelSummary(String modelType, List<ModuleRow> rows, List<Long> inputShape,
        Map<String, String> outputShapes, long parameterBytes) {

    /** Why per-module shapes are missing, stated in every rendering so nobody looks for them. */
    static final String NO_LAYER_SHAPES = "Per-module output shapes are not shown: libtorch's C++ frontend offers"
            + " Java no forward hooks, so only the model's outputs are measured.";

    public ModelSummary {
        rows = List.copyOf(rows);
        inputShape = List.copyOf(inputShape);
        outputShapes = Map.copyOf(outputShapes);
    }

    /**
     * Summarises {@code model}, probing its outputs with a zero sample of {@code spec.inputShape()}.
     *
     * @param maxDepth deepest module level listed (0 = the root only); negative lists all
     */
    public static ModelSummary of(Model model, DataSpec spec, int maxDepth) {
        String type = model.getClass().getSimpleName();
        List<ModuleRow> rows = ModuleTree.rows(model.module(), type, maxDepth);
        long bytes = 0;
        for (Tensor t : ModuleTensors.parameters(model.module()).values()) {
            bytes += t.numel() * t.element_size();
        }
        long[] sample = spec.inputShape();
        Long[] input = new Long[sample.length + 1];
        input[0] = 1L;
        for (int i = 0; i < sample.length; i++) {
            input[i + 1] = sample[i];
        }
        return new ModelSummary(type, rows, Arrays.asList(input), OutputProbe.shapes(model, sample), bytes);
    }

    public ModuleRow root() {
        return rows.get(0);
    }

    public long totalParams() {
        return root().totalParams();
    }

    public long trainableParams() {
        return root().trainableParams();
    }

    public long frozenParams() {
        return root().frozenParams();
    }

    /** Parameter size in megabytes (10^6 bytes, as Lightning reports it). */
    public double sizeMb() {
        return parameterBytes / 1e6;
    }

    /** The table: one indented line per module, then the shapes and totals. */
    public String render() {
        int nameWidth = "Name".length();
        int typeWidth = "Type".length();
        for (ModuleRow row : rows) {
            nameWidth = Math.max(nameWidth, label(row).length());
            typeWidth = Math.max(typeWidth, row.type().length());
        }
        String format = "%-" + nameWidth + "s  %-" + typeWidth + "s  %12s  %12s  %12s  %12s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "Name", "Type", "Own params", "Total params", "Trainable",
                "Frozen"));
        for (ModuleRow row : rows) {
            out.append(String.format(Locale.ROOT, format, label(row), row.type(), count(row.ownParams()),
                    count(row.totalParams()), count(row.trainableParams()), count(row.frozenParams())));
        }
        out.append(String.format(Locale.ROOT, "Input shape: %s%n", inputShape));
        outputShapes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append(String.format(Locale.ROOT, "Output shape (%s): %s%n", e.getKey(), e.getValue())));
        out.append(String.format(Locale.ROOT, "Trainable params: %s%n", count(trainableParams())));
        out.append(String.format(Locale.ROOT, "Frozen params: %s%n", count(frozenParams())));
        out.append(String.format(Locale.ROOT, "Total params: %s%n", count(totalParams())));
        out.append(String.format(Locale.ROOT, "Total estimated params size (MB): %.3f%n", sizeMb()));
        out.append(NO_LAYER_SHAPES).append(System.lineSeparator());
        return out.toString();
    }

    private static String label(ModuleRow row) {
        return row.depth() == 0 ? "(model)" : "  ".repeat(row.depth()) + row.shortName();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
