package io.pylon.optim.schedule;

import io.pylon.config.InvalidValueException;

/** Builds the pure schedule a config names (plateau, being stateful, is a constant here). */
public final class Schedules {

    private Schedules() {
    }

    /**
     * The schedule of {@code config} on its own clock, before warmup is added.
     *
     * @param horizon the schedule's length in its interval units, used where t_max or total is not given
     * @param baseLr the configured learning rate, to turn eta_min into a factor
     */
    public static LrSchedule build(ScheduleConfig config, long horizon, double baseLr) {
        return switch (config.name()) {
            case "constant", "plateau" -> new ConstantSchedule();
            case "step" -> new StepDecaySchedule(config.stepSize(), config.gamma());
            case "multistep" -> new MultiStepSchedule(config.milestones(), config.gamma());
            case "exponential" -> new ExponentialSchedule(config.gamma());
            case "cosine" -> {
                InvalidValueException.require(config.etaMin() <= baseLr, "eta_min",
                        "must not exceed the optimizer's lr %s, got %s", baseLr, config.etaMin());
                yield new CosineSchedule(config.tMax().orElse(Math.max(1, horizon)), config.etaMin() / baseLr);
            }
            case "polynomial" -> new PolynomialSchedule(config.total().orElse(Math.max(1, horizon)), config.power());
            default -> throw new InvalidValueException("name", "unknown schedule '" + config.name() + "'; known: "
                    + String.join(", ", ScheduleConfig.NAMES));
        };
    }
}
