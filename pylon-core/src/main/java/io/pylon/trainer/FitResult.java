package io.pylon.trainer;

/**
 * How fitting ended.
 *
 * @param position where training stopped (resume point)
 * @param stopReason why a callback stopped training early; empty when it ran to its limit
 */
public record FitResult(LoopState position, String stopReason) {
}
