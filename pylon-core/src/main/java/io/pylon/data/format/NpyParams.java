package io.pylon.data.format;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of the {@code npy} dataset format: samples along the first axis of a NumPy array.
 *
 * <pre>
 *   data: {format: npy, path: train_x.npy, targets: train_y.npy}
 *   data: {format: npy, path: train.npz, inputs_key: x, targets_key: y}
 * </pre>
 *
 * @param path a {@code .npy} file of inputs, or a {@code .npz} archive (recognised by its {@code .npz} suffix)
 * @param targets a {@code .npy} file of targets with the same first dimension; only with a {@code .npy} path.
 *                Without targets, each sample's target is its input (autoencoders, unsupervised use)
 * @param inputsKey the inputs' array name in a {@code .npz}; may be omitted when the archive holds one array
 * @param targetsKey the targets' array name in a {@code .npz}; none means no targets
 * @param denseTargets the targets are label maps over each input's spatial grid (segmentation): a sample's
 *                     target must be {@code [*S]} or {@code [K, *S]} for an input {@code [C, *S]}
 */
public record NpyParams(
        Path path,
        @Default("null") Optional<Path> targets,
        @Default("null") Optional<String> inputsKey,
        @Default("null") Optional<String> targetsKey,
        @Default("false") boolean denseTargets) {

    public NpyParams {
        InvalidValueException.require(path != null, "path", "must name a .npy or .npz file");
        InvalidValueException.require(targets != null && inputsKey != null && targetsKey != null, "path",
                "optional values must not be null");
        if (isArchive(path)) {
            InvalidValueException.require(targets.isEmpty(), "targets", "must be empty for a .npz path (use"
                    + " targets_key to pick the targets' array), got %s", targets.orElse(null));
        } else {
            InvalidValueException.require(inputsKey.isEmpty(), "inputs_key", "is only for .npz archives; %s is a"
                    + " .npy file", path);
            InvalidValueException.require(targetsKey.isEmpty(), "targets_key", "is only for .npz archives; use"
                    + " targets: <file.npy> with a .npy path");
        }
        InvalidValueException.require(!denseTargets || targets.isPresent() || targetsKey.isPresent(),
                "dense_targets", "needs targets (targets or targets_key)");
    }

    /** Inputs from {@code inputs} and targets from {@code targets}, both {@code .npy}. */
    public static NpyParams files(Path inputs, Optional<Path> targets, boolean denseTargets) {
        return new NpyParams(inputs, targets, Optional.empty(), Optional.empty(), denseTargets);
    }

    boolean archive() {
        return isArchive(path);
    }

    private static boolean isArchive(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
    }
}
