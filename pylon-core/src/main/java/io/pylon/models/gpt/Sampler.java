package io.pylon.models.gpt;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Draws next tokens from logits as {@link SamplingParams} say. It owns a CPU generator seeded once, and samples
 * on the CPU in float32, so a seed fixes the whole sequence of draws independently of libtorch's global
 * generator and of the device the model runs on.
 */
public final class Sampler {

    private final SamplingParams params;
    private final Generator generator;

    public Sampler(SamplingParams params) {
        this.params = params;
        this.generator = torch.createCPUGenerator(params.seed());
    }

    /** One token per row: {@code logits (N, V)} -> {@code (N, 1)} int64 on the CPU. */
    public Tensor next(Tensor logits) {
        Tensor scaled = logits.to(ScalarType.Float).cpu().div(new Scalar(params.temperature()));
        Tensor filtered = topP(topK(scaled, params.topK()), params.topP());
        Tensor probabilities = torch.softmax(filtered, 1);
        return torch.multinomial(probabilities, 1, false, new GeneratorOptional(generator));
    }

    /**
     * A fresh scalar per call: a static one would belong to whatever pointer scope was open when the class was
     * first used, and be freed with it.
     */
    private static Scalar minusInfinity() {
        return new Scalar(Double.NEGATIVE_INFINITY);
    }

    /** Sets every logit below the k-th largest of its row to -inf; {@code k = 0} or {@code k >= V} keeps all. */
    static Tensor topK(Tensor logits, int k) {
        long vocabulary = logits.sizes().vec().get()[1];
        if (k == 0 || k >= vocabulary) {
            return logits;
        }
        T_TensorTensor_T top = torch.topk(logits, k, 1, true, true);
        Tensor kth = top.get0().narrow(1, k - 1, 1);
        return logits.masked_fill(logits.lt(kth), minusInfinity());
    }

    /**
     * Keeps per row the smallest set of most likely tokens whose probability reaches {@code p}: a token is
     * dropped when the tokens ranked above it already hold at least {@code p}, so the most likely one always
     * stays. {@code p = 1} keeps all.
     */
    static Tensor topP(Tensor logits, double p) {
        if (p >= 1) {
            return logits;
        }
        T_TensorTensor_T sorted = torch.sort(logits, 1, true);
        Tensor probabilities = torch.softmax(sorted.get0(), 1);
        Tensor massAbove = torch.cumsum(probabilities, 1).sub(probabilities);
        Tensor dropSorted = massAbove.ge(new Scalar(p));
        // back from rank order to vocabulary order: the sort indices are a permutation of each row
        Tensor drop = dropSorted.scatter(1, sorted.get1(), dropSorted);
        return logits.masked_fill(drop, minusInfinity());
    }
}
