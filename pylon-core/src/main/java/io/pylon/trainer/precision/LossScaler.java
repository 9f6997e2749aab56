package io.pylon.trainer.precision;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.StepScope;
import io.pylon.optim.Optimizer;
import io.pylon.optim.ParamGroup;

/**
 * Dynamic loss scaling for fp16, as PyTorch's {@code GradScaler}: the loss is multiplied by {@code scale}
 * before backward so that small fp16 gradients do not flush to zero; before the optimizer step the fp32
 * gradients are divided by it again. A step whose gradients hold an inf or NaN is skipped and the scale
 * halves; after {@code growthInterval} finite steps in a row it doubles.
 */
public final class LossScaler {

    /** GradScaler's defaults: 2^16, x2 after 2000 good steps, x0.5 after an overflow. */
    static final double INITIAL_SCALE = 65536.0;
    static final double GROWTH_FACTOR = 2.0;
    static final double BACKOFF_FACTOR = 0.5;
    static final int GROWTH_INTERVAL = 2000;

    private final int growthInterval;
    private double scale;
    private int goodSteps;
    private long skippedSteps;

    LossScaler(double initialScale, int growthInterval) {
        if (!(initialScale > 0) || Double.isInfinite(initialScale)) {
            throw new IllegalArgumentException("initial loss scale must be finite and > 0, got " + initialScale);
        }
        if (growthInterval < 1) {
            throw new IllegalArgumentException("growth interval must be >= 1, got " + growthInterval);
        }
        this.scale = initialScale;
        this.growthInterval = growthInterval;
    }

    LossScaler() {
        this(INITIAL_SCALE, GROWTH_INTERVAL);
    }

    Tensor scale(Tensor loss) {
        return loss.mul(new Scalar(scale));
    }

    /**
     * Divides every gradient by the scale and updates the scale; returns whether the gradients are finite
     * (the step may be taken). One device sync for all parameter groups together.
     */
    boolean unscaleAndUpdate(Optimizer optimizer) {
        boolean finite;
        try (StepScope scope = new StepScope(); NoGradGuard guard = new NoGradGuard()) {
            TensorVector checks = new TensorVector();
            Scalar inverse = new Scalar(1.0 / scale);
            for (ParamGroup group : optimizer.groups()) {
                Tensor grads = group.flatGrads();
                grads.mul_(inverse);
                checks.push_back(torch.isfinite(grads).all());
            }
            finite = checks.empty() || torch.stack(checks).all().item_bool();
        }
        if (finite) {
            if (++goodSteps >= growthInterval) {
                scale *= GROWTH_FACTOR;
                goodSteps = 0;
            }
        } else {
            scale *= BACKOFF_FACTOR;
            goodSteps = 0;
            skippedSteps++;
        }
        return finite;
    }

    double scale() {
        return scale;
    }

    long skippedSteps() {
        return skippedSteps;
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("scale", scale);
        state.put("good_steps", goodSteps);
        state.put("skipped_steps", skippedSteps);
        return state;
    }

    void loadState(Map<String, Object> state) {
        scale = ((Number) state.get("scale")).doubleValue();
        goodSteps = ((Number) state.get("good_steps")).intValue();
        skippedSteps = ((Number) state.get("skipped_steps")).longValue();
    }
}
