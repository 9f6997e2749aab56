package io.pylon.optim.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.metrics.Direction;
import io.pylon.optim.Optimizer;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;

/**
 * Test helper: a {@code schedule:} section with a few settings changed from their defaults, bound through the
 * schedule kind like a config's.
 */
final class ScheduleConfigBuilder {

    private static final ComponentBinder BINDER = new ComponentBinder(StandardComponents.builtIns());

    String name = "constant";
    Interval interval = Interval.STEP;
    long warmupSteps;
    double warmupStartFactor;
    long stepSize = 1;
    double gamma = 0.1;
    List<Long> milestones = List.of();
    OptionalLong tMax = OptionalLong.empty();
    double etaMin;
    double power = 1.0;
    OptionalLong total = OptionalLong.empty();
    /** The monitored metric's direction, given to the scheduler (plateau reads it). */
    Direction mode = Direction.LOWER_IS_BETTER;
    double factor = 0.1;
    int patience = 10;
    double threshold = 1e-4;
    ThresholdMode thresholdMode = ThresholdMode.REL;
    int cooldown;
    double minLr;

    static ScheduleConfigBuilder named(String name) {
        ScheduleConfigBuilder b = new ScheduleConfigBuilder();
        b.name = name;
        return b;
    }

    /** The section: the name and every setting that differs from its default. */
    String yaml() {
        List<String> keys = new ArrayList<>(List.of("name: " + name));
        add(keys, interval != Interval.STEP, "interval", interval.name().toLowerCase(Locale.ROOT));
        add(keys, warmupSteps != 0, "warmup_steps", warmupSteps);
        add(keys, warmupStartFactor != 0, "warmup_start_factor", warmupStartFactor);
        add(keys, stepSize != 1, "step_size", stepSize);
        add(keys, gamma != 0.1, "gamma", gamma);
        add(keys, !milestones.isEmpty(), "milestones", milestones);
        add(keys, tMax.isPresent(), "t_max", tMax.isPresent() ? tMax.getAsLong() : "");
        add(keys, etaMin != 0, "eta_min", etaMin);
        add(keys, power != 1.0, "power", power);
        add(keys, total.isPresent(), "total", total.isPresent() ? total.getAsLong() : "");
        add(keys, factor != 0.1, "factor", factor);
        add(keys, patience != 10, "patience", patience);
        add(keys, threshold != 1e-4, "threshold", threshold);
        add(keys, thresholdMode != ThresholdMode.REL, "threshold_mode", thresholdMode.name().toLowerCase(Locale.ROOT));
        add(keys, cooldown != 0, "cooldown", cooldown);
        add(keys, minLr != 0, "min_lr", minLr);
        return "{" + String.join(", ", keys) + "}";
    }

    ComponentBinder.Section<ScheduleContext, LrSchedule> bind() {
        return BINDER.bind(Schedules.KIND, Config.parse("schedule: " + yaml(), "schedule.yaml").find("schedule")
                .orElseThrow(), "schedule", ScheduleSettings.KEYS);
    }

    Scheduler scheduler(Optimizer optimizer, long totalSteps, long stepsPerEpoch) {
        ComponentBinder.Section<ScheduleContext, LrSchedule> section = bind();
        return Scheduler.create(section.bound(), Binder.bind(section.reserved(), "schedule", ScheduleSettings.class),
                optimizer, totalSteps, stepsPerEpoch, mode);
    }

    private static void add(List<String> keys, boolean changed, String key, Object value) {
        if (changed) {
            keys.add(key + ": " + value);
        }
    }
}
