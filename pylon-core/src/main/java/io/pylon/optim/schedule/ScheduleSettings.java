package io.pylon.optim.schedule;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * The keys of the {@code schedule:} section that belong to the learning-rate loop rather than to one schedule;
 * every other key is the chosen schedule's.
 *
 * @param interval whether t counts optimizer steps or completed epochs
 * @param warmupSteps linear warmup length in optimizer steps (0 = none); with interval step the schedule starts
 *     after it, with interval epoch the ramp multiplies the epoch schedule
 * @param warmupStartFactor factor at the first warmup step, in [0, 1]
 * @param monitor the value a plateau schedule watches after each validation, {@code <split>/<metric>}
 */
public record ScheduleSettings(
        @Default("step") Interval interval,
        @Default("0") long warmupSteps,
        @Default("0.0") double warmupStartFactor,
        @Default("val/loss") String monitor) {

    /** The keys above, as written in config. */
    public static final java.util.List<String> KEYS =
            java.util.List.of("interval", "warmup_steps", "warmup_start_factor", "monitor");

    public ScheduleSettings {
        InvalidValueException.require(interval != null, "interval", "must be step or epoch");
        InvalidValueException.require(warmupSteps >= 0, "warmup_steps", "must be >= 0, got %s", warmupSteps);
        InvalidValueException.require(warmupStartFactor >= 0 && warmupStartFactor <= 1, "warmup_start_factor",
                "must be in [0, 1], got %s", warmupStartFactor);
    }

    /** Step interval, no warmup, monitoring {@code val/loss}. */
    public static ScheduleSettings defaults() {
        return new ScheduleSettings(Interval.STEP, 0, 0.0, "val/loss");
    }
}
