package io.pylon.criteria.composite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.criteria.Criterion;
import io.pylon.criteria.MultiOutputCriterion;

/**
 * A base criterion applied to the outputs of several decoder scales:
 * {@code L = sum_k a_k base(clamp(o_k), resize(y, size(o_k)))} for outputs {@code o_0 .. o_{K-1}} (full
 * resolution first), with {@code a_k = w_k / sum_{j<K} w_j} when {@code normalize}, else {@code a_k = w_k}. The
 * default weights 1, 1/2, 1/4, 1/8, 1/16 halve per scale; only the first K weights are used, and more outputs
 * than weights is an error.
 *
 * <p>The target is resized to each output's spatial size (its axes after (N, C)): with {@link TargetMode#NEAREST}
 * for labels (class indices (N, *spatial) keep dtype int64; same-shape masks keep their dtype), with
 * {@link TargetMode#LINEAR} for continuous targets (converted to the output's dtype). A target that already
 * has the output's size is used as it is. {@code clampMin}/{@code clampMax} bound every output (e.g. for
 * regression heads), and also the resized targets when {@code clampTargets}.
 */
public final class DeepSupervisionLoss implements ScheduledCriterion, MultiOutputCriterion {

    /** 1, 1/2, 1/4, 1/8, 1/16. */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(1.0, 0.5, 0.25, 0.125, 0.0625);

    private final Criterion base;
    private final List<Double> weights;
    private final boolean normalize;
    private final TargetMode targetMode;
    private final OptionalDouble clampMin;
    private final OptionalDouble clampMax;
    private final boolean clampTargets;

    public DeepSupervisionLoss(Criterion base, List<Double> weights, boolean normalize, TargetMode targetMode,
                               OptionalDouble clampMin, OptionalDouble clampMax, boolean clampTargets) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("deep supervision needs at least one scale weight");
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("deep supervision weights must be >= 0, got " + weights);
            }
        }
        if (clampMin.isPresent() && clampMax.isPresent() && clampMin.getAsDouble() > clampMax.getAsDouble()) {
            throw new IllegalArgumentException("clamp_min " + clampMin.getAsDouble() + " > clamp_max "
                    + clampMax.getAsDouble());
        }
        this.base = base;
        this.weights = List.copyOf(weights);
        this.normalize = normalize;
        this.targetMode = targetMode;
        this.clampMin = clampMin;
        this.clampMax = clampMax;
        this.clampTargets = clampTargets;
    }

    /** Default weights, normalised, nearest-neighbour targets, no clamping. */
    public DeepSupervisionLoss(Criterion base) {
        this(base, DEFAULT_WEIGHTS, true, TargetMode.NEAREST, OptionalDouble.empty(), OptionalDouble.empty(), false);
    }

    /** The factors {@code a_k} applied to K outputs. */
    public double[] scaleFactors(int outputs) {
        if (outputs < 1 || outputs > weights.size()) {
            throw new IllegalArgumentException("deep supervision got " + outputs + " outputs but has "
                    + weights.size() + " scale weights " + weights);
        }
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            sum += weights.get(k);
        }
        if (normalize && sum == 0) {
            throw new IllegalArgumentException("deep supervision weights of the first " + outputs
                    + " scales sum to 0: " + weights);
        }
        double[] factors = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            factors[k] = normalize ? weights.get(k) / sum : weights.get(k);
        }
        return factors;
    }

    /** The outputs of all scales, full resolution first. */
    /** The outputs in order (full resolution first) against the batch's single target. */
    @Override
    public Tensor apply(Map<String, Tensor> outputs, Map<String, Tensor> targets) {
        Tensor target = targets.get(TARGET);
        if (target == null) {
            throw new IllegalArgumentException("deep supervision needs the batch's target '" + TARGET + "', got "
                    + targets.keySet());
        }
        return apply(new ArrayList<>(outputs.values()), target);
    }

    public Tensor apply(List<Tensor> outputs, Tensor target) {
        double[] factors = scaleFactors(outputs.size());
        Tensor total = null;
        for (int k = 0; k < outputs.size(); k++) {
            Tensor output = clamp(outputs.get(k));
            Tensor scaled = resizeTarget(target, output);
            if (clampTargets) {
                scaled = clamp(scaled);
            }
            Tensor term = base.apply(output, scaled).mul(new Scalar(factors[k]));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** A single output: the full-resolution scale alone. */
    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return apply(List.of(output), target);
    }

    @Override
    public void onStep(long step, int epoch) {
        if (base instanceof ScheduledCriterion scheduled) {
            scheduled.onStep(step, epoch);
        }
    }

    /** {@code target} resized to the spatial size of {@code output} (see the class comment). */
    public Tensor resizeTarget(Tensor target, Tensor output) {
        long[] outShape = Grids.shape(output);
        long[] targetShape = Grids.shape(target);
        int spatial = outShape.length - 2;
        if (spatial < 0) {
            throw new IllegalArgumentException("deep supervision needs outputs (N, C, *spatial), got "
                    + Arrays.toString(outShape));
        }
        boolean indices = targetShape.length == outShape.length - 1;
        if (!indices && targetShape.length != outShape.length) {
            throw new IllegalArgumentException("deep supervision target " + Arrays.toString(targetShape)
                    + " fits neither class indices nor a same-rank target for output " + Arrays.toString(outShape));
        }
        long[] size = Arrays.copyOfRange(outShape, 2, outShape.length);
        long[] current = Arrays.copyOfRange(targetShape, targetShape.length - spatial, targetShape.length);
        if (Arrays.equals(size, current)) {
            return target;
        }
        if (spatial < 1 || spatial > 3) {
            throw new IllegalArgumentException("deep supervision resizes 1 to 3 spatial axes; output shape "
                    + Arrays.toString(outShape) + ", target shape " + Arrays.toString(targetShape));
        }
        ScalarType originalType = target.scalar_type();
        Tensor input = indices ? target.unsqueeze(1) : target;
        Tensor resized;
        if (targetMode == TargetMode.NEAREST) {
            Tensor floating = input.to(ScalarType.Double);
            resized = switch (spatial) {
                case 1 -> torch.upsample_nearest1d(floating, size);
                case 2 -> torch.upsample_nearest2d(floating, size);
                default -> torch.upsample_nearest3d(floating, size);
            };
            resized = resized.to(originalType);
        } else {
            Tensor floating = input.to(output.scalar_type());
            resized = switch (spatial) {
                case 1 -> torch.upsample_linear1d(floating, size, false);
                case 2 -> torch.upsample_bilinear2d(floating, size, false);
                default -> torch.upsample_trilinear3d(floating, size, false);
            };
        }
        return indices ? resized.squeeze(1) : resized;
    }

    private Tensor clamp(Tensor tensor) {
        if (clampMin.isEmpty() && clampMax.isEmpty()) {
            return tensor;
        }
        ScalarOptional min = clampMin.isPresent() ? new ScalarOptional(new Scalar(clampMin.getAsDouble()))
                : new ScalarOptional();
        ScalarOptional max = clampMax.isPresent() ? new ScalarOptional(new Scalar(clampMax.getAsDouble()))
                : new ScalarOptional();
        return tensor.clamp(min, max);
    }

    public List<Double> weights() {
        return weights;
    }

    public boolean normalize() {
        return normalize;
    }

    public TargetMode targetMode() {
        return targetMode;
    }
}
