package io.pylon.optim.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pylon.metrics.Direction;
import io.pylon.optim.Optimizer;
import io.pylon.optim.ParamGroup;
import io.pylon.registry.Bound;

/**
 * Drives an optimizer's group learning rates:
 * {@code lr = baseLr * lrMultiplier * factor * plateauScale}, where factor is
 * <ul>
 *   <li>interval step: {@code warmup(schedule)(step)} (the schedule starts when warmup ends);</li>
 *   <li>interval epoch: {@code ramp(step) * schedule(completedEpochs)} (warmup still counts steps).</li>
 * </ul>
 * Everything but plateau is a pure function of the counters, so the state is just the counters plus the
 * plateau tracker's numbers.
 */
public final class Scheduler {

    private final Optimizer optimizer;
    private final Interval interval;
    private final LrSchedule schedule;
    private final WarmupSchedule warmup;
    private final ReduceLrOnPlateau plateau;
    private long step;
    private long epochs;

    private Scheduler(Optimizer optimizer, Interval interval, LrSchedule schedule, WarmupSchedule warmup,
            ReduceLrOnPlateau plateau) {
        this.optimizer = optimizer;
        this.interval = interval;
        this.schedule = schedule;
        this.warmup = warmup;
        this.plateau = plateau;
    }

    /**
     * Builds {@code schedule} for a run of {@code totalSteps} optimizer steps with {@code stepsPerEpoch} steps per
     * epoch, and sets the learning rates for step 0.
     *
     * @param monitored the direction of the value a plateau schedule watches
     */
    public static Scheduler create(Bound<ScheduleContext, LrSchedule> schedule, ScheduleSettings settings,
            Optimizer optimizer, long totalSteps, long stepsPerEpoch, Direction monitored) {
        if (totalSteps < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("a schedule needs total steps >= 1 and steps per epoch >= 1, got "
                    + totalSteps + " and " + stepsPerEpoch);
        }
        double baseLr = optimizer.groups().getFirst().baseLr();
        long horizon = settings.interval() == Interval.STEP
                ? totalSteps - settings.warmupSteps()
                : Math.ceilDiv(totalSteps, stepsPerEpoch);
        LrSchedule main = schedule.create(ScheduleContext.of(horizon, baseLr));
        WarmupSchedule warmup = settings.warmupSteps() > 0
                ? new WarmupSchedule(main, settings.warmupSteps(), settings.warmupStartFactor())
                : null;
        ReduceLrOnPlateau plateau = schedule.params() instanceof Schedules.Plateau p
                ? new ReduceLrOnPlateau(monitored, p.factor(), p.patience(), p.threshold(), p.thresholdMode(),
                        p.cooldown(), p.minLr(), baseLr)
                : null;
        Scheduler scheduler = new Scheduler(optimizer, settings.interval(), main, warmup, plateau);
        scheduler.apply();
        return scheduler;
    }

    /** A constant learning rate (tests, benchmarks). */
    public static Scheduler constant(Optimizer optimizer) {
        Scheduler scheduler = new Scheduler(optimizer, Interval.STEP, new ConstantSchedule(), null, null);
        scheduler.apply();
        return scheduler;
    }

    /** After an optimizer step: {@code globalStep} is the new step count. */
    public void onStep(long globalStep) {
        step = globalStep;
        apply();
    }

    /** After epoch {@code epoch} (0-based) has finished. */
    public void onEpochEnd(int epoch) {
        epochs = epoch + 1L;
        apply();
    }

    /** After a validation; only ReduceLROnPlateau uses the value. */
    public void onValidation(double monitoredValue) {
        if (plateau != null) {
            plateau.observe(monitoredValue);
            apply();
        }
    }

    public double currentLr(int group) {
        return optimizer.groups().get(group).lr();
    }

    /** The factor on each group's {@code baseLr * lrMultiplier} now in force. */
    public double factor() {
        double f = interval == Interval.STEP
                ? (warmup != null ? warmup.factor(step) : schedule.factor(step))
                : (warmup != null ? warmup.ramp(step) : 1.0) * schedule.factor(epochs);
        return plateau != null ? f * plateau.scale() : f;
    }

    private void apply() {
        double f = factor();
        for (ParamGroup group : optimizer.groups()) {
            group.setLr(group.baseLr() * group.lrMultiplier() * f);
        }
    }

    /** The counters (and plateau numbers), all plain numbers. */
    public Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", step);
        out.put("epoch", epochs);
        if (plateau != null) {
            plateau.state().forEach((k, v) -> out.put(ReduceLrOnPlateau.PREFIX + k, v));
        }
        return out;
    }

    /** Restores {@link #state()} and re-applies the learning rates; a missing key is an error naming it. */
    public void loadState(Map<String, Object> state) {
        long restoredStep = number(state, "step", "").longValue();
        long restoredEpochs = number(state, "epoch", "").longValue();
        if (restoredStep < 0 || restoredEpochs < 0) {
            throw new IllegalArgumentException("scheduler state 'step' and 'epoch' must be >= 0, got " + state);
        }
        if (plateau != null) {
            Map<String, Object> inner = new LinkedHashMap<>();
            state.forEach((k, v) -> {
                if (k.startsWith(ReduceLrOnPlateau.PREFIX)) {
                    inner.put(k.substring(ReduceLrOnPlateau.PREFIX.length()), v);
                }
            });
            plateau.loadState(inner);
        }
        step = restoredStep;
        epochs = restoredEpochs;
        apply();
    }

    static Number number(Map<String, Object> state, String key, String prefix) {
        Object value = state.get(key);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("scheduler state '" + prefix + key + "' is "
                    + (value == null ? "missing" : "not a number: " + value));
        }
        return n;
    }
}
