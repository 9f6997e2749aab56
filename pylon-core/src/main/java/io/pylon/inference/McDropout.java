package io.pylon.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.models.Model;

/**
 * Monte-Carlo dropout ({@code name: mc_dropout}, Gal and Ghahramani 2016): the model runs {@code passes} times
 * with dropout active (normalisation layers stay in evaluation mode), the prediction is the mean
 * {@code p = (1/N) sum p_n}, and an uncertainty map is written beside it: {@code variance}, the class-averaged
 * variance {@code (1/K) sum_k (1/N) sum_n (p_nk - p_k)^2}, or {@code entropy}, the predictive entropy
 * {@code -sum_k p_k ln p_k}.
 *
 * @param passes stochastic forward passes, >= 2
 * @param uncertainty {@code variance} or {@code entropy}
 */
public record McDropout(@Default("8") int passes, @Default("entropy") String uncertainty) implements InferenceMode {

    public McDropout {
        InvalidValueException.require(passes >= 2, "passes", "must be >= 2, got %d", passes);
        InvalidValueException.require("variance".equals(uncertainty) || "entropy".equals(uncertainty), "uncertainty",
                "must be variance or entropy, got '%s'", uncertainty);
    }

    @Override
    public VolumePredictor wrap(VolumePredictor inner, Model model) {
        return volume -> {
            Module module = model.module();
            dropoutOnly(module, true);
            List<Tensor> samples = new ArrayList<>();
            try {
                for (int n = 0; n < passes; n++) {
                    samples.add(inner.predict(volume).probabilities());
                }
            } finally {
                dropoutOnly(module, false);
            }
            Tensor stacked = torch.stack(new TensorVector(samples.toArray(Tensor[]::new)), 0);
            Tensor mean = stacked.mean(new long[] {0}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
            Tensor map;
            if ("variance".equals(uncertainty)) {
                Tensor deviation = stacked.sub(mean.unsqueeze(0));
                map = deviation.mul(deviation).mean(new long[] {0, 1}, false,
                        new org.bytedeco.pytorch.ScalarTypeOptional());
            } else {
                map = mean.mul(torch.log(mean.clamp_min(new Scalar(1e-12f)))).sum(new long[] {0}, false,
                        new org.bytedeco.pytorch.ScalarTypeOptional()).neg();
            }
            return new Prediction(mean.contiguous(), Map.of(uncertainty, map.contiguous()));
        };
    }

    /**
     * Training mode for the model (Pylon's blocks apply dropout when their module trains) but evaluation mode for
     * every normalisation layer, so batch statistics are not recomputed from one case; {@code false} restores
     * evaluation mode everywhere.
     */
    static void dropoutOnly(Module module, boolean on) {
        module.train(on);
        if (on) {
            var children = module.modules(false);
            for (long i = 0; i < children.size(); i++) {
                Module child = children.get(i);
                if (child.name().getString().contains("Norm")) {
                    child.train(false);
                }
            }
        }
    }
}
