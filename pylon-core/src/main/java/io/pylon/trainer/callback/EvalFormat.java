package io.pylon.trainer.callback;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.pylon.trainer.EvalResult;

/** Renders metric values for log lines: {@code loss=0.3124 accuracy=0.9123}. */
final class EvalFormat {

    private EvalFormat() {
    }

    static String values(EvalResult result) {
        return result.values().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
