package io.pylon.models.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NamedTensor;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.named_buffer_iterator;
import org.bytedeco.pytorch.named_buffer_list;
import org.bytedeco.pytorch.named_parameter_iterator;
import org.bytedeco.pytorch.named_parameter_list;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.engine.Engine;
import io.pylon.models.Model;

/**
 * A TorchScript file saved by PyTorch ({@code torch.jit.script(m).save(path)} or {@code torch.jit.trace}),
 * loaded with {@code torch::jit::load} and run as a Pylon {@link Model}.
 *
 * <p>A {@link JitModule} is not an {@code org.bytedeco.pytorch.Module}, which the optimizer, checkpoints and
 * {@link Weights} work on. So {@link #module()} is a <em>mirror</em>: a plain {@code Module} tree with one child
 * per dotted path segment, whose parameters and buffers are registered as the script module's own tensors
 * (the same TensorImpl, not copies). Everything done through the mirror therefore acts on the script module:
 * the optimizer re-pointing parameters into its flat buffers ({@code set_data}), {@code module().to(device)},
 * {@link Weights#load}/{@link Weights#save} and checkpoints, {@link Freezing}, and the gradients backward
 * accumulates through the scripted forward. Train/eval mode is copied from the mirror to the script module on
 * every forward, so the trainer's {@code train()}/{@code eval()} calls reach dropout and batch norm.
 *
 * <p>Limits: forward takes one tensor and must return one tensor; methods other than {@code forward} are not
 * reachable; {@code module().to(...)} moves parameters and buffers but not tensors the script holds as plain
 * attributes (constants created inside {@code forward} follow the input).
 */
public final class TorchScriptModel implements Model {

    private final JitModule script;
    private final Module mirror;
    /** Kept so the Java wrappers of the mirror's children stay reachable while the mirror is in use. */
    private final List<Module> children = new ArrayList<>();

    private TorchScriptModel(JitModule script) {
        this.script = script;
        this.mirror = new Module("TorchScriptModel");
        Map<String, Module> byPath = new LinkedHashMap<>();
        byPath.put("", mirror);
        named_parameter_list parameters = script.named_parameters(true);
        for (named_parameter_iterator it = parameters.begin(); it.notEquals(parameters.end()); it = it.increment()) {
            NamedTensor item = it.multiply();
            Tensor tensor = new Tensor(item.value());
            owner(byPath, item.name().getString()).register_parameter(leaf(item.name().getString()), tensor,
                    tensor.requires_grad());
        }
        named_buffer_list buffers = script.named_buffers(true);
        for (named_buffer_iterator it = buffers.begin(); it.notEquals(buffers.end()); it = it.increment()) {
            NamedTensor item = it.multiply();
            owner(byPath, item.name().getString()).register_buffer(leaf(item.name().getString()), new Tensor(item.value()));
        }
        mirror.train(script.is_training());
    }

    /** Loads a TorchScript file onto the CPU. */
    public static TorchScriptModel load(Path file) {
        Engine.start();
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException("TorchScript file " + file + " does not exist");
        }
        JitModule script;
        try {
            script = torch.load(file.toString());
        } catch (RuntimeException e) {
            throw new PylonUserException(file + ": not a loadable TorchScript file (save it with torch.jit.script(model)"
                    + ".save(path) or torch.jit.trace): " + firstLine(e.getMessage()), e);
        }
        return new TorchScriptModel(script);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (script.is_training() != mirror.is_training()) {
            script.train(mirror.is_training());
        }
        IValue result = script.forward(new IValueVector(new IValue(input)));
        if (!result.isTensor()) {
            throw new IllegalStateException("the TorchScript forward returned " + result.tagKind().getString()
                    + ", not a tensor; only single-tensor models are supported");
        }
        return result.toTensor();
    }

    /** The mirror module sharing the script module's parameters and buffers (see the class comment). */
    @Override
    public Module module() {
        return mirror;
    }

    /** The loaded script module itself. */
    public JitModule script() {
        return script;
    }

    private Module owner(Map<String, Module> byPath, String dotted) {
        int cut = dotted.lastIndexOf('.');
        if (cut < 0) {
            return mirror;
        }
        String path = dotted.substring(0, cut);
        Module found = byPath.get(path);
        if (found != null) {
            return found;
        }
        Module parent = owner(byPath, path);
        Module child = parent.register_module(leaf(path), new Module(leaf(path)));
        children.add(child);
        byPath.put(path, child);
        return child;
    }

    private static String leaf(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
