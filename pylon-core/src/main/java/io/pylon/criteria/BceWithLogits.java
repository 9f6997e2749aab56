package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Binary cross-entropy on logits {@code x} against targets {@code y} in [0, 1] of the same shape, mean over all
 * elements; the value of PyTorch's {@code F.binary_cross_entropy_with_logits(x, y, pos_weight=p)}:
 * <pre>
 *   loss = mean[ -p y log sigmoid(x) - (1 - y) log sigmoid(-x) ]
 *        = mean[ (1 - y) x + (1 + (p - 1) y) softplus(-x) ]
 * </pre>
 * computed with {@code log_sigmoid}, so logits of any magnitude give finite values and gradients.
 *
 * @param posWeight weight p of the positive term, finite and &gt;= 0: empty for 1, one value for every element
 *                  ({@code pos_weight: 3.0}, the same as {@code [3.0]}), or one per class, broadcast along dim 1 of (N, C, *spatial)
 *                  outputs (length checked against C at apply time)
 */
record BceWithLogits(@Default("[]") List<Double> posWeight) implements Criterion {

    public BceWithLogits {
        posWeight = List.copyOf(posWeight);
        LossSupport.requireNonNegative(posWeight, "pos_weight");
    }

    public BceWithLogits() {
        this(List.of());
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Tensor y = LossSupport.sameShapeTarget(output, target, "bce_with_logits");
        Tensor negLogSigmoid = torch.log_sigmoid(output).neg();
        Tensor positiveFactor;
        if (posWeight.isEmpty()) {
            positiveFactor = torch.ones_like(y);
        } else if (posWeight.size() == 1) {
            positiveFactor = y.mul(scalar(posWeight.get(0) - 1)).add(scalar(1));
        } else {
            long classes = output.dim() < 2 ? 1 : output.size(1);
            InvalidValueException.require(posWeight.size() == classes, "pos_weight",
                    "must be one value or one per class: the output has %d classes along dim 1, got %d values",
                    classes, posWeight.size());
            Tensor p = LossSupport.alongClasses(LossSupport.vector(posWeight, output), output.dim());
            positiveFactor = y.mul(p.sub(scalar(1))).add(scalar(1));
        }
        Tensor oneMinusY = y.neg().add(scalar(1));
        return oneMinusY.mul(output).add(positiveFactor.mul(negLogSigmoid)).mean();
    }
}
