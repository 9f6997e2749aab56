package io.pylon.metrics;

import java.util.Map;

/**
 * Precision of the arg-max predictions: per class {@code P_c = TP_c / (TP_c + FP_c)} (0 when class {@code c} is
 * never predicted, scikit-learn's {@code zero_division=0}); {@code precision/macro} is the unweighted mean over all
 * {@code num_classes} classes, {@code precision/micro = sum TP / sum (TP + FP)} (equal to accuracy for single-label
 * data). Keys: {@code precision/macro}, {@code precision/micro}, {@code precision/class_c}. NaN before any sample.
 */
public final class Precision extends ConfusionCounts {

    public Precision(ClassCountParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "precision";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public Map<String, Double> compute() {
        return PerClassAverages.of(this, c -> ratio(truePositives(c), predicted(c)),
                (tp, fp, fn) -> ratio(tp, tp + fp));
    }
}
