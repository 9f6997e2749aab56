package io.pylon.optim;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * One parameter group: a flat parameter buffer and a flat gradient buffer of the same dtype and device,
 * with every parameter (and its gradient) re-pointed at a slice of them, plus the group's hyper-parameters.
 * The learning rate is mutable so a scheduler can drive it.
 */
public final class ParamGroup {

    private final String name;
    private final double baseLr;
    private final double lrMultiplier;
    private final double weightDecay;
    private final Tensor flatParams;
    private final Tensor flatGrads;
    private final List<String> parameterNames;
    private double lr;

    private ParamGroup(GroupSpec spec, double baseLr, Tensor flatParams, Tensor flatGrads) {
        this.name = spec.name();
        this.baseLr = baseLr;
        this.lrMultiplier = spec.lrMultiplier();
        this.weightDecay = spec.weightDecay();
        this.flatParams = flatParams;
        this.flatGrads = flatGrads;
        this.parameterNames = spec.parameters().stream().map(NamedParameter::name).toList();
        this.lr = baseLr * lrMultiplier;
    }

    /**
     * Copies the parameters of {@code spec} (and any gradients they already have) into fresh flat buffers
     * and makes each parameter and its gradient a view of them. Call it after the model is on its device:
     * moving the model later would give the parameters new storage outside the buffers.
     */
    static ParamGroup flatten(GroupSpec spec, double baseLr) {
        Tensor first = spec.parameters().getFirst().tensor();
        long total = 0;
        for (NamedParameter p : spec.parameters()) {
            Tensor t = p.tensor();
            if (t.scalar_type().value != first.scalar_type().value || !sameDevice(t, first)) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' has dtype " + t.scalar_type() + " on "
                        + t.device().str().getString() + " but group '" + spec.name() + "' started with "
                        + first.scalar_type() + " on " + first.device().str().getString()
                        + "; move the whole model to one device and dtype before creating the optimizer");
            }
            total += t.numel();
        }
        // options() carries dtype, device and layout but not requires_grad: the buffers are plain storage.
        TensorOptions options = first.options();
        Tensor flatParams = torch.zeros(new long[] {total}, options);
        Tensor flatGrads = torch.zeros(new long[] {total}, options);
        try (NoGradGuard guard = new NoGradGuard()) {
            long offset = 0;
            for (NamedParameter p : spec.parameters()) {
                Tensor t = p.tensor();
                long n = t.numel();
                long[] shape = t.sizes().vec().get();
                Tensor paramView = flatParams.narrow(0, offset, n);
                paramView.copy_(t.reshape(-1));
                Tensor gradView = flatGrads.narrow(0, offset, n).view(shape);
                Tensor oldGrad = t.grad();
                if (oldGrad.defined()) {
                    gradView.copy_(oldGrad);
                }
                t.set_data(paramView.view(shape));
                t.mutable_grad().put(gradView);
                offset += n;
            }
        }
        return new ParamGroup(spec, baseLr, flatParams, flatGrads);
    }

    private static boolean sameDevice(Tensor a, Tensor b) {
        // Compared by the enums' values: the binding hands out enum copies that are not == to each other.
        return a.device().type().value == b.device().type().value && a.device().index() == b.device().index();
    }

    public String name() {
        return name;
    }

    /** The learning rate the next {@link Optimizer#step()} uses. */
    public double lr() {
        return lr;
    }

    public void setLr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("group '" + name + "': learning rate must be finite and >= 0, got " + lr);
        }
        this.lr = lr;
    }

    /** The configured learning rate, before the multiplier and any schedule. */
    public double baseLr() {
        return baseLr;
    }

    /** Factor on the scheduled rate for this group (e.g. 0.1 for a pretrained backbone). */
    public double lrMultiplier() {
        return lrMultiplier;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public Tensor flatParams() {
        return flatParams;
    }

    public Tensor flatGrads() {
        return flatGrads;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Total number of scalar parameters in the group. */
    public long numel() {
        return flatParams.numel();
    }

    static List<ParamGroup> flattenAll(List<GroupSpec> specs, double baseLr) {
        List<ParamGroup> groups = new ArrayList<>();
        for (GroupSpec spec : specs) {
            groups.add(flatten(spec, baseLr));
        }
        return List.copyOf(groups);
    }
}
