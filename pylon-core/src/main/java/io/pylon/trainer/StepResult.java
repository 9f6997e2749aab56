package io.pylon.trainer;

/**
 * One optimizer step as callbacks see it.
 *
 * @param globalStep optimizer steps taken, this one included
 * @param epoch epoch of the step
 * @param batchInEpoch batches of the epoch done after this step
 * @param loss mean loss over the step's micro-batches
 * @param samples samples in the step
 * @param gradNorm global gradient norm before clipping (NaN when norm clipping is off)
 * @param tokens token ids in the step's inputs (int64 inputs, i.e. sequence models), else 0
 */
public record StepResult(long globalStep, int epoch, long batchInEpoch, double loss, int samples, double gradNorm,
        long tokens) {

    /** A step of a model whose inputs are not token ids. */
    public StepResult(long globalStep, int epoch, long batchInEpoch, double loss, int samples, double gradNorm) {
        this(globalStep, epoch, batchInEpoch, loss, samples, gradNorm, 0);
    }
}
