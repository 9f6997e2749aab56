package io.pylon.optim.schedule;

import java.util.OptionalLong;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The schedule kind: a factor as a pure function of t (steps or epochs), used for the learning rate
 * ({@code schedule:}) and for loss-term weights ({@code criterion.schedule.<term>:}) alike. Plateau, being
 * stateful, is a constant here; the {@link Scheduler} adds its reductions.
 */
public final class Schedules {

    public static final ComponentKind<ScheduleContext, LrSchedule> KIND =
            new ComponentKind<>("schedule", LrSchedule.class);

    /** The learning-rate schedule when a config names none. */
    public static final String DEFAULT = "constant";

    private Schedules() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, "constant", ConstantSchedule.class, p -> p);
        r.registerSimple(KIND, "step", StepDecaySchedule.class, p -> p);
        r.registerSimple(KIND, "multistep", MultiStepSchedule.class, p -> p);
        r.registerSimple(KIND, "exponential", ExponentialSchedule.class, p -> p);
        r.register(KIND, "cosine", Cosine.class, Cosine::build);
        r.register(KIND, "polynomial", Polynomial.class, Polynomial::build);
        r.registerSimple(KIND, "plateau", Plateau.class, p -> new ConstantSchedule());
        r.registerSimple(KIND, "linear", LinearRamp.class, p -> p);
        r.registerSimple(KIND, "cosine_ramp", CosineRamp.class, p -> p);
        r.registerSimple(KIND, "piecewise", PiecewiseSchedule.class, p -> p);
    }

    /**
     * {@code cosine}: from 1 down to {@code eta_min} (an absolute value: the learning rate's floor) over
     * {@code t_max}, by default the whole run.
     */
    public record Cosine(@Default("null") OptionalLong tMax, @Default("0.0") double etaMin) {

        public Cosine {
            InvalidValueException.require(tMax.isEmpty() || tMax.getAsLong() >= 1, "t_max", "must be >= 1, got %s",
                    tMax.isEmpty() ? "" : tMax.getAsLong());
            InvalidValueException.require(etaMin >= 0 && Double.isFinite(etaMin), "eta_min", "must be >= 0, got %s",
                    etaMin);
        }

        CosineSchedule build(ScheduleContext context) {
            if (etaMin > context.base()) {
                throw new IllegalArgumentException("eta_min must not exceed the base value " + context.base()
                        + " (the optimizer's lr), got " + etaMin);
            }
            return new CosineSchedule(context.length(tMax, "t_max"), etaMin / context.base());
        }
    }

    /** {@code polynomial}: from 1 to 0 over {@code total}, by default the whole run. */
    public record Polynomial(@Default("null") OptionalLong total, @Default("1.0") double power) {

        public Polynomial {
            InvalidValueException.require(total.isEmpty() || total.getAsLong() >= 1, "total", "must be >= 1, got %s",
                    total.isEmpty() ? "" : total.getAsLong());
            InvalidValueException.require(power > 0 && Double.isFinite(power), "power", "must be > 0, got %s", power);
        }

        PolynomialSchedule build(ScheduleContext context) {
            return new PolynomialSchedule(context.length(total, "total"), power);
        }
    }

    /**
     * {@code plateau}: ReduceLROnPlateau; its direction comes from the monitored metric.
     *
     * @param factor reduction factor, in (0, 1)
     * @param patience validations without improvement tolerated, >= 0
     * @param threshold minimal improvement, >= 0
     * @param thresholdMode rel or abs threshold
     * @param cooldown validations to wait after a reduction, >= 0
     * @param minLr floor learning rate, >= 0
     */
    public record Plateau(@Default("0.1") double factor, @Default("10") int patience, @Default("1e-4") double threshold,
            @Default("rel") ThresholdMode thresholdMode, @Default("0") int cooldown, @Default("0.0") double minLr) {

        public Plateau {
            InvalidValueException.require(factor > 0 && factor < 1, "factor", "must be in (0, 1), got %s", factor);
            InvalidValueException.require(patience >= 0, "patience", "must be >= 0, got %s", patience);
            InvalidValueException.require(threshold >= 0 && Double.isFinite(threshold), "threshold",
                    "must be >= 0, got %s", threshold);
            InvalidValueException.require(thresholdMode != null, "threshold_mode", "must be rel or abs");
            InvalidValueException.require(cooldown >= 0, "cooldown", "must be >= 0, got %s", cooldown);
            InvalidValueException.require(minLr >= 0 && Double.isFinite(minLr), "min_lr", "must be >= 0, got %s",
                    minLr);
        }
    }
}
