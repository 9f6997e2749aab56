package io.pylon.data.augment;

import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code to_float}: converts the input to float32 and multiplies it by {@code scale}
 * (e.g. {@code scale: 0.00392156862745098} = 1/255 maps uint8 images to [0, 1]). Deterministic.
 *
 * @param scale finite factor applied after the conversion
 */
public record ToFloat(@Default("1.0") double scale) implements Transform {

    public ToFloat {
        IntensityMath.requireFinite(scale, "scale");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        float[] values = sample.input().toFloats();
        if (scale != 1) {
            float s = (float) scale;
            for (int i = 0; i < values.length; i++) {
                values[i] *= s;
            }
        }
        return IntensityMath.withValues(sample, values);
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
