package io.pylon.metrics;

import java.util.Map;

/**
 * Recall of the arg-max predictions: per class {@code R_c = TP_c / (TP_c + FN_c)} (0 when class {@code c} has no
 * sample, scikit-learn's {@code zero_division=0}); {@code recall/macro} is the unweighted mean over all
 * {@code num_classes} classes, {@code recall/micro = sum TP / sum (TP + FN)}. Keys: {@code recall/macro},
 * {@code recall/micro}, {@code recall/class_c}. NaN before any sample.
 */
public final class Recall extends ConfusionCounts {

    public Recall(ClassCountParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public Map<String, Double> compute() {
        return PerClassAverages.of(this, c -> ratio(truePositives(c), support(c)),
                (tp, fp, fn) -> ratio(tp, tp + fn));
    }
}
