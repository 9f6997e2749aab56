package io.pylon.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.StringSharedModuleDict;
import org.bytedeco.pytorch.StringSharedModuleDictItemVector;
import org.bytedeco.pytorch.Tensor;

import io.pylon.nn.ModuleTensors;

/** Walks a module tree depth first into {@link ModuleRow}s, counting parameters per module. */
final class ModuleTree {

    private ModuleTree() {
    }

    static List<ModuleRow> rows(Module root, String rootType, int maxDepth) {
        List<ModuleRow> rows = new ArrayList<>();
        visit(root, "", 0, rootType, maxDepth, rows);
        return rows;
    }

    private static void visit(Module module, String path, int depth, String type, int maxDepth, List<ModuleRow> rows) {
        long own = count(ModuleTensors.ownParameters(module), false);
        Map<String, Tensor> all = ModuleTensors.parameters(module);
        long total = count(all, false);
        long trainable = count(all, true);
        rows.add(new ModuleRow(path, depth, type, own, total, trainable, total - trainable));
        if (maxDepth >= 0 && depth >= maxDepth) {
            return;
        }
        StringSharedModuleDict children = module.named_children();
        StringSharedModuleDictItemVector items = children.items();
        for (long i = 0; i < items.size(); i++) {
            String name = items.get(i).key().getString();
            // value() points into the vector's memory, freed when the vector is collected: own a handle
            Module child = new Module(items.get(i).value());
            visit(child, path.isEmpty() ? name : path + "." + name, depth + 1, typeName(child), maxDepth, rows);
        }
    }

    private static long count(Map<String, Tensor> parameters, boolean trainableOnly) {
        long n = 0;
        for (Tensor t : parameters.values()) {
            if (!trainableOnly || t.requires_grad()) {
                n += t.numel();
            }
        }
        return n;
    }

    /** {@code torch::nn::LinearImpl} reads as {@code Linear}, the name PyTorch users know. */
    static String typeName(Module module) {
        String name = module.name().getString();
        int colons = name.lastIndexOf("::");
        String simple = colons < 0 ? name : name.substring(colons + 2);
        return simple.endsWith("Impl") && simple.length() > 4 ? simple.substring(0, simple.length() - 4) : simple;
    }
}
