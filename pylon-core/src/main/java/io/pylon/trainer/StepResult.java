package io.pylon.trainer;

import java.util.function.DoubleSupplier;

/**
 * One optimizer step as callbacks see it. The loss stays a device tensor until someone reads it:
 * {@link #loss()} synchronises with the device once (then it is cached), so a step whose loss nobody logs
 * never waits for the device. Read it inside the hook: the loop releases the tensor after the hooks ran.
 *
 * @param globalStep optimizer steps taken, this one included
 * @param epoch epoch of the step
 * @param batchInEpoch batches of the epoch done after this step
 * @param lossValue mean loss over the step's micro-batches, computed on first read
 * @param samples samples in the step
 * @param gradNorm global gradient norm before clipping (NaN when norm clipping is off)
 * @param tokens token ids in the step's inputs (int64 inputs, i.e. sequence models), else 0
 */
public record StepResult(long globalStep, int epoch, long batchInEpoch, DoubleSupplier lossValue, int samples,
        double gradNorm, long tokens) {

    /** A step whose loss is already known (tests, replays), of a model whose inputs are not token ids. */
    public StepResult(long globalStep, int epoch, long batchInEpoch, double loss, int samples, double gradNorm) {
        this(globalStep, epoch, batchInEpoch, () -> loss, samples, gradNorm, 0);
    }

    /** Mean loss over the step's micro-batches (synchronises with the device on the first call). */
    public double loss() {
        return lossValue.getAsDouble();
    }
}
