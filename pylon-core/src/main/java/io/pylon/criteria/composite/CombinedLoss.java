package io.pylon.criteria.composite;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.Criterion;

/**
 * A weighted sum of criteria on the same output and target.
 *
 * <p>Fixed (possibly scheduled) weights: {@code L = sum_i w_i(t) L_i} with {@code w_i(t) = weight_i *
 * schedule_i(step, epoch)} (see {@link LossTerm}).
 *
 * <p>Learnable weights (homoscedastic uncertainty, Kendall et al. 2018): {@code L = sum_i w_i(t) (exp(-s_i) L_i
 * + s_i)} with learnable log-variances {@code s_i} (initially 0) held by {@link #parameters()}; with all
 * {@code w_i = 1} this is Kendall's {@code sum_i exp(-s_i) L_i + s_i}, whose minimum over {@code s_i} is at
 * {@code s_i = log L_i}. The factor {@code w_i} outside the bracket lets a schedule switch a term off entirely
 * (a zero-weight term also leaves its {@code s_i} without gradient, instead of driving it to -infinity).
 *
 * <p>Terms whose current weight is 0 are not evaluated. {@link #weights()} gives each term's effective weight
 * on its loss: {@code w_i(t)}, times {@code exp(-s_i)} when learnable.
 */
public final class CombinedLoss implements TrainableCriterion, ScheduledCriterion {

    private final List<LossTerm> terms;
    private final Optional<LogVariances> logVariances;
    private long step;
    private int epoch;

    /**
     * @param terms     at least one, with distinct labels
     * @param learnable whether to learn uncertainty weights
     */
    public CombinedLoss(List<LossTerm> terms, boolean learnable) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a combined loss needs at least one term");
        }
        Set<String> labels = new HashSet<>();
        for (LossTerm term : terms) {
            if (!labels.add(term.label())) {
                throw new IllegalArgumentException("two loss terms are labelled '" + term.label()
                        + "'; give one a distinct label");
            }
        }
        this.terms = List.copyOf(terms);
        this.logVariances = learnable ? Optional.of(new LogVariances(terms.size(), 0.0)) : Optional.empty();
    }

    public List<LossTerm> terms() {
        return terms;
    }

    public boolean learnable() {
        return logVariances.isPresent();
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Tensor total = null;
        for (int i = 0; i < terms.size(); i++) {
            LossTerm term = terms.get(i);
            double w = term.weightAt(step, epoch);
            if (w == 0) {
                continue;
            }
            Tensor loss = term.criterion().apply(output, target);
            Tensor weighted;
            if (logVariances.isPresent()) {
                Tensor s = logVariances.get().values().select(0, i).to(loss.device(), loss.scalar_type());
                weighted = s.neg().exp().mul(loss).add(s).mul(new Scalar(w));
            } else {
                weighted = loss.mul(new Scalar(w));
            }
            total = total == null ? weighted : total.add(weighted);
        }
        // Every weight is 0 now: a zero that still belongs to the graph, so backward() works.
        return total == null ? output.sum().mul(new Scalar(0.0)) : total;
    }

    @Override
    public void onStep(long step, int epoch) {
        this.step = step;
        this.epoch = epoch;
        for (LossTerm term : terms) {
            if (term.criterion() instanceof ScheduledCriterion scheduled) {
                scheduled.onStep(step, epoch);
            }
        }
    }

    @Override
    public Optional<Module> parameters() {
        return logVariances.map(m -> (Module) m);
    }

    @Override
    public Map<String, Double> weights() {
        double[] s = logVariances.map(m -> Grids.toDoubles(m.values())).orElse(null);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            double w = terms.get(i).weightAt(step, epoch);
            weights.put(terms.get(i).label(), s == null ? w : w * Math.exp(-s[i]));
        }
        return Collections.unmodifiableMap(weights);
    }

    /** The current log-variances {@code s_i} by term label (empty when the weights are not learnable). */
    public Map<String, Double> logVariances() {
        Map<String, Double> values = new LinkedHashMap<>();
        logVariances.ifPresent(m -> {
            double[] s = Grids.toDoubles(m.values());
            for (int i = 0; i < terms.size(); i++) {
                values.put(terms.get(i).label(), s[i]);
            }
        });
        return Collections.unmodifiableMap(values);
    }
}
