package io.pylon.optim;

import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.AdamWOptions;
import org.bytedeco.pytorch.OptimizerOptions;
import org.bytedeco.pytorch.OptimizerParamGroup;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.TensorVector;

/**
 * libtorch's per-parameter optimizer configured like a flat one: the same two groups (weights with
 * weight decay, one-dimensional parameters without).
 */
final class LibtorchReference {

    private LibtorchReference() {
    }

    static org.bytedeco.pytorch.Optimizer create(OptimConfig config, List<NamedParameter> parameters) {
        TensorVector decay = new TensorVector();
        TensorVector noDecay = new TensorVector();
        for (NamedParameter p : parameters) {
            if (p.tensor().dim() > 1) {
                decay.push_back(p.tensor());
            } else {
                noDecay.push_back(p.tensor());
            }
        }
        org.bytedeco.pytorch.Optimizer optimizer = switch (config.name()) {
            case "sgd" -> new SGD(decay, sgd(config, config.weightDecay()));
            case "adam" -> new Adam(decay, adam(config, config.weightDecay()));
            case "adamw" -> new AdamW(decay, adamw(config, config.weightDecay()));
            default -> throw new IllegalArgumentException(config.name());
        };
        OptimizerOptions noDecayOptions = switch (config.name()) {
            case "sgd" -> sgd(config, 0);
            case "adam" -> adam(config, 0);
            default -> adamw(config, 0);
        };
        // The group constructor takes the options as a unique_ptr, so C++ owns them from here on.
        noDecayOptions.deallocate(false);
        optimizer.add_param_group(new OptimizerParamGroup(noDecay, noDecayOptions));
        return optimizer;
    }

    private static SGDOptions sgd(OptimConfig config, double weightDecay) {
        SGDOptions o = new SGDOptions(config.lr());
        o.momentum().put(config.momentum());
        o.dampening().put(config.dampening());
        o.nesterov().put(config.nesterov());
        o.weight_decay().put(weightDecay);
        return o;
    }

    private static AdamOptions adam(OptimConfig config, double weightDecay) {
        AdamOptions o = new AdamOptions(config.lr());
        setBetas(o.betas(), config);
        o.eps().put(config.eps());
        o.amsgrad().put(config.amsgrad());
        o.weight_decay().put(weightDecay);
        return o;
    }

    private static AdamWOptions adamw(OptimConfig config, double weightDecay) {
        AdamWOptions o = new AdamWOptions(config.lr());
        setBetas(o.betas(), config);
        o.eps().put(config.eps());
        o.amsgrad().put(config.amsgrad());
        o.weight_decay().put(weightDecay);
        return o;
    }

    /**
     * The binding exposes std::tuple&lt;double, double&gt; as two raw doubles, and libstdc++ lays a tuple out
     * last element first; the defaults (0.9, 0.999) tell which slot is beta1.
     */
    private static void setBetas(DoublePointer betas, OptimConfig config) {
        boolean reversed = betas.get(0) == 0.999 && betas.get(1) == 0.9;
        if (!reversed && !(betas.get(0) == 0.9 && betas.get(1) == 0.999)) {
            throw new IllegalStateException("unexpected default betas " + betas.get(0) + ", " + betas.get(1));
        }
        betas.put(reversed ? 1 : 0, config.betas().get(0));
        betas.put(reversed ? 0 : 1, config.betas().get(1));
    }
}
