package io.pylon.inference;

import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/** How several predictions of one case become one: element-wise mean, maximum or minimum. */
public enum Merge {
    MEAN, MAX, MIN;

    Tensor apply(List<Tensor> predictions) {
        TensorVector all = new TensorVector(predictions.toArray(Tensor[]::new));
        Tensor stacked = torch.stack(all, 0);
        return switch (this) {
            case MEAN -> stacked.mean(new long[] {0}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
            case MAX -> stacked.amax(new long[] {0}, false);
            case MIN -> stacked.amin(new long[] {0}, false);
        };
    }
}
