package io.pylon.nn;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.AutoGradMode;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorBase;
import org.bytedeco.pytorch.TensorTensorHook;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.VoidTensorHook;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.engine.Seeds;

/**
 * Gradient checkpointing (activation recomputation) for one block: the forward pass keeps only the block's
 * input and output; backward runs the block again to get its activations, then backpropagates through
 * that copy. Memory for activations drops from one set per block to one block's set, for about one extra
 * forward pass of compute.
 *
 * <p>libtorch's C++ frontend has no {@code torch.utils.checkpoint}, and a custom autograd {@code Function}
 * is a C++ template the presets cannot instantiate from Java. This builds the same thing from tensor hooks,
 * which the presets do expose:
 * <ol>
 *   <li>forward: {@code y = block(x)} under no-grad in a nested pointer scope, so the block's intermediate
 *       tensors are freed at once; the output handed on is {@code out = y + 0 * a}, where {@code a} is an
 *       alias of {@code x} (a fresh leaf when {@code x} needs no gradient). {@code out} is in the graph and
 *       its only path back goes through {@code a}.</li>
 *   <li>backward: a hook on {@code out} records its gradient {@code g}; the engine then reaches {@code a}
 *       with a zero gradient, and a hook on {@code a} replaces it: it re-runs {@code block} on a detached
 *       copy of {@code x} with gradients on, backpropagates {@code g} through it (the parameter gradients
 *       accumulate as usual) and returns the gradient of that copy, which the engine passes on upstream.</li>
 * </ol>
 * The recomputation sees the forward's RNG state (CPU, and CUDA when the input is there) and autocast
 * setting, so dropout masks and casts match. Without grad mode (evaluation) the block just runs.
 */
public final class Recompute {

    private static final Set<TensorTensorHook> PENDING = ConcurrentHashMap.newKeySet();

    private Recompute() {
    }

    /** {@code block(x)}, checkpointed when gradients are being recorded. */
    public static Tensor apply(UnaryOperator<Tensor> block, Tensor x) {
        if (!GradMode.is_enabled()) {
            return block.apply(x);
        }
        boolean cuda = x.is_cuda();
        int cudaIndex = cuda ? x.device().index() : -1;
        ForwardContext context = new ForwardContext(Seeds.cpuState(), cuda ? Seeds.cudaState(cudaIndex) : null,
                cudaIndex, torch.is_autocast_enabled(DeviceType.CPU), torch.get_autocast_dtype(DeviceType.CPU),
                torch.is_autocast_enabled(DeviceType.CUDA), torch.get_autocast_dtype(DeviceType.CUDA));
        Tensor y;
        try (PointerScope inner = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            y = outlive(inner, block.apply(x));
        }
        Tensor anchor = x.requires_grad() ? x.view_as(x) : x.detach().requires_grad_(true);
        Tensor zero;
        try (PointerScope inner = new PointerScope()) {
            // a 0-dim zero broadcasts onto y whatever the shapes; its gradient reaches the anchor's hook
            zero = outlive(inner, anchor.sum().mul(new Scalar(0.0)));
        }
        handToOuterScope(zero);
        Tensor out = y.add(zero);
        // y is not needed after the add (add saves nothing for backward): free it now, not at the step's end
        y.releaseReference();
        GradientHolder holder = new GradientHolder();
        RecomputeHook hook = new RecomputeHook(block, x, holder, context);
        out.register_hook(holder);
        anchor.register_hook(hook);
        // native code holds the hooks by address only: keep the Java objects reachable until backward ran
        PENDING.add(hook);
        return out;
    }

    /** Takes {@code tensor} out of {@code inner} (whose other tensors are freed at its close) with a reference of ours. */
    private static Tensor outlive(PointerScope inner, Tensor tensor) {
        tensor.retainReference();
        inner.detach(tensor);
        return tensor;
    }

    /** Gives an {@link #outlive}d tensor to the enclosing scope (the step's), which frees it with the step. */
    private static void handToOuterScope(Tensor tensor) {
        PointerScope outer = PointerScope.getInnerScope();
        if (outer != null) {
            outer.attach(tensor);
            tensor.releaseReference();
        }
    }

    /** What the recomputation must reproduce. */
    private record ForwardContext(byte[] cpuRng, byte[] cudaRng, int cudaIndex, boolean cpuAutocast,
            ScalarType cpuDtype, boolean cudaAutocast, ScalarType cudaDtype) {
    }

    /** Keeps the gradient of the block's output until the recompute hook runs. */
    private static final class GradientHolder extends VoidTensorHook {
        private Tensor gradient;

        @Override
        public void call(TensorBase grad) {
            gradient = new Tensor(grad);
        }
    }

    private static final class RecomputeHook extends TensorTensorHook {
        private final UnaryOperator<Tensor> block;
        private final Tensor input;
        private final GradientHolder output;
        private final ForwardContext context;

        RecomputeHook(UnaryOperator<Tensor> block, Tensor input, GradientHolder output, ForwardContext context) {
            this.block = block;
            this.input = input;
            this.output = output;
            this.context = context;
        }

        @Override
        public TensorBase call(TensorBase zeroGradient) {
            if (output.gradient == null) {
                return zeroGradient;
            }
            byte[] cpuNow = Seeds.cpuState();
            byte[] cudaNow = context.cudaRng() == null ? null : Seeds.cudaState(context.cudaIndex());
            boolean cpuAutocastNow = torch.is_autocast_enabled(DeviceType.CPU);
            boolean cudaAutocastNow = torch.is_autocast_enabled(DeviceType.CUDA);
            Tensor inputGradient;
            try (PointerScope inner = new PointerScope(); AutoGradMode gradOn = new AutoGradMode(true)) {
                Seeds.restoreCpuState(context.cpuRng());
                if (cudaNow != null) {
                    Seeds.restoreCudaState(context.cudaIndex(), context.cudaRng());
                }
                setAutocast(context.cpuAutocast(), context.cpuDtype(), context.cudaAutocast(), context.cudaDtype());
                Tensor copy = input.detach().requires_grad_(true);
                Tensor y = block.apply(copy);
                setAutocast(cpuAutocastNow, context.cpuDtype(), cudaAutocastNow, context.cudaDtype());
                TensorVector outputs = new TensorVector(y);
                TensorVector gradients = new TensorVector(output.gradient);
                torch.backward(outputs, gradients, new org.bytedeco.pytorch.BoolOptional(), false, new TensorVector());
                // grad() is a reference into copy, which this scope frees: take an owning handle
                inputGradient = new Tensor(copy.grad());
                if (!inputGradient.defined()) {
                    inputGradient = torch.zeros_like(input);
                }
                inputGradient = outlive(inner, inputGradient);
            } finally {
                Seeds.restoreCpuState(cpuNow);
                if (cudaNow != null) {
                    Seeds.restoreCudaState(context.cudaIndex(), cudaNow);
                }
                output.gradient = null;
                PENDING.remove(this);
            }
            return inputGradient;
        }

        private static void setAutocast(boolean cpu, ScalarType cpuDtype, boolean cuda, ScalarType cudaDtype) {
            torch.set_autocast_enabled(DeviceType.CPU, cpu);
            torch.set_autocast_dtype(DeviceType.CPU, cpuDtype);
            torch.set_autocast_enabled(DeviceType.CUDA, cuda);
            torch.set_autocast_dtype(DeviceType.CUDA, cudaDtype);
        }
    }
}
