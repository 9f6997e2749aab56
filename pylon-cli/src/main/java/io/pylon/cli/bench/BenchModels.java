package io.pylon.cli.bench;

import java.util.Collections;

import io.pylon.data.DataSpec;
import io.pylon.engine.Device;
import io.pylon.models.Cnn;
import io.pylon.models.CnnParams;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.models.Model;

/** The models benchmarks run, placed on their device. */
final class BenchModels {

    static final DataSpec FASHION_MNIST = new DataSpec(new long[] {1, 28, 28}, 10);

    private BenchModels() {
    }

    /** The Fashion-MNIST CNN with its default parameters (as in examples/model/cnn.yaml). */
    static Model cnn(Device device) {
        return onDevice(new Cnn(CnnParams.defaults(), FASHION_MNIST), device);
    }

    /** 24 hidden layers of width 219: about 1.2M parameters in 50 tensors, like a small GPT's. */
    static Model deepMlp(Device device) {
        return onDevice(new Mlp(new MlpParams(Collections.nCopies(24, 219), 0.0), new DataSpec(new long[] {219}, 219)), device);
    }

    private static Model onDevice(Model model, Device device) {
        model.module().to(device.toTorch(), false);
        return model;
    }
}
