package io.pylon.metrics;

import java.util.Map;

/**
 * F1 score of the arg-max predictions: per class {@code F1_c = 2 TP_c / (2 TP_c + FP_c + FN_c)} (the harmonic
 * mean of precision and recall; 0 when the class is neither present nor predicted, scikit-learn's
 * {@code zero_division=0}); {@code f1/macro} is the unweighted mean over all {@code num_classes} classes,
 * {@code f1/micro = 2 sum TP / (2 sum TP + sum FP + sum FN)} (equal to accuracy for single-label data). Keys:
 * {@code f1/macro}, {@code f1/micro}, {@code f1/class_c}. NaN before any sample.
 */
public final class F1 extends ConfusionCounts {

    public F1(ClassCountParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "f1";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public Map<String, Double> compute() {
        return PerClassAverages.of(this,
                c -> ratio(2 * truePositives(c), truePositives(c) + support(c) + predicted(c) - truePositives(c)),
                (tp, fp, fn) -> ratio(2 * tp, 2 * tp + fp + fn));
    }
}
