package io.pylon.criteria;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bytedeco.pytorch.Tensor;

/** The single-output losses of the registry with the kind of input each takes, and seeded sample inputs. */
final class SingleOutputLosses {

    /** What a loss reads: class-index targets, {0, 1} targets of the output's shape, or real-valued targets. */
    enum Inputs { MULTICLASS, BINARY, REGRESSION }

    static final Map<String, Inputs> INPUTS = Map.of(
            "cross_entropy", Inputs.MULTICLASS,
            "bce_with_logits", Inputs.BINARY,
            "dice", Inputs.MULTICLASS,
            "focal", Inputs.MULTICLASS,
            "tversky", Inputs.MULTICLASS,
            "focal_tversky", Inputs.MULTICLASS,
            "topk", Inputs.MULTICLASS,
            "mse", Inputs.REGRESSION,
            "l1", Inputs.REGRESSION,
            "smooth_l1", Inputs.REGRESSION);

    static final List<String> NAMES = INPUTS.keySet().stream().sorted().toList();

    /** The params section each loss needs at minimum (topk requires fraction or count). */
    static String minimalParams(String name) {
        return name.equals("topk") ? "{fraction: 0.5}" : "{}";
    }

    private SingleOutputLosses() {
    }

    static double[] gaussian(Random random, int count, double scale) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextGaussian() * scale;
        }
        return out;
    }

    /** Logits (2, 3, 3, 2) and class indices (2, 3, 2) in [0, 3). */
    static Tensor[] multiclass(long seed) {
        Random random = new Random(seed);
        long[] target = new long[12];
        for (int i = 0; i < target.length; i++) {
            target[i] = random.nextInt(3);
        }
        return new Tensor[] {LossTesting.doubles(gaussian(random, 36, 1.5), 2, 3, 3, 2),
                LossTesting.longs(target, 2, 3, 2)};
    }

    /** Logits (2, 3, 4) and a {0, 1} double target of the same shape. */
    static Tensor[] binary(long seed) {
        Random random = new Random(seed);
        double[] target = new double[24];
        for (int i = 0; i < target.length; i++) {
            target[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Tensor[] {LossTesting.doubles(gaussian(random, 24, 1.5), 2, 3, 4),
                LossTesting.doubles(target, 2, 3, 4)};
    }

    /** Output and real-valued target (3, 4). */
    static Tensor[] regression(long seed) {
        Random random = new Random(seed);
        return new Tensor[] {LossTesting.doubles(gaussian(random, 12, 1.0), 3, 4),
                LossTesting.doubles(gaussian(random, 12, 1.0), 3, 4)};
    }

    static Tensor[] sample(Inputs inputs, long seed) {
        return switch (inputs) {
            case MULTICLASS -> multiclass(seed);
            case BINARY -> binary(seed);
            case REGRESSION -> regression(seed);
        };
    }

    /** An output that predicts {@code target} perfectly: logits of +-20 around it, or the target itself. */
    static Tensor perfect(Inputs inputs, Tensor output, Tensor target) {
        return switch (inputs) {
            case MULTICLASS -> LossSupport.oneHot(target, output).mul(LossSupport.scalar(40))
                    .sub(LossSupport.scalar(20));
            case BINARY -> target.mul(LossSupport.scalar(40)).sub(LossSupport.scalar(20));
            case REGRESSION -> target.clone();
        };
    }
}
