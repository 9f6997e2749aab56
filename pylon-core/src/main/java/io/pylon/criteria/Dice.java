package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import java.util.List;
import java.util.Locale;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Soft Dice loss. Probabilities p (softmax over classes, or sigmoid in {@code binary} mode) against targets t
 * (one-hot of class indices, or the {0, 1} target); per sample n and class c, summed over the spatial dims
 * (and over the batch too with {@code batch_dice}):
 * <pre>
 *   dice_nc = (2 sum p t + smooth) / (sum p + sum t + smooth),    loss = mean_n [ sum_c w_c (1 - dice_nc) / sum_c w_c ]
 * </pre>
 * with w_c = 1 when no weights are given. In {@code binary} mode all non-batch dims are pooled into one
 * foreground "class". Degenerate value: a class absent from both target and prediction
 * (all sums 0) has dice 1, i.e. contributes loss 0; with {@code smooth > 0} that follows from the formula
 * (smooth / smooth), with {@code smooth = 0} it is defined so rather than 0/0.
 *
 * @param mode              {@code multiclass} (default) or {@code binary}
 * @param weight            per-class weights (multiclass only), finite, &gt;= 0, one per class of the output,
 *                          not all 0; the background weight is unused without {@code include_background}
 * @param smooth            added to numerator and denominator, &gt;= 0
 * @param includeBackground false drops class 0 (multiclass only)
 * @param batchDice         true: one Dice per class over the whole batch; false: per sample, then averaged
 */
record Dice(@Default("multiclass") LossMode mode, @Default("[]") List<Double> weight,
            @Default("1.0") double smooth, @Default("true") boolean includeBackground,
            @Default("false") boolean batchDice) implements Criterion {

    public Dice {
        weight = List.copyOf(weight);
        LossSupport.requireNonNegative(weight, "weight");
        InvalidValueException.require(weight.isEmpty() || mode == LossMode.MULTICLASS, "weight",
                "class weights need mode multiclass, got mode %s", mode.name().toLowerCase(Locale.ROOT));
        InvalidValueException.require(weight.isEmpty() || weight.stream().anyMatch(w -> w > 0), "weight",
                "must not be all 0, got %s", weight);
        InvalidValueException.require(smooth >= 0 && Double.isFinite(smooth), "smooth",
                "must be finite and >= 0, got %s", smooth);
        InvalidValueException.require(includeBackground || mode == LossMode.MULTICLASS, "include_background",
                "false needs mode multiclass (binary mode has no background class)");
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Overlap o = Overlap.of(output, target, mode, batchDice, includeBackground, "dice");
        Tensor numerator = o.truePositive().mul(scalar(2)).add(scalar(smooth));
        Tensor denominator = o.predicted().add(o.actual()).add(scalar(smooth));
        Tensor perClass = LossSupport.ratioOrOne(numerator, denominator).neg().add(scalar(1));
        return Overlap.classMean(perClass, weight, mode, includeBackground, output);
    }
}
