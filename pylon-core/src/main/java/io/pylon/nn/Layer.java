package io.pylon.nn;

import java.util.function.UnaryOperator;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A registered libtorch module with its forward, so code generic in the number of spatial dimensions can
 * hold 2D and 3D layers alike (libtorch's {@link Module} has no common forward). Holding the record keeps the
 * Java wrapper of the registered module reachable.
 *
 * @param module the registered module
 * @param forward its forward function
 */
public record Layer(Module module, UnaryOperator<Tensor> forward) {

    public Tensor apply(Tensor x) {
        return forward.apply(x);
    }
}
