/**
 * The step profiler: wall time per phase of a training step (data wait, host-to-device copy, forward,
 * backward, optimizer, callbacks), peak memory, and device utilisation from NVML. The loop marks phase
 * ends on a {@link StepProfiler}; sampled steps are synchronised with the device at each mark so that
 * asynchronous CUDA work is charged to the phase that launched it. The {@code profile} callback turns
 * the phases of a window of steps into a Chrome trace.
 */
package io.pylon.trainer.profile;
