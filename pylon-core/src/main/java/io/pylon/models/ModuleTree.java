package io.pylon.models;

import java.lang.ref.Reference;
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
        visit(root, "", 0, rootType, maxDepth, JavaModules.typesByAddress(root), rows);
        return rows;
    }

    private static void visit(Module module, String path, int depth, String type, int maxDepth,
            Map<Long, String> javaTypes, List<ModuleRow> rows) {
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
            // value() points into the vector's memory, which the fence below keeps alive; new Module(value)
            // would copy the C++ module (another address, another name), not take a handle on it
            Module child = items.get(i).value();
            String childType = javaTypes.getOrDefault(child.address(), libtorchName(child));
            visit(child, path.isEmpty() ? name : path + "." + name, depth + 1, childType, maxDepth, javaTypes, rows);
        }
        Reference.reachabilityFence(items);
        Reference.reachabilityFence(children);
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

    /**
     * Libtorch's name for a module Java does not hold: {@code torch::nn::LinearImpl} reads as {@code Linear};
     * JavaCPP's adapter classes spell {@code :} as {@code _0003a}.
     */
    static String libtorchName(Module module) {
        String name = module.name().getString().replace("_0003a", ":");
        int colons = name.lastIndexOf("::");
        return JavaModules.stripImpl(colons < 0 ? name : name.substring(colons + 2));
    }
}
