package io.pylon.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.data.DataSpec;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.inference.Blending;
import io.pylon.inference.SlidingWindow;
import io.pylon.inference.WindowParams;
import io.pylon.models.UNet;
import io.pylon.models.UNetParams;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;

/**
 * {@code pylon bench predict}: sliding-window inference of a random-weight 3D UNet over one random volume,
 * reported as voxels/s, with the memory the run needed: the accumulator bound {@code (K + 1) * voxels * 4}
 * bytes plus one batch of windows, against the process's resident-set growth (VmHWM before and after). The
 * peer, {@code bench/predict/peer_sliding_window.py}, runs MONAI's algorithm in plain PyTorch with the same
 * UNet, window, overlap and blending; the command it prints runs it on the same settings.
 */
@Command(name = "predict", description = "Sliding-window inference throughput (voxels/s) and memory of a 3D UNet.")
public final class BenchPredictCommand implements Callable<Integer> {

    @Option(names = "--shape", split = ",", defaultValue = "128,256,256", description = "volume D,H,W (default"
            + " ${DEFAULT-VALUE})")
    List<Integer> shape;

    @Option(names = "--window", split = ",", defaultValue = "64,64,64", description = "window D,H,W (default"
            + " ${DEFAULT-VALUE})")
    List<Integer> window;

    @Option(names = "--overlap", defaultValue = "0.25", description = "default ${DEFAULT-VALUE}")
    double overlap;

    @Option(names = "--blending", defaultValue = "gaussian", description = "constant or gaussian (default"
            + " ${DEFAULT-VALUE})")
    String blending;

    @Option(names = "--batch", defaultValue = "2", description = "windows per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--width", defaultValue = "8", description = "UNet width (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--depth", defaultValue = "3", description = "UNet depth (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--classes", defaultValue = "4", description = "output classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--rounds", defaultValue = "2", description = "measured rounds after one warm-up (default"
            + " ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--threads", defaultValue = "0", description = "intra-op threads, 0 = cores (default"
            + " ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws IOException {
        Engine.start(new EngineOptions(threads, true));
        long[] volumeShape = {1, shape.get(0), shape.get(1), shape.get(2)};
        long[] windowShape = {1, window.get(0), window.get(1), window.get(2)};
        UNet model = UNet.create(new UNetParams(depth, width, Norm.INSTANCE, 8, Activation.RELU,
                UNetParams.Upsampling.TRANSPOSED, 0, false, false), new DataSpec(windowShape, classes), 3);
        model.eval();
        WindowParams params = new WindowParams(window, overlap, Blending.valueOf(blending.toUpperCase(Locale.ROOT)),
                0.125, batch, 0, 2048);
        SlidingWindow sliding = new SlidingWindow(params, Device.CPU);
        torch.manual_seed(0);
        Tensor volume = torch.randn(volumeShape);
        long voxels = shape.get(0) * (long) shape.get(1) * shape.get(2);
        long windowVoxels = window.get(0) * (long) window.get(1) * window.get(2);
        long before = peakResidentKb();
        double[] seconds = new double[rounds];
        try (NoGradGuard guard = new NoGradGuard()) {
            for (int r = -1; r < rounds; r++) {
                long start = System.nanoTime();
                Tensor out = sliding.run(volume, w -> torch.softmax(model.forward(w), 1));
                double s = (System.nanoTime() - start) / 1e9;
                out.close();
                if (r >= 0) {
                    seconds[r] = s;
                    System.out.printf(Locale.ROOT, "round %d: %.2f s, %.0f voxels/s%n", r + 1, s, voxels / s);
                }
            }
        }
        long after = peakResidentKb();
        Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        double accumulatorMb = (classes + 1) * voxels * 4 / 1048576.0;
        double batchMb = batch * windowVoxels * (1 + 2L * classes) * 4 / 1048576.0;
        System.out.printf(Locale.ROOT, "pylon: volume %s, window %s, overlap %.2f, %s, batch %d, UNet depth %d width %d,"
                + " %d threads: %.0f voxels/s (median %.2f s)%n", shape, window, overlap, blending, batch, depth, width,
                Engine.intraOpThreads(), voxels / median, median);
        System.out.printf(Locale.ROOT, "memory: accumulators %.1f MiB + one batch of windows in/out %.1f MiB = bound"
                + " %.1f MiB (plus input and output volumes %.1f MiB); peak resident set grew %.1f MiB%n", accumulatorMb,
                batchMb, accumulatorMb + batchMb, (1 + classes) * voxels * 4 / 1048576.0, (after - before) / 1024.0);
        System.out.printf(Locale.ROOT, "peer: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/predict/peer_sliding_window.py"
                + " --shape %d,%d,%d --window %d,%d,%d --overlap %s --blending %s --batch %d --depth %d --width %d"
                + " --classes %d --rounds %d --threads %d%n", shape.get(0), shape.get(1), shape.get(2), window.get(0),
                window.get(1), window.get(2), overlap, blending, batch, depth, width, classes, rounds,
                Engine.intraOpThreads());
        return 0;
    }

    /** VmHWM of this process, in KiB (0 where /proc is missing). */
    private static long peakResidentKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
