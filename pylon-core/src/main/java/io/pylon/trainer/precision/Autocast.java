package io.pylon.trainer.precision;

import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * One autocast region on the current thread, as {@code torch.autocast(device, dtype)} opens it in Python:
 * enables autocast for {@code device} with {@code dtype}, and at close restores the previous setting and
 * clears the cast-weight cache when the outermost region ends (libtorch keeps fp32 weights cast once per
 * region in that cache, so leaving it filled would pin stale copies of the weights).
 */
public final class Autocast implements AutoCloseable {

    /** A region that changes nothing (full precision). */
    static final Autocast NONE = new Autocast();

    private final DeviceType device;
    private final boolean previousEnabled;
    private final ScalarType previousType;

    private Autocast() {
        this.device = null;
        this.previousEnabled = false;
        this.previousType = null;
    }

    private Autocast(DeviceType device, ScalarType dtype) {
        this.device = device;
        this.previousEnabled = torch.is_autocast_enabled(device);
        this.previousType = torch.get_autocast_dtype(device);
        torch.set_autocast_enabled(device, true);
        torch.set_autocast_dtype(device, dtype);
        torch.increment_nesting();
    }

    /** Opens a region on {@code device} (CPU or CUDA) casting eligible operators to {@code dtype}. */
    public static Autocast open(DeviceType device, ScalarType dtype) {
        return new Autocast(device, dtype);
    }

    /** Whether autocast is on for {@code device} on this thread now. */
    public static boolean enabled(DeviceType device) {
        return torch.is_autocast_enabled(device);
    }

    /** The dtype autocast uses for {@code device} on this thread now. */
    public static ScalarType dtype(DeviceType device) {
        return torch.get_autocast_dtype(device);
    }

    @Override
    public void close() {
        if (device == null) {
            return;
        }
        if (torch.decrement_nesting() == 0) {
            torch.clear_cache();
        }
        torch.set_autocast_enabled(device, previousEnabled);
        torch.set_autocast_dtype(device, previousType);
    }
}
