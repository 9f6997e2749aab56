package io.pylon.optim.schedule;

import java.util.List;
import java.util.OptionalLong;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * The {@code schedule:} config section. Only the parameters of the named schedule are used.
 *
 * @param name constant, step, multistep, exponential, cosine, polynomial or plateau
 * @param interval whether t counts optimizer steps or completed epochs
 * @param warmupSteps linear warmup length in optimizer steps (0 = none); with interval step the schedule
 *     starts after it, with interval epoch the ramp multiplies the epoch schedule
 * @param warmupStartFactor factor at the first warmup step, in [0, 1]
 * @param stepSize step: decay period (in interval units), >= 1
 * @param gamma step, multistep, exponential: decay factor, in (0, 1]
 * @param milestones multistep: strictly increasing times (>= 1) of each decay
 * @param tMax cosine: length from peak to floor; default the schedule's whole horizon
 * @param etaMin cosine: floor learning rate, in [0, lr]
 * @param power polynomial: exponent, > 0
 * @param total polynomial: length to zero; default the schedule's whole horizon
 * @param factor plateau: reduction factor, in (0, 1)
 * @param patience plateau: validations without improvement tolerated, >= 0
 * @param threshold plateau: minimal improvement, >= 0
 * @param thresholdMode plateau: rel or abs threshold
 * @param cooldown plateau: validations to wait after a reduction, >= 0
 * @param minLr plateau: floor learning rate, >= 0
 */
public record ScheduleConfig(
        @Default("constant") String name,
        @Default("step") Interval interval,
        @Default("0") long warmupSteps,
        @Default("0.0") double warmupStartFactor,
        @Default("1") long stepSize,
        @Default("0.1") double gamma,
        @Default("[]") List<Long> milestones,
        @Default("null") OptionalLong tMax,
        @Default("0.0") double etaMin,
        @Default("1.0") double power,
        @Default("null") OptionalLong total,
        @Default("0.1") double factor,
        @Default("10") int patience,
        @Default("1e-4") double threshold,
        @Default("rel") ThresholdMode thresholdMode,
        @Default("0") int cooldown,
        @Default("0.0") double minLr) {

    /** The schedule names this config accepts. */
    public static final List<String> NAMES =
            List.of("constant", "step", "multistep", "exponential", "cosine", "polynomial", "plateau");

    public ScheduleConfig {
        InvalidValueException.require(NAMES.contains(name), "name", "unknown schedule '%s'; known: %s", name,
                String.join(", ", NAMES));
        InvalidValueException.require(interval != null, "interval", "must be step or epoch");
        InvalidValueException.require(warmupSteps >= 0, "warmup_steps", "must be >= 0, got %s", warmupSteps);
        InvalidValueException.require(warmupStartFactor >= 0 && warmupStartFactor <= 1, "warmup_start_factor",
                "must be in [0, 1], got %s", warmupStartFactor);
        InvalidValueException.require(stepSize >= 1, "step_size", "must be >= 1, got %s", stepSize);
        InvalidValueException.require(gamma > 0 && gamma <= 1, "gamma", "must be in (0, 1], got %s", gamma);
        milestones = List.copyOf(milestones);
        long previous = 0;
        for (long milestone : milestones) {
            InvalidValueException.require(milestone > previous, "milestones",
                    "must be strictly increasing integers >= 1, got %s", milestones);
            previous = milestone;
        }
        InvalidValueException.require(!name.equals("multistep") || !milestones.isEmpty(), "milestones",
                "multistep needs at least one milestone");
        InvalidValueException.require(tMax.isEmpty() || tMax.getAsLong() >= 1, "t_max", "must be >= 1, got %s",
                tMax.isEmpty() ? "" : tMax.getAsLong());
        InvalidValueException.require(etaMin >= 0 && Double.isFinite(etaMin), "eta_min", "must be >= 0, got %s", etaMin);
        InvalidValueException.require(power > 0 && Double.isFinite(power), "power", "must be > 0, got %s", power);
        InvalidValueException.require(total.isEmpty() || total.getAsLong() >= 1, "total", "must be >= 1, got %s",
                total.isEmpty() ? "" : total.getAsLong());
        InvalidValueException.require(factor > 0 && factor < 1, "factor", "must be in (0, 1), got %s", factor);
        InvalidValueException.require(patience >= 0, "patience", "must be >= 0, got %s", patience);
        InvalidValueException.require(threshold >= 0 && Double.isFinite(threshold), "threshold",
                "must be >= 0, got %s", threshold);
        InvalidValueException.require(thresholdMode != null, "threshold_mode", "must be rel or abs");
        InvalidValueException.require(cooldown >= 0, "cooldown", "must be >= 0, got %s", cooldown);
        InvalidValueException.require(minLr >= 0 && Double.isFinite(minLr), "min_lr", "must be >= 0, got %s", minLr);
    }

    /** Every default, with schedule {@code name}. */
    public static ScheduleConfig of(String name) {
        return new ScheduleConfig(name, Interval.STEP, 0, 0.0, 1, 0.1, List.of(), OptionalLong.empty(), 0.0, 1.0,
                OptionalLong.empty(), 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0);
    }
}
