package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import java.util.List;
import java.util.Locale;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Focal loss (Lin et al. 2017), mean over elements:
 * <pre>
 *   loss_i = -alpha_t (1 - p_t)^gamma log p_t
 * </pre>
 * {@code binary}: logits x against {0, 1} targets y of the same shape, p_t = sigmoid(x) if y = 1 else
 * 1 - sigmoid(x), alpha_t = alpha if y = 1 else 1 - alpha (the value of torchvision's
 * {@code sigmoid_focal_loss}, mean reduction). {@code multiclass}: logits (N, C, *spatial) against class indices,
 * p_t = softmax(x)[y], alpha_t = alpha[y]; positions whose target is {@code ignore_index} are left out of the
 * mean (all ignored: loss 0). Both log p_t and log(1 - p_t) are computed in log space (log_sigmoid,
 * logsumexp), so saturated logits give finite values and gradients, also for gamma &lt; 1.
 *
 * @param mode        {@code multiclass} (default) or {@code binary}
 * @param alpha       empty for alpha_t = 1; binary: one value in [0, 1] ({@code alpha: 0.25} in YAML, the
 *                    same as {@code [0.25]}); multiclass: one finite value &gt;= 0 per
 *                    class (length checked against C at apply time)
 * @param gamma       focusing exponent, &gt;= 0 (0 gives cross-entropy)
 * @param ignoreIndex multiclass targets equal to this are ignored
 */
record Focal(@Default("multiclass") LossMode mode, @Default("[]") List<Double> alpha,
             @Default("2.0") double gamma, @Default("-100") long ignoreIndex) implements Criterion {

    public Focal {
        alpha = List.copyOf(alpha);
        if (mode == LossMode.BINARY) {
            InvalidValueException.require(alpha.size() <= 1, "alpha",
                    "binary mode takes one alpha in [0, 1], got %d values", alpha.size());
            InvalidValueException.require(alpha.isEmpty() || (alpha.get(0) >= 0 && alpha.get(0) <= 1), "alpha",
                    "must be in [0, 1] for mode %s, got %s", mode.name().toLowerCase(Locale.ROOT),
                    alpha.isEmpty() ? "" : alpha.get(0));
        } else {
            LossSupport.requireNonNegative(alpha, "alpha");
        }
        InvalidValueException.require(gamma >= 0 && Double.isFinite(gamma), "gamma",
                "must be finite and >= 0, got %s", gamma);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return mode == LossMode.BINARY ? binary(output, target) : multiclass(output, target);
    }

    private Tensor binary(Tensor output, Tensor target) {
        Tensor y = LossSupport.sameShapeTarget(output, target, "focal");
        // z = x for y = 1 and -x for y = 0, so p_t = sigmoid(z) and 1 - p_t = sigmoid(-z)
        Tensor z = output.mul(y.mul(scalar(2)).sub(scalar(1)));
        Tensor loss = torch.log_sigmoid(z).neg().mul(modulation(torch.log_sigmoid(z.neg())));
        if (!alpha.isEmpty()) {
            double a = alpha.get(0);
            loss = loss.mul(y.mul(scalar(2 * a - 1)).add(scalar(1 - a)));
        }
        return loss.mean();
    }

    private Tensor multiclass(Tensor output, Tensor target) {
        long classes = LossSupport.classes(output, "focal");
        Tensor valid = target.ne(scalar(ignoreIndex));
        Tensor safe = LossSupport.safeTargets(target, valid);
        Tensor normalizer = output.logsumexp(new long[] {1}, false);
        Tensor picked = output.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor logPt = picked.sub(normalizer);
        Tensor isTarget = LossSupport.oneHot(safe, output).to(torch.ScalarType.Bool);
        Tensor logRest = output.masked_fill(isTarget, scalar(Double.NEGATIVE_INFINITY))
                .logsumexp(new long[] {1}, false).sub(normalizer);
        Tensor loss = logPt.neg().mul(modulation(logRest));
        if (!alpha.isEmpty()) {
            LossSupport.requireOnePerClass(alpha, classes, "alpha");
            Tensor a = LossSupport.vector(alpha, output);
            loss = loss.mul(a.index_select(0, safe.flatten()).view_as(safe));
        }
        Tensor validF = valid.to(output.scalar_type());
        return LossSupport.ratioOrZero(loss.mul(validF).sum(), validF.sum());
    }

    /** (1 - p_t)^gamma from log(1 - p_t); exactly 1 for gamma = 0. */
    private Tensor modulation(Tensor logOneMinusPt) {
        return gamma == 0 ? torch.ones_like(logOneMinusPt) : logOneMinusPt.mul(scalar(gamma)).exp();
    }
}
