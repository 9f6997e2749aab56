package io.pylon.trainer;

/**
 * Where training resumes: the next batch to run. A checkpoint stores exactly this, so a resumed run
 * replays the data order from {@code (epoch, batchInEpoch)} with the same optimizer step count.
 *
 * @param epoch current epoch (0-based)
 * @param batchInEpoch batches of this epoch already trained
 * @param globalStep optimizer steps taken so far
 */
public record LoopState(int epoch, long batchInEpoch, long globalStep) {

    public static final LoopState START = new LoopState(0, 0, 0);

    public LoopState afterEpoch() {
        return new LoopState(epoch + 1, 0, globalStep);
    }
}
