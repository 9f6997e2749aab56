/**
 * Learning-rate schedules as pure functions of the step (or epoch) index, linear warmup in front of any of
 * them, the stateful ReduceLROnPlateau, and the {@link io.pylon.optim.schedule.Scheduler} that turns them into
 * per-group learning rates of an {@link io.pylon.optim.Optimizer}.
 */
package io.pylon.optim.schedule;
