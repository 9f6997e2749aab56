package io.pylon.cli.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.config.InvalidValueException;
import io.pylon.data.synth.SynthParams;
import io.pylon.data.synth.SynthWriter;

/**
 * {@code pylon data synth}: a small synthetic segmentation dataset (NIfTI volumes, or PNG images with
 * {@code --dims 2}) so segmentation examples and tests run anywhere.
 */
@Command(name = "synth", description = "Write a synthetic segmentation dataset: ellipsoid blobs of several"
        + " classes with noise and a bias field (3D NIfTI pairs, or 2D PNG pairs).", sortOptions = false)
public final class DataSynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new folder receiving"
            + " <split>/images and <split>/labels")
    Path out;

    @Option(names = "--dims", defaultValue = "3", description = "3 (NIfTI volumes) or 2 (PNG images);"
            + " default ${DEFAULT-VALUE}")
    int dims;

    @Option(names = "--train", defaultValue = "24", description = "training cases (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--val", defaultValue = "4", description = "validation cases (default ${DEFAULT-VALUE})")
    int val;

    @Option(names = "--test", defaultValue = "8", description = "test cases (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--shape", split = ",", paramLabel = "N", description = "voxels per axis, [D,]H,W (default"
            + " 32,64,64 in 3D, 128,128 in 2D)")
    List<Integer> shape = new ArrayList<>();

    @Option(names = "--spacing", split = ",", paramLabel = "MM", description = "voxel size per axis in mm"
            + " (default 2,1,1 in 3D, 1,1 in 2D)")
    List<Double> spacing = new ArrayList<>();

    @Option(names = "--classes", defaultValue = "3", description = "foreground classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--blobs-per-class", defaultValue = "2", description = "ellipsoids per class (default"
            + " ${DEFAULT-VALUE})")
    int blobsPerClass;

    @Option(names = "--noise", defaultValue = "0.25", description = "noise std relative to the class intensity"
            + " step (default ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--bias-field", defaultValue = "0.2", description = "bias field amplitude (default"
            + " ${DEFAULT-VALUE})")
    double biasField;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (dims != 2 && dims != 3) {
            throw new PylonUserException("--dims must be 2 or 3, got " + dims);
        }
        if (train < 1 || val < 0 || test < 0) {
            throw new PylonUserException("--train must be >= 1 and --val, --test >= 0, got " + train + ", " + val
                    + ", " + test);
        }
        List<Integer> size = !shape.isEmpty() ? shape : dims == 3 ? List.of(32, 64, 64) : List.of(128, 128);
        List<Double> voxel = !spacing.isEmpty() ? spacing : dims == 3 ? List.of(2.0, 1.0, 1.0) : List.of(1.0, 1.0);
        if (size.size() != dims) {
            throw new PylonUserException("--shape " + size + " has " + size.size() + " axes but --dims is " + dims);
        }
        SynthParams params;
        try {
            params = new SynthParams(size, voxel, classes, blobsPerClass, noise, biasField, seed);
        } catch (InvalidValueException e) {
            throw new PylonUserException("--" + e.key().replace('_', '-') + " " + e.getMessage(), e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("train", train);
        if (val > 0) {
            counts.put("val", val);
        }
        if (test > 0) {
            counts.put("test", test);
        }
        long start = System.nanoTime();
        int files = SynthWriter.write(out, params, counts);
        System.out.printf(Locale.ROOT, "%s: %d files (%s cases of %s voxels, spacing %s, %d classes) in %.1f s%n",
                out, files, counts, size, voxel, classes, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
