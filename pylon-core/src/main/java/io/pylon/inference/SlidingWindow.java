package io.pylon.inference;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.engine.Device;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

/**
 * Sliding-window inference over a volume of any size (MONAI's {@code sliding_window_inference}): the input
 * {@code [C, *S]} is padded (symmetrically, with {@code padding_value}) up to the window where it is smaller,
 * cut into windows at the {@link WindowGrid} positions, which run through the model {@code batch_size} at a
 * time on the device; each window's output times the {@link ImportanceMap} is added into a full-volume
 * accumulator and the map into a weight accumulator; the result is their quotient, cropped back to {@code S}.
 *
 * <p>Memory: the accumulators hold {@code (K + 1) * prod(padded S)} floats, on the device when that is at most
 * {@code device_accumulator_mb} (and always on a CPU device), else on the host; on top come one batch of
 * windows in and out. Every batch runs in its own {@link StepScope}.
 */
public final class SlidingWindow {

    private final WindowParams params;
    private final Device device;

    public SlidingWindow(WindowParams params, Device device) {
        this.params = params;
        this.device = device;
    }

    public WindowParams params() {
        return params;
    }

    /** A {@link VolumePredictor} running {@code model} window by window. */
    public VolumePredictor over(BatchPredictor model) {
        return volume -> Prediction.of(run(volume, model));
    }

    /**
     * @param volume {@code [C, *S]}, float, on the host
     * @return {@code [K, *S]} float32 on the host
     */
    public Tensor run(Tensor volume, BatchPredictor model) {
        long[] shape = Tensors.shape(volume);
        long[] spatial = Arrays.copyOfRange(shape, 1, shape.length);
        long[] window = window(spatial);
        long[] padded = new long[spatial.length];
        long[] before = new long[spatial.length];
        for (int a = 0; a < spatial.length; a++) {
            padded[a] = Math.max(spatial[a], window[a]);
            before[a] = (padded[a] - spatial[a]) / 2;
        }
        Tensor input = pad(volume.to(torch.ScalarType.Float), spatial, padded, before);
        List<long[]> corners = WindowGrid.corners(padded, window, params.overlap());
        Tensor importance = ImportanceMap.of(window, params.blending(), params.sigmaScale());
        Tensor sum = null;
        Tensor weight = torch.zeros(padded);
        for (long[] corner : corners) {
            view(weight, corner, window, 0).add_(importance);
        }
        Tensor importanceOnDevice = toDevice(importance);
        for (int first = 0; first < corners.size(); first += params.batchSize()) {
            List<long[]> batch = corners.subList(first, Math.min(corners.size(), first + params.batchSize()));
            try (StepScope scope = new StepScope()) {
                TensorVector windows = new TensorVector();
                for (long[] corner : batch) {
                    windows.push_back(view(input, corner, window, 1));
                }
                Tensor in = torch.stack(windows, 0);
                Tensor out = model.predict(toDevice(in));
                long[] outShape = Tensors.shape(out);
                requireWindowOutput(outShape, batch.size(), window);
                if (sum == null) {
                    sum = scope.keep(newAccumulator(outShape[1], padded));
                }
                Tensor weighted = out.mul(importanceOnDevice);
                if (!sum.device().equals(weighted.device())) {
                    weighted = weighted.cpu();
                }
                for (int b = 0; b < batch.size(); b++) {
                    view(sum, batch.get(b), window, 1).add_(weighted.select(0, b));
                }
            }
        }
        Tensor averaged = sum.cpu().div(weight.unsqueeze(0));
        sum.close();
        Tensor cropped = averaged;
        for (int a = 0; a < spatial.length; a++) {
            cropped = cropped.narrow(a + 1, before[a], spatial[a]);
        }
        return cropped.contiguous();
    }

    private long[] window(long[] spatial) {
        if (params.size().isEmpty()) {
            return spatial.clone();
        }
        if (params.size().size() != spatial.length) {
            throw new PylonUserException("inference.window.size " + params.size() + " has " + params.size().size()
                    + " axes but the input has " + spatial.length + " spatial axes " + Arrays.toString(spatial)
                    + "; give one window side per spatial axis");
        }
        return params.size().stream().mapToLong(Integer::longValue).toArray();
    }

    private Tensor newAccumulator(long classes, long[] padded) {
        long[] shape = new long[padded.length + 1];
        shape[0] = classes;
        System.arraycopy(padded, 0, shape, 1, padded.length);
        long bytes = 4 * classes;
        for (long p : padded) {
            bytes *= p;
        }
        Tensor zeros = torch.zeros(shape);
        boolean onDevice = !(device instanceof Device.Cpu) && bytes <= params.deviceAccumulatorMb() << 20;
        return onDevice ? toDevice(zeros) : zeros;
    }

    private Tensor toDevice(Tensor tensor) {
        return device instanceof Device.Cpu ? tensor
                : tensor.to(device.toTorch(), tensor.scalar_type(), false, false, new MemoryFormatOptional());
    }

    private Tensor pad(Tensor volume, long[] spatial, long[] padded, long[] before) {
        if (Arrays.equals(spatial, padded)) {
            return volume;
        }
        // constant_pad_nd takes (before, after) pairs from the last axis backwards
        long[] pads = new long[2 * spatial.length];
        for (int a = 0; a < spatial.length; a++) {
            int slot = 2 * (spatial.length - 1 - a);
            pads[slot] = before[a];
            pads[slot + 1] = padded[a] - spatial[a] - before[a];
        }
        return torch.constant_pad_nd(volume, pads, new Scalar(params.paddingValue()));
    }

    /** The window at {@code corner} of {@code tensor}, whose spatial axes start at {@code firstAxis}. */
    private static Tensor view(Tensor tensor, long[] corner, long[] window, int firstAxis) {
        Tensor v = tensor;
        for (int a = 0; a < corner.length; a++) {
            v = v.narrow(firstAxis + a, corner[a], window[a]);
        }
        return v;
    }

    private static void requireWindowOutput(long[] out, int windows, long[] window) {
        boolean ok = out.length == window.length + 2 && out[0] == windows
                && Arrays.equals(Arrays.copyOfRange(out, 2, out.length), window);
        if (!ok) {
            throw new PylonUserException("the model maps a batch of " + windows + " windows of "
                    + Arrays.toString(window) + " to " + Arrays.toString(out) + ", not to [" + windows
                    + ", classes, " + Arrays.toString(window).replaceAll("[\\[\\]]", "") + "]; sliding-window inference"
                    + " needs a dense model whose output keeps the window's grid");
        }
    }
}
