package io.pylon.metrics;

import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The metric kind: the {@code metrics:} section is a list whose items are a name ({@code accuracy}) or a map with
 * a {@code name} and the metric's parameters ({@code {name: f1, num_classes: 10}}). Every metric is registered
 * with its {@link Direction} as a trait, so monitors know it before any metric exists (see
 * {@link MetricDirections}).
 */
public final class Metrics {

    public static final ComponentKind<Void, Metric> KIND = new ComponentKind<>("metric", Metric.class);

    private Metrics() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        Direction up = Direction.HIGHER_IS_BETTER;
        Direction down = Direction.LOWER_IS_BETTER;
        r.registerSimple(KIND, "accuracy", Accuracy.Params.class, Accuracy::new, up);
        r.registerSimple(KIND, "top_k_accuracy", TopKAccuracy.Params.class, TopKAccuracy::new, up);
        r.registerSimple(KIND, "confusion_matrix", ClassCountParams.class, ConfusionMatrix::new, up);
        r.registerSimple(KIND, "precision", ClassCountParams.class, Precision::new, up);
        r.registerSimple(KIND, "recall", ClassCountParams.class, Recall::new, up);
        r.registerSimple(KIND, "f1", ClassCountParams.class, F1::new, up);
        r.registerSimple(KIND, "auroc", Auroc.Params.class, Auroc::new, up);
        r.registerSimple(KIND, "dice", SegmentationParams.class, Dice::new, up);
        r.registerSimple(KIND, "iou", SegmentationParams.class, Iou::new, up);
        r.registerSimple(KIND, "hd95", SurfaceParams.class, Hausdorff95::new, down);
        r.registerSimple(KIND, "assd", SurfaceParams.class, Assd::new, down);
        r.registerSimple(KIND, "perplexity", TokenParams.class, Perplexity::new, down);
        r.registerSimple(KIND, "bpc", TokenParams.class, BitsPerCharacter::new, down);
    }
}
