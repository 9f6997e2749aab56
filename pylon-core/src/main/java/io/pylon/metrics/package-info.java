/**
 * Streaming metrics: update per batch, compute per evaluation, merge across workers, exportable state for resume.
 *
 * <p>A {@link io.pylon.metrics.Metric} reports one or more values under keys that start with its name
 * ({@code accuracy}, {@code f1/macro}, {@code dice/class_2}); {@link io.pylon.metrics.Metrics} builds them from the
 * {@code metrics:} config section and gives the {@link io.pylon.metrics.Direction} of any key.
 * {@link io.pylon.metrics.AsyncMetricBuffer} updates metrics off the training thread,
 * {@link io.pylon.metrics.PerSampleWriter} writes {@link io.pylon.metrics.PerSampleScores}, and
 * {@link io.pylon.metrics.BestSelector} picks the best evaluation over several monitors.
 */
package io.pylon.metrics;
