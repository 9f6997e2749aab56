package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import java.util.List;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Cross-entropy of logits {@code x} (N, C, *spatial) against class indices {@code y} (N, *spatial), the same
 * value as PyTorch's {@code F.cross_entropy(x, y, weight, ignore_index, label_smoothing)} with mean reduction.
 * With {@code l = log_softmax(x)} over the class dim, class weights {@code w} (all 1 when absent), label
 * smoothing {@code s} and the set V of positions whose target is not {@code ignore_index}:
 * <pre>
 *   loss = sum_{i in V} [(1 - s) w[y_i] (-l_i[y_i]) + (s / C) sum_c w[c] (-l_i[c])] / sum_{i in V} w[y_i]
 * </pre>
 * If every position is ignored the loss is 0 (PyTorch gives NaN).
 *
 * @param weight         per-class weights, empty for none; finite, &gt;= 0, and exactly C of them (checked
 *                       against the output at apply time)
 * @param labelSmoothing s in [0, 1)
 * @param ignoreIndex    targets equal to this are left out of the sum and of the normalizer
 */
public record CrossEntropy(@Default("[]") List<Double> weight, @Default("0.0") double labelSmoothing,
                           @Default("-100") long ignoreIndex) implements Criterion {

    public CrossEntropy {
        weight = List.copyOf(weight);
        LossSupport.requireNonNegative(weight, "weight");
        InvalidValueException.require(labelSmoothing >= 0 && labelSmoothing < 1, "label_smoothing",
                "must be in [0, 1), got %s", labelSmoothing);
    }

    /** Unweighted, no ignored index. */
    public CrossEntropy(double labelSmoothing) {
        this(List.of(), labelSmoothing, -100);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        long classes = LossSupport.classes(output, "cross_entropy");
        LossSupport.requireClassTargets(output, target, "cross_entropy");
        if (output.dim() > 2) {
            Tensor classesLast = output.movedim(1, -1);
            if (classesLast.is_contiguous()) {
                // a language model's [N, T, V] logits seen as [N, V, T]: as rows [N*T, V] (a view), the log-softmax
                // runs over contiguous memory, libtorch's fast path, and the gradient comes back contiguous
                return apply(classesLast.reshape(-1, classes), target.reshape(-1));
            }
        }
        Tensor valid = target.ne(scalar(ignoreIndex));
        Tensor safe = LossSupport.safeTargets(target, valid);
        Tensor logProbs = output.log_softmax(1);
        Tensor picked = logProbs.gather(1, safe.unsqueeze(1)).squeeze(1).neg();
        Tensor validF = valid.to(output.scalar_type());
        Tensor positionWeight;
        Tensor smooth;
        if (weight.isEmpty()) {
            positionWeight = validF;
            smooth = logProbs.sum(1).neg();
        } else {
            LossSupport.requireOnePerClass(weight, classes, "weight");
            Tensor w = LossSupport.vector(weight, output);
            positionWeight = w.index_select(0, safe.flatten()).view_as(safe).mul(validF);
            smooth = logProbs.mul(LossSupport.alongClasses(w, output.dim())).sum(1).neg();
        }
        Tensor nllSum = picked.mul(positionWeight).sum();
        Tensor total = labelSmoothing == 0 ? nllSum
                : nllSum.mul(scalar(1 - labelSmoothing))
                        .add(smooth.mul(validF).sum().mul(scalar(labelSmoothing / classes)));
        return LossSupport.ratioOrZero(total, positionWeight.sum());
    }
}
