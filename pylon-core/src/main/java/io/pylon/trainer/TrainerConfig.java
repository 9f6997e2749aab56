package io.pylon.trainer;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.trainer.precision.PrecisionMode;

/**
 * The {@code trainer:} section.
 *
 * @param maxEpochs epochs to train (>= 1)
 * @param maxSteps optimizer steps after which training stops; 0 = no limit
 * @param device auto | cpu | cuda | cuda:N
 * @param threads libtorch intra-op threads; 0 = one per core
 * @param valEveryNEpochs validate after every N-th epoch; 0 = never at epoch end
 * @param valEveryNSteps also validate every N optimizer steps; 0 = off
 * @param accumulateGradBatches micro-batches summed into one optimizer step
 * @param gradientClipNorm clip the global gradient L2 norm to this value; 0 = off
 * @param gradientClipValue clamp every gradient element to [-v, v]; 0 = off
 * @param test evaluate the test split after fitting
 * @param onednn let CPU operators use oneDNN (off by default: non-repeatable, sometimes NaN convolution
 *     gradients in this libtorch build; see {@link io.pylon.engine.EngineOptions})
 * @param precision 32 | bf16-mixed | 16-mixed (see {@link io.pylon.trainer.precision.PrecisionMode})
 * @param profileEvery time the phases of every N-th step with device syncs between phases and log them
 *     (time_ms/..., memory); 0 = off. Steps in between are not synchronised, so the cost is one sync per N
 */
public record TrainerConfig(
        @Default("10") int maxEpochs,
        @Default("0") long maxSteps,
        @Default("auto") String device,
        @Default("0") int threads,
        @Default("1") int valEveryNEpochs,
        @Default("0") long valEveryNSteps,
        @Default("1") int accumulateGradBatches,
        @Default("0.0") double gradientClipNorm,
        @Default("0.0") double gradientClipValue,
        @Default("true") boolean test,
        @Default("false") boolean onednn,
        @Default("32") String precision,
        @Default("50") int profileEvery) {

    /** Settings with oneDNN off (the default). */
    public TrainerConfig(int maxEpochs, long maxSteps, String device, int threads, int valEveryNEpochs,
            long valEveryNSteps, int accumulateGradBatches, double gradientClipNorm, double gradientClipValue,
            boolean test) {
        this(maxEpochs, maxSteps, device, threads, valEveryNEpochs, valEveryNSteps, accumulateGradBatches,
                gradientClipNorm, gradientClipValue, test, false, "32", 50);
    }

    public TrainerConfig {
        InvalidValueException.require(maxEpochs >= 1, "max_epochs", "must be >= 1, got %d", maxEpochs);
        InvalidValueException.require(maxSteps >= 0, "max_steps", "must be >= 0 (0 = no limit), got %d", maxSteps);
        InvalidValueException.require(threads >= 0, "threads", "must be >= 0 (0 = one per core), got %d", threads);
        InvalidValueException.require(valEveryNEpochs >= 0, "val_every_n_epochs", "must be >= 0, got %d", valEveryNEpochs);
        InvalidValueException.require(valEveryNSteps >= 0, "val_every_n_steps", "must be >= 0, got %d", valEveryNSteps);
        InvalidValueException.require(accumulateGradBatches >= 1, "accumulate_grad_batches", "must be >= 1, got %d",
                accumulateGradBatches);
        InvalidValueException.require(gradientClipNorm >= 0, "gradient_clip_norm", "must be >= 0 (0 = off), got %s",
                gradientClipNorm);
        InvalidValueException.require(gradientClipValue >= 0, "gradient_clip_value", "must be >= 0 (0 = off), got %s",
                gradientClipValue);
        InvalidValueException.require(PrecisionMode.parse(precision).isPresent(), "precision",
                "must be one of %s, got '%s'", PrecisionMode.settings(), precision);
        InvalidValueException.require(profileEvery >= 0, "profile_every", "must be >= 0 (0 = off), got %d", profileEvery);
        InvalidValueException.require(device.matches("auto|cpu|cuda(:\\d+)?"), "device",
                "must be auto, cpu, cuda or cuda:N, got '%s'", device);
    }
}
