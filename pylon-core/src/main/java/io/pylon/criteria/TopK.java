package io.pylon.criteria;

import static io.pylon.criteria.LossSupport.scalar;

import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Online hard-example mining: the per-position cross-entropy {@code -log softmax(x)[y]} of logits
 * (N, C, *spatial) against class indices (N, *spatial), of which only the k largest are averaged:
 * <pre>
 *   loss = (1 / k) sum of the k largest l_i over the M positions not equal to ignore_index
 * </pre>
 * with {@code k = max(1, ceil(fraction M))} or {@code k = min(count, M)}. With M = 0 the loss is 0.
 * Ties at the k-th value are broken by libtorch's {@code topk}; the value does not depend on the choice.
 *
 * @param fraction    share of positions kept, in (0, 1]
 * @param count       number of positions kept, &gt;= 1; exactly one of fraction and count is given
 * @param ignoreIndex targets equal to this are never selected
 */
record TopK(@Default("null") OptionalDouble fraction, @Default("null") OptionalInt count,
            @Default("-100") long ignoreIndex) implements Criterion {

    public TopK {
        InvalidValueException.require(fraction.isPresent() != count.isPresent(),
                fraction.isPresent() ? "count" : "fraction",
                "give exactly one of fraction and count, got %s",
                fraction.isPresent() ? "both" : "neither");
        InvalidValueException.require(fraction.isEmpty()
                        || (fraction.getAsDouble() > 0 && fraction.getAsDouble() <= 1), "fraction",
                "must be in (0, 1], got %s", fraction.isPresent() ? fraction.getAsDouble() : "");
        InvalidValueException.require(count.isEmpty() || count.getAsInt() >= 1, "count",
                "must be >= 1, got %s", count.isPresent() ? count.getAsInt() : "");
    }

    public static TopK ofFraction(double fraction) {
        return new TopK(OptionalDouble.of(fraction), OptionalInt.empty(), -100);
    }

    public static TopK ofCount(int count) {
        return new TopK(OptionalDouble.empty(), OptionalInt.of(count), -100);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        LossSupport.classes(output, "topk");
        Tensor valid = target.ne(scalar(ignoreIndex));
        Tensor safe = LossSupport.safeTargets(target, valid);
        Tensor perPosition = output.log_softmax(1).gather(1, safe.unsqueeze(1)).squeeze(1).neg();
        long available = valid.sum().item_long();
        if (available == 0) {
            return perPosition.sum().mul(scalar(0));
        }
        long k = fraction.isPresent()
                ? Math.max(1, (long) Math.ceil(fraction.getAsDouble() * available))
                : Math.min(count.getAsInt(), available);
        // ignored positions get -1 (every cross-entropy is >= 0), so they are picked last and never when k <= M
        Tensor candidates = perPosition.masked_fill(valid.logical_not(), scalar(-1)).flatten();
        return candidates.topk(k).get0().mean();
    }
}
