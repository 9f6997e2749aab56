package io.pylon.inference;

import java.util.SplittableRandom;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.engine.Device;
import io.pylon.engine.Tensors;

/**
 * One trained model's whole prediction of a case: its own {@code data.transforms} preprocessing, then the
 * sliding window over {@code softmax(model(x))}, wrapped by its {@code inference.modes} in order.
 */
final class MemberPredictor {

    private final TrainedModel trained;
    private final VolumePredictor chain;

    MemberPredictor(TrainedModel trained, Device device) {
        this.trained = trained;
        SlidingWindow window = new SlidingWindow(trained.inference().window(), device);
        VolumePredictor predictor = window.over(windows -> torch.softmax(trained.model().forward(windows), 1));
        for (InferenceMode mode : InferenceModes.chain(trained.binder(), trained.inference().modes(),
                "inference.modes")) {
            predictor = mode.wrap(predictor, trained.model());
        }
        this.chain = predictor;
    }

    TrainedModel trained() {
        return trained;
    }

    Prediction predict(NdArray image, long caseIndex) {
        Sample prepared = trained.preprocessing().apply(Sample.classified(caseIndex, image, -1),
                new SplittableRandom(caseIndex));
        NdArray input = prepared.input().asFloat32();
        Tensor volume = Tensors.fromFloats(input.toFloats(), input.shape());
        return chain.predict(volume);
    }
}
