package io.pylon.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.pylon.engine.Engine;

/** Enables {@link RequiresCuda} tests only where libtorch sees a CUDA device; prints why it skips them. */
public final class CudaCondition implements ExecutionCondition {

    private static volatile boolean explained;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Engine.cudaAvailable()) {
            return ConditionEvaluationResult.enabled("CUDA device present");
        }
        String reason = Engine.cudaBuild()
                ? "gpu test group skipped: this libtorch has CUDA but no CUDA device is visible"
                : "gpu test group skipped: the CPU-only libtorch natives are loaded (build with -Pgpu on a GPU machine)";
        if (!explained) {
            explained = true;
            System.err.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
