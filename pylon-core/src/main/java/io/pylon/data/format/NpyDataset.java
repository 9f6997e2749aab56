package io.pylon.data.format;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * The {@code npy} format: sample {@code i} is {@code inputs[i]} with target {@code targets[i]}.
 *
 * <p>{@code .npy} files are memory-mapped, so a sample is a view of the file and large arrays are never
 * copied onto the heap (big-endian or Fortran-ordered files are the exception: they are converted into
 * memory once, at open). Arrays in a {@code .npz} are read into memory. Integer class targets (not dense)
 * are widened to int64 per sample, the type losses expect; float and dense targets keep their stored type.
 * Samples are views that become invalid when the dataset is closed.
 */
final class NpyDataset implements Dataset {

    private final Arena arena;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NdArray inputs;
    private final Optional<NdArray> targets;
    private final String inputSource;
    private final String targetSource;
    private final boolean dense;
    private final String fingerprint;

    private NpyDataset(Arena arena, NdArray inputs, String inputSource, Optional<NdArray> targets,
            String targetSource, boolean dense, String fingerprint) {
        this.arena = arena;
        this.inputs = inputs;
        this.inputSource = inputSource;
        this.targets = targets;
        this.targetSource = targetSource;
        this.dense = dense;
        this.fingerprint = fingerprint;
    }

    /** Opens (maps or reads) the arrays {@code params} name and checks that they agree. */
    static NpyDataset open(NpyParams params) {
        Fingerprint print = new Fingerprint("npy").add(FileStamp.of(params.path()))
                .add("inputs_key", params.inputsKey()).add("targets_key", params.targetsKey())
                .add("dense_targets", params.denseTargets());
        if (params.archive()) {
            String name = params.inputsKey().orElseGet(() -> onlyArray(params));
            NdArray inputs = Npz.read(params.path(), name);
            Optional<NdArray> targets = params.targetsKey().map(key -> Npz.read(params.path(), key));
            return checked(null, inputs, params.path() + ":" + name + ".npy", targets,
                    params.path() + ":" + params.targetsKey().orElse("") + ".npy", params.denseTargets(),
                    print.build());
        }
        Arena arena = Arena.ofShared();
        try {
            NdArray inputs = Npy.map(params.path(), arena);
            Optional<NdArray> targets = params.targets().map(file -> Npy.map(file, arena));
            params.targets().ifPresent(file -> print.add(FileStamp.of(file)));
            return checked(arena, inputs, params.path().toString(), targets,
                    params.targets().map(Object::toString).orElse(""), params.denseTargets(), print.build());
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static String onlyArray(NpyParams params) {
        List<String> names = Npz.names(params.path());
        if (names.size() != 1) {
            throw new DataException(params.path().toString(), DataException.NO_SAMPLE, "holds " + names.size()
                    + " arrays " + names + "; set inputs_key (and targets_key) to say which are the inputs");
        }
        return names.getFirst();
    }

    private static NpyDataset checked(Arena arena, NdArray inputs, String inputSource, Optional<NdArray> targets,
            String targetSource, boolean dense, String fingerprint) {
        if (inputs.rank() == 0 || inputs.dim(0) == 0) {
            throw new DataException(inputSource, DataException.NO_SAMPLE, "holds no samples (shape "
                    + inputs + "); samples run along the first axis");
        }
        if (targets.isPresent()) {
            NdArray t = targets.get();
            if (t.rank() == 0 || t.dim(0) != inputs.dim(0)) {
                throw new DataException(targetSource, DataException.NO_SAMPLE, "has " + (t.rank() == 0 ? "no"
                        : Long.toString(t.dim(0))) + " targets along its first axis but the inputs " + inputSource
                        + " have " + inputs.dim(0) + " samples; they must match");
            }
        }
        NpyDataset dataset = new NpyDataset(arena, inputs, inputSource, targets, targetSource, dense, fingerprint);
        dataset.get(0);
        return dataset;
    }

    @Override
    public long size() {
        return inputs.dim(0);
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        NdArray input = inputs.slice(index);
        if (targets.isEmpty()) {
            return new Sample(index, input, input, false);
        }
        NdArray target = targets.get().slice(index);
        if (!dense && isInteger(target.dtype()) && target.dtype() != DType.INT64) {
            target = NdArray.of(target.toLongs(), target.shape());
        }
        try {
            return new Sample(index, input, target, dense);
        } catch (IllegalArgumentException e) {
            throw new DataException(targetSource, index, e.getMessage() + "; check dense_targets and the"
                    + " arrays' shapes (inputs " + inputSource + ")", e);
        }
    }

    private static boolean isInteger(DType type) {
        return type != DType.BOOL && !type.isFloatingPoint();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        if (arena != null && closed.compareAndSet(false, true)) {
            arena.close();
        }
    }
}
