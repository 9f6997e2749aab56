package io.pylon.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;
import io.pylon.data.array.NdArray;

/**
 * Several trained models (runs, or checkpoints of one run) predicting together: the probabilities (and any
 * uncertainty maps) are averaged with weights {@code w_m / sum w} (equal weights by default). Every member must
 * predict the same classes.
 */
final class Ensemble {

    private final List<MemberPredictor> members;
    private final double[] weights;

    Ensemble(List<MemberPredictor> members, List<Double> weights) {
        if (!weights.isEmpty() && weights.size() != members.size()) {
            throw new PylonUserException("--weights lists " + weights.size() + " weights for " + members.size()
                    + " ensemble members; give one weight per run and checkpoint, in order");
        }
        if (weights.stream().anyMatch(w -> !(w >= 0)) || !weights.isEmpty() && weights.stream().allMatch(w -> w == 0)) {
            throw new PylonUserException("--weights must be >= 0 with at least one positive, got " + weights);
        }
        TrainedModel first = members.getFirst().trained();
        for (MemberPredictor member : members) {
            TrainedModel m = member.trained();
            if (m.numClasses() != first.numClasses()) {
                throw new PylonUserException("ensemble members predict different classes: " + m.checkpoint() + " ("
                        + m.modelName() + ") has " + m.numClasses() + " classes, " + first.checkpoint() + " ("
                        + first.modelName() + ") has " + first.numClasses() + "; ensemble models of the same task");
            }
        }
        this.members = List.copyOf(members);
        double sum = 0;
        this.weights = new double[members.size()];
        for (int i = 0; i < this.weights.length; i++) {
            this.weights[i] = weights.isEmpty() ? 1 : weights.get(i);
            sum += this.weights[i];
        }
        for (int i = 0; i < this.weights.length; i++) {
            this.weights[i] /= sum;
        }
    }

    Prediction predict(NdArray image, long caseIndex) {
        if (members.size() == 1) {
            return members.getFirst().predict(image, caseIndex);
        }
        Tensor probabilities = null;
        Map<String, Tensor> maps = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Prediction p = members.get(i).predict(image, caseIndex);
            Scalar w = new Scalar(weights[i]);
            probabilities = probabilities == null ? p.probabilities().mul(w) : probabilities.add(p.probabilities().mul(w));
            for (Map.Entry<String, Tensor> e : p.maps().entrySet()) {
                Tensor weighted = e.getValue().mul(w);
                maps.merge(e.getKey(), weighted, Tensor::add);
            }
        }
        return new Prediction(probabilities, maps);
    }

    List<MemberPredictor> members() {
        return new ArrayList<>(members);
    }
}
