package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Focal Tversky loss (Abraham and Khan 2019): the {@link Tversky} index TI per sample and class, then
 * <pre>
 *   loss = mean_{n,c} (1 - TI)^gamma
 * </pre>
 * gamma &lt; 1 (the paper's 1/(4/3) = 0.75) focuses on the harder, low-TI classes. {@code 1 - TI} is clamped
 * below at 1e-12 before the power and a class with {@code 1 - TI = 0} (perfect, or absent from target and
 * prediction) contributes exactly 0 with a zero gradient instead of the infinite slope of x^gamma at 0.
 *
 * @param mode              {@code multiclass} (default) or {@code binary}
 * @param alpha             weight of false positives, &gt;= 0
 * @param beta              weight of false negatives, &gt;= 0; alpha + beta &gt; 0
 * @param gamma             exponent, &gt; 0
 * @param smooth            &gt;= 0
 * @param includeBackground false drops class 0 (multiclass only)
 */
record FocalTversky(@Default("multiclass") LossMode mode, @Default("0.7") double alpha,
                    @Default("0.3") double beta, @Default("0.75") double gamma,
                    @Default("1.0") double smooth, @Default("true") boolean includeBackground)
        implements Criterion {

    static final double FLOOR = 1e-12;

    public FocalTversky {
        Tversky.validate(mode, alpha, beta, smooth, includeBackground);
        InvalidValueException.require(gamma > 0 && Double.isFinite(gamma), "gamma",
                "must be finite and > 0, got %s", gamma);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Tensor oneMinusTi = Tversky.perClass(output, target, mode, alpha, beta, smooth, includeBackground,
                "focal_tversky");
        Tensor positive = oneMinusTi.gt(scalar(0)).to(oneMinusTi.scalar_type());
        return oneMinusTi.clamp_min(scalar(FLOOR)).pow(scalar(gamma)).mul(positive).mean();
    }
}
