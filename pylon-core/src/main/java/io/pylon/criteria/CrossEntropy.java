package io.pylon.criteria;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Mean cross-entropy of logits {@code x} (N, C) against class indices {@code y} (N):
 * {@code -mean_i [(1 - s) log softmax(x_i)[y_i] + s/C sum_c log softmax(x_i)[c]]} with label smoothing s.
 *
 * @param labelSmoothing s in [0, 1)
 */
public record CrossEntropy(@Default("0.0") double labelSmoothing) implements Criterion {

    public CrossEntropy {
        InvalidValueException.require(labelSmoothing >= 0 && labelSmoothing < 1, "label_smoothing",
                "must be in [0, 1), got %s", labelSmoothing);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Tensor logProbs = torch.log_softmax(output, 1);
        Tensor nll = torch.nll_loss(logProbs, target);
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor uniform = logProbs.mean().neg();
        return nll.mul(new org.bytedeco.pytorch.Scalar(1 - labelSmoothing))
                .add(uniform.mul(new org.bytedeco.pytorch.Scalar(labelSmoothing)));
    }
}
