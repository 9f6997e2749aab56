package io.pylon.testing;

import java.util.List;

import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.CrossEntropy;
import io.pylon.data.LabelledTensors;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

/** Child-process entry point: starts the engine and trains one step, printing {@code ok <loss>}. */
public final class OneStepMain {

    private OneStepMain() {
    }

    public static void main(String[] args) {
        Engine.start();
        Seeds.seed(1);
        LabelledTensors data = SyntheticData.make(16, 8, 3, 7, 1);
        TinyModel model = new TinyModel(8, 16, 3, 0.0);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 0.01), model);
        Tensor loss = new CrossEntropy(0.0).apply(model.forward(data.inputs()), data.targets());
        loss.backward();
        optimizer.step();
        System.out.println("ok " + loss.item_double() + " threads=" + List.of(Engine.intraOpThreads()));
    }
}
