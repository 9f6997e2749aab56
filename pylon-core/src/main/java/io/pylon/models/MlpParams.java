package io.pylon.models;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Settings of the {@code mlp} model.
 *
 * @param hidden widths of the hidden layers, input side first; empty gives a linear (softmax regression)
 *     model
 * @param dropout dropout probability after each hidden layer, in [0, 1)
 */
public record MlpParams(@Default("[256, 128]") List<Integer> hidden, @Default("0.1") double dropout) {

    public MlpParams {
        InvalidValueException.require(hidden != null, "hidden", "must be a list of layer widths");
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            InvalidValueException.require(hidden.get(i) >= 1, "hidden", "widths must be >= 1, got %d at position %d",
                    hidden.get(i), i);
        }
        InvalidValueException.require(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got %s", dropout);
    }

    public static MlpParams defaults() {
        return new MlpParams(List.of(256, 128), 0.1);
    }
}
