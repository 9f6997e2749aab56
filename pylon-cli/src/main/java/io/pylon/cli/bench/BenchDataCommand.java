package io.pylon.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.config.Config;
import io.pylon.data.Batch;
import io.pylon.data.DataLoader;
import io.pylon.data.DataPlan;
import io.pylon.data.DataSplits;
import io.pylon.data.Dataset;
import io.pylon.data.Datasets;
import io.pylon.data.loader.LoaderSettings;
import io.pylon.data.loader.ParallelLoader;
import io.pylon.data.sampler.SequentialSampler;
import io.pylon.data.transform.Transforms;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;

/**
 * {@code pylon bench data}: loader throughput (samples/s) of two realistic augmentation pipelines at several
 * worker counts. The PyTorch peer, {@code bench/data/peer_dataloader.py}, runs the same pipelines with
 * torch's DataLoader; the command prints the line that runs it on the same files.
 */
@Command(name = "data", description = "Data loader throughput of two augmentation pipelines (samples/s).")
public final class BenchDataCommand implements Callable<Integer> {

    /** Fashion-MNIST: crop with padding, flip, affine, then z-score (images arrive scaled to [0, 1]). */
    private static final ComponentBinder BINDER = new ComponentBinder(StandardComponents.builtIns());
    static final String FASHION_AUGMENT = """
            [{name: random_crop, size: [28, 28], padding: 4},
             {name: flip, axes: [1], p: 0.5},
             {name: affine, rotate: [-15, 15], scale: [0.9, 1.1], translate: [-0.1, 0.1], p: 1.0},
             {name: normalize, mode: zscore, mean: [0.2860], std: [0.3530]}]""";

    /** 3D: 64^3 crops of a memory-mapped volume, flips, elastic deformation, Gaussian noise. */
    static final String VOLUME_AUGMENT = """
            [{name: random_crop, size: [64, 64, 64]},
             {name: flip, axes: [0, 1, 2], p: 0.5},
             {name: elastic, spacing: [8], magnitude: [4, 4], p: 1.0},
             {name: gaussian_noise, std: [0.1]}]""";

    @Option(names = "--workers", split = ",", defaultValue = "1,2",
            description = "worker counts to measure (default ${DEFAULT-VALUE})")
    List<Integer> workers;

    @Option(names = "--root", description = "Fashion-MNIST folder (default: the system location)")
    Optional<String> root;

    @Option(names = "--work-dir", defaultValue = "runs/bench-data",
            description = "where the benchmark volume is written (default ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--rounds", defaultValue = "3", description = "measured rounds; the median is reported"
            + " (default ${DEFAULT-VALUE})")
    int rounds;

    // a round of a few hundred milliseconds: shorter ones are at the mercy of a single GC pause
    @Option(names = "--fashion-samples", defaultValue = "40000", description = "samples measured per run")
    int fashionSamples;

    @Option(names = "--volume-samples", defaultValue = "160", description = "samples measured per run")
    int volumeSamples;

    @Override
    public Integer call() throws Exception {
        Engine.start();
        Files.createDirectories(workDir);
        BenchVolume.VolumeFiles volume = BenchVolume.write(workDir, 128, 42);
        // round 0 is discarded: it pays for the JIT, the buffer pools and the page cache
        double[][] fashionRates = new double[workers.size()][rounds];
        double[][] volumeRates = new double[workers.size()][rounds];
        for (int round = 0; round <= rounds; round++) {
            for (int w = 0; w < workers.size(); w++) {
                double rate = fashion(workers.get(w));
                if (round > 0) {
                    fashionRates[w][round - 1] = rate;
                }
            }
            for (int w = 0; w < workers.size(); w++) {
                double rate = volume(volume, workers.get(w));
                if (round > 0) {
                    volumeRates[w][round - 1] = rate;
                }
            }
        }
        for (int w = 0; w < workers.size(); w++) {
            report("fashion", workers.get(w), fashionRates[w]);
        }
        for (int w = 0; w < workers.size(); w++) {
            report("volume", workers.get(w), volumeRates[w]);
        }
        System.out.println("peer: /usr/bin/python3 bench/data/peer_dataloader.py --volume " + volume.image()
                + " --labels " + volume.labels() + " --workers "
                + String.join(" ", workers.stream().map(String::valueOf).toList())
                + root.map(r -> " --fashion " + r).orElse(""));
        return 0;
    }

    private static void report(String pipeline, int workers, double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "pylon %s workers=%d samples/s=%.1f (median of %s)%n", pipeline,
                workers, sorted[sorted.length / 2], Arrays.toString(
                        Arrays.stream(rates).map(r -> Math.round(r * 10) / 10.0).toArray()));
    }

    private double fashion(int threads) {
        String yaml = "{name: fashion_mnist, batch_size: 128, normalize: false, val_size: 0, shuffle: false,"
                + " workers: " + threads + ", prefetch: " + Math.max(2, 2 * threads) + ", augment: "
                + FASHION_AUGMENT + root.map(r -> ", root: '" + r + "'").orElse("") + "}";
        DataPlan plan = Datasets.resolve(BINDER, Config.parse(yaml, "bench").root());
        try (DataSplits splits = Datasets.open(plan, 0)) {
            return samplesPerSecond(splits.train(), 4, fashionSamples);
        }
    }

    private double volume(BenchVolume.VolumeFiles files, int threads) {
        Dataset crops = BenchVolume.dataset(files, volumeSamples + 16);
        LoaderSettings settings = new LoaderSettings(4, false, threads, Math.max(2, 2 * threads), 0,
                io.pylon.data.loader.BadSamplePolicy.FAIL);
        try (crops; ParallelLoader loader = new ParallelLoader(crops, new SequentialSampler(crops.size()),
                Transforms.chain(BINDER, Config.parse("augment: " + VOLUME_AUGMENT, "bench").root().get("augment")
                        .orElseThrow(), "augment"), settings, "bench volume")) {
            return samplesPerSecond(loader, 4, volumeSamples);
        }
    }

    /** Samples per second over {@code samples} after {@code warmup} batches (JIT, buffer pool, page cache). */
    static double samplesPerSecond(DataLoader loader, int warmup, int samples) {
        Iterator<Batch> batches = loader.epoch(0, 0);
        for (int i = 0; i < warmup && batches.hasNext(); i++) {
            try (StepScope scope = new StepScope()) {
                batches.next();
            }
        }
        long start = System.nanoTime();
        long seen = 0;
        while (seen < samples && batches.hasNext()) {
            try (StepScope scope = new StepScope()) {
                seen += batches.next().size();
            }
        }
        return seen / ((System.nanoTime() - start) / 1e9);
    }
}
