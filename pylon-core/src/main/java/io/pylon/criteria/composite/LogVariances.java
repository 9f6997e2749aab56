package io.pylon.criteria.composite;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The learnable log-variances {@code s_i} of homoscedastic-uncertainty loss weighting (Kendall, Gal and
 * Cipolla, 2018): one parameter {@code log_variances} of shape (K), for the optimizer to update.
 */
public final class LogVariances extends Module {

    private final Tensor values;

    /** K log-variances, all starting at {@code initial}. */
    public LogVariances(int count, double initial) {
        super("LogVariances");
        values = register_parameter("log_variances", torch.full(new long[] {count}, new Scalar(initial)));
    }

    /** The parameter itself (moves with {@link Module#to}, which converts it in place). */
    public Tensor values() {
        return values;
    }
}
