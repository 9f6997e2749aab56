package io.pylon.criteria;

import java.util.List;

import org.bytedeco.pytorch.Tensor;

/**
 * Soft overlap counts shared by the Dice and Tversky losses, each of shape (N, K) per sample or (K) over the
 * whole batch, where K is the number of classes kept (multiclass) or 1 (binary).
 *
 * @param truePositive sum of p t
 * @param predicted    sum of p
 * @param actual       sum of t
 */
record Overlap(Tensor truePositive, Tensor predicted, Tensor actual) {

    /**
     * Probabilities p (softmax over dim 1, or sigmoid for {@code binary}) against targets t (one-hot of class
     * indices, or the {0, 1} float target); sums over the spatial dims, and also over the batch when
     * {@code batch}. Without {@code includeBackground} class 0 is dropped (multiclass only).
     */
    static Overlap of(Tensor output, Tensor target, LossMode mode, boolean batch, boolean includeBackground,
                      String loss) {
        Tensor p;
        Tensor t;
        if (mode == LossMode.BINARY) {
            t = LossSupport.sameShapeTarget(output, target, loss).unsqueeze(1);
            p = output.sigmoid().unsqueeze(1);
        } else {
            LossSupport.classes(output, loss);
            p = output.softmax(1);
            t = LossSupport.oneHot(target, output);
        }
        long[] dims = LossSupport.spatialDims(p.dim(), batch);
        Overlap all = new Overlap(LossSupport.sumOver(p.mul(t), dims), LossSupport.sumOver(p, dims),
                LossSupport.sumOver(t, dims));
        if (mode == LossMode.MULTICLASS && !includeBackground) {
            long kept = output.size(1) - 1;
            return new Overlap(all.truePositive.narrow(-1, 1, kept), all.predicted.narrow(-1, 1, kept),
                    all.actual.narrow(-1, 1, kept));
        }
        return all;
    }

    /** Mean over the class dim (weighted by {@code weight}, one per class of the output) then over samples. */
    static Tensor classMean(Tensor perClass, List<Double> weight, LossMode mode, boolean includeBackground,
                            Tensor like) {
        if (weight.isEmpty()) {
            return perClass.mean();
        }
        LossSupport.requireOnePerClass(weight, like.size(1), "weight");
        Tensor w = LossSupport.vector(weight, like);
        if (mode == LossMode.MULTICLASS && !includeBackground) {
            w = w.narrow(0, 1, like.size(1) - 1);
        }
        return LossSupport.ratioOrZero(perClass.mul(w).sum(-1), w.sum()).mean();
    }
}
