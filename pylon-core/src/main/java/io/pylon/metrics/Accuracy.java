package io.pylon.metrics;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Fraction of samples whose arg-max class equals the target: correct / total. */
public final class Accuracy implements Metric {

    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public void update(Tensor output, Tensor target) {
        Tensor predicted = torch.argmax(output, new LongOptional(1), false);
        correct += torch.eq(predicted, target).sum().item_long();
        total += target.size(0);
    }

    @Override
    public double compute() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public double[] state() {
        return new double[] {correct, total};
    }

    @Override
    public void loadState(double[] state) {
        correct = (long) state[0];
        total = (long) state[1];
    }
}
