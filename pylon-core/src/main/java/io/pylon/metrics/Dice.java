package io.pylon.metrics;

/**
 * Dice coefficient of the arg-max label map against the target label map, per class
 * {@code dice_c = 2 TP_c / (2 TP_c + FP_c + FN_c)} with the voxel counts pooled over the data set, and
 * {@code dice/mean} their mean over the reported classes (background only with {@code include_background}).
 * A class absent from both prediction and target ({@code TP + FP + FN = 0}) scores 1: nothing to find and nothing
 * wrongly found. Each sample's own mean Dice (same rule per sample) is kept as its per-sample score. Keys:
 * {@code dice/mean}, {@code dice/class_c}. NaN before any sample.
 */
public final class Dice extends OverlapMetric {

    public Dice(SegmentationParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "dice";
    }

    @Override
    double score(long tp, long fp, long fn) {
        long den = 2 * tp + fp + fn;
        return den == 0 ? 1.0 : 2.0 * tp / den;
    }
}
