package io.pylon.example;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.criteria.Criterion;

/**
 * Cross-entropy against label-smoothed targets, written out as an example of a plugin loss: with
 * {@code l = log_softmax(x)} over C classes and smoothing s,
 * {@code loss = mean_i [(1 - s)(-l_i[y_i]) + (s / C) sum_c (-l_i[c])]}, PyTorch's
 * {@code F.cross_entropy(x, y, label_smoothing=s)} for logits (N, C) and class indices (N).
 *
 * @param smoothing s in [0, 1)
 */
public record LabelSmoothedCe(@Default("0.1") double smoothing) implements Criterion {

    public LabelSmoothedCe {
        InvalidValueException.require(smoothing >= 0 && smoothing < 1, "smoothing", "must be in [0, 1), got %s",
                smoothing);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        if (output.dim() != 2) {
            throw new IllegalArgumentException("label_smoothed_ce expects (N, C) logits, got " + output.dim()
                    + " dimensions");
        }
        long classes = output.size(1);
        Tensor logProbs = output.log_softmax(1);
        Tensor nll = logProbs.gather(1, target.unsqueeze(1)).squeeze(1).neg();
        Tensor uniform = logProbs.sum(1).neg().div(new Scalar((double) classes));
        return nll.mul(new Scalar(1 - smoothing)).add(uniform.mul(new Scalar(smoothing))).mean();
    }
}
