package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Tversky loss (Salehi et al. 2017). With p, t and the sums as for {@link Dice}, TP = sum p t,
 * FP = sum p (1 - t) = sum p - TP, FN = sum (1 - p) t = sum t - TP, per sample and class:
 * <pre>
 *   TI = (TP + smooth) / (TP + alpha FP + beta FN + smooth),    loss = mean_{n,c} (1 - TI)
 * </pre>
 * alpha = beta = 0.5 gives Dice. A class absent from target and prediction has TI = 1 (loss 0), also when
 * {@code smooth = 0}.
 *
 * @param mode              {@code multiclass} (default) or {@code binary}
 * @param alpha             weight of false positives, &gt;= 0
 * @param beta              weight of false negatives, &gt;= 0; alpha + beta &gt; 0
 * @param smooth            &gt;= 0
 * @param includeBackground false drops class 0 (multiclass only)
 */
record Tversky(@Default("multiclass") LossMode mode, @Default("0.5") double alpha,
               @Default("0.5") double beta, @Default("1.0") double smooth,
               @Default("true") boolean includeBackground) implements Criterion {

    public Tversky {
        validate(mode, alpha, beta, smooth, includeBackground);
    }

    static void validate(LossMode mode, double alpha, double beta, double smooth, boolean includeBackground) {
        InvalidValueException.require(alpha >= 0 && Double.isFinite(alpha), "alpha",
                "must be finite and >= 0, got %s", alpha);
        InvalidValueException.require(beta >= 0 && Double.isFinite(beta), "beta",
                "must be finite and >= 0, got %s", beta);
        InvalidValueException.require(alpha + beta > 0, "beta", "alpha + beta must be > 0, got %s + %s",
                alpha, beta);
        InvalidValueException.require(smooth >= 0 && Double.isFinite(smooth), "smooth",
                "must be finite and >= 0, got %s", smooth);
        InvalidValueException.require(includeBackground || mode == LossMode.MULTICLASS, "include_background",
                "false needs mode multiclass (binary mode has no background class)");
    }

    /** 1 - TI per (sample, class kept). */
    static Tensor perClass(Tensor output, Tensor target, LossMode mode, double alpha, double beta,
                           double smooth, boolean includeBackground, String loss) {
        Overlap o = Overlap.of(output, target, mode, false, includeBackground, loss);
        Tensor tp = o.truePositive();
        Tensor fp = o.predicted().sub(tp);
        Tensor fn = o.actual().sub(tp);
        Tensor denominator = tp.add(fp.mul(scalar(alpha))).add(fn.mul(scalar(beta))).add(scalar(smooth));
        return LossSupport.ratioOrOne(tp.add(scalar(smooth)), denominator).neg().add(scalar(1));
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return perClass(output, target, mode, alpha, beta, smooth, includeBackground, "tversky").mean();
    }
}
