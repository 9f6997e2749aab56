package io.pylon.trainer;

import java.util.function.DoubleSupplier;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.engine.StepScope;

/**
 * The summed loss of one optimizer step's micro-batches, kept on the device: adding a micro-batch is an
 * in-place add, not a {@code item()}; the value crosses to the host only when {@link #getAsDouble} is first
 * called (when the loss is logged or checked). Owns one retained scalar tensor until {@link #close}.
 */
final class StepLoss implements DoubleSupplier, AutoCloseable {

    private Tensor sum;
    private int microBatches;
    private boolean read;
    private double mean = Double.NaN;
    private boolean closed;

    /** Adds one micro-batch's loss; {@code scope} is the micro-batch's scope (the first sum outlives it). */
    void add(Tensor loss, StepScope scope) {
        // float64, as the host-side double sum it replaces (the same value with or without accumulation)
        Tensor value = loss.detach().to(ScalarType.Double);
        if (sum == null) {
            sum = scope.keep(value.clone());
        } else {
            sum.add_(value);
        }
        microBatches++;
    }

    int microBatches() {
        return microBatches;
    }

    @Override
    public double getAsDouble() {
        if (!read) {
            if (closed) {
                throw new IllegalStateException("a step's loss must be read inside the hook that received it");
            }
            mean = sum == null ? Double.NaN : sum.item_double() / microBatches;
            read = true;
        }
        return mean;
    }

    @Override
    public void close() {
        if (sum != null) {
            sum.close();
            sum = null;
        }
        closed = true;
    }
}
