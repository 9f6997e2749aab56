package io.pylon.inference;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.engine.Tensors;
import io.pylon.models.Model;

/**
 * Test-time augmentation ({@code name: tta}): the case is predicted as it is and once per listed flip and
 * rotation; each prediction is mapped back (flipped again, rotated back) and all are merged.
 *
 * @param flips each entry a set of spatial axes (0-based, channels excluded) flipped together, e.g.
 *     {@code [[0], [1], [2], [1, 2]]}
 * @param rot90 quarter turns in the plane of the last two spatial axes, each in 1..3 (e.g. {@code [1, 2, 3]})
 * @param merge {@code mean}, {@code max} or {@code min} over the predictions
 */
public record TestTimeAugmentation(@Default("[]") List<List<Integer>> flips, @Default("[]") List<Integer> rot90,
        @Default("mean") Merge merge) implements InferenceMode {

    public TestTimeAugmentation {
        flips = flips.stream().map(List::copyOf).toList();
        rot90 = List.copyOf(rot90);
        InvalidValueException.require(flips.stream().allMatch(f -> !f.isEmpty() && f.stream().allMatch(a -> a >= 0)),
                "flips", "each entry must list spatial axes >= 0, got %s", flips);
        InvalidValueException.require(rot90.stream().allMatch(k -> k >= 1 && k <= 3), "rot90",
                "quarter turns must be 1, 2 or 3, got %s", rot90);
        InvalidValueException.require(merge != null, "merge", "must be mean, max or min");
        InvalidValueException.require(!flips.isEmpty() || !rot90.isEmpty(), "flips",
                "tta needs at least one flip or rot90 entry");
    }

    @Override
    public VolumePredictor wrap(VolumePredictor inner, Model model) {
        return volume -> {
            int spatial = Tensors.shape(volume).length - 1;
            for (List<Integer> axes : flips) {
                for (int a : axes) {
                    if (a >= spatial) {
                        throw new PylonUserException("inference tta flips axis " + a + " but the input has "
                                + spatial + " spatial axes (0.." + (spatial - 1) + ")");
                    }
                }
            }
            List<Tensor> predictions = new ArrayList<>();
            predictions.add(inner.predict(volume).probabilities());
            for (List<Integer> axes : flips) {
                long[] dims = axes.stream().mapToLong(a -> a + 1L).toArray();
                Tensor p = inner.predict(torch.flip(volume, dims).contiguous()).probabilities();
                predictions.add(torch.flip(p, dims));
            }
            long[] plane = {spatial - 1, spatial};
            for (int k : rot90) {
                Tensor p = inner.predict(torch.rot90(volume, k, plane).contiguous()).probabilities();
                predictions.add(torch.rot90(p, -k, plane).contiguous());
            }
            return Prediction.of(merge.apply(predictions).contiguous());
        };
    }
}
