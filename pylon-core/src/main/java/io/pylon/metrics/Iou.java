package io.pylon.metrics;

/**
 * Intersection over union (Jaccard index) of the arg-max label map against the target label map, per class
 * {@code iou_c = TP_c / (TP_c + FP_c + FN_c)} with the voxel counts pooled over the data set, and {@code iou/mean}
 * their mean over the reported classes (background only with {@code include_background}). A class absent from
 * both prediction and target scores 1. Each sample's own mean IoU is kept as its per-sample score. Keys:
 * {@code iou/mean}, {@code iou/class_c}. NaN before any sample.
 */
public final class Iou extends OverlapMetric {

    public Iou(SegmentationParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "iou";
    }

    @Override
    double score(long tp, long fp, long fn) {
        long den = tp + fp + fn;
        return den == 0 ? 1.0 : (double) tp / den;
    }
}
