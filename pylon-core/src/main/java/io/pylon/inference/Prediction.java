package io.pylon.inference;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * One case's prediction on the input's grid: class probabilities {@code [K, *S]} (float32, host) and named
 * extra maps {@code [*S]} (MC-dropout's {@code variance} or {@code entropy}).
 */
public record Prediction(Tensor probabilities, Map<String, Tensor> maps) {

    public Prediction {
        maps = Map.copyOf(maps);
    }

    public static Prediction of(Tensor probabilities) {
        return new Prediction(probabilities, Map.of());
    }
}
