package io.pylon.trainer.precision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The settings of {@code trainer.precision}, as Lightning spells them. */
public enum PrecisionMode {
    /** Everything in fp32. */
    FULL("32"),
    /** Forward and loss under bf16 autocast; fp32 weights, gradients and optimizer state. CPU and CUDA. */
    BF16_MIXED("bf16-mixed"),
    /** Forward and loss under fp16 autocast with dynamic loss scaling; CUDA only. */
    FP16_MIXED("16-mixed");

    private final String setting;

    PrecisionMode(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The mode of a {@code trainer.precision} value, or empty if it names none. */
    public static Optional<PrecisionMode> parse(String setting) {
        return Arrays.stream(values()).filter(m -> m.setting.equals(setting)).findFirst();
    }

    public static List<String> settings() {
        return Arrays.stream(values()).map(PrecisionMode::setting).toList();
    }
}
