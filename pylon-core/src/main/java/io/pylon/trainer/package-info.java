/**
 * The training facade and its loops: fit (epochs) -> train epoch (batches) and evaluation, with
 * callbacks for everything optional. {@link io.pylon.trainer.LoopState} is the single resume point.
 */
package io.pylon.trainer;
