package io.pylon.optim.schedule;

import java.util.List;
import java.util.OptionalLong;

import io.pylon.metrics.Direction;

/** Test helper: the config defaults with a few fields overridden. */
final class ScheduleConfigBuilder {

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

    ScheduleConfig build() {
        return new ScheduleConfig(name, interval, warmupSteps, warmupStartFactor, stepSize, gamma, milestones, tMax,
                etaMin, power, total, factor, patience, threshold, thresholdMode, cooldown, minLr);
    }
}
