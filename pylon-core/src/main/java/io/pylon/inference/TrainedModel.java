package io.pylon.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.data.DataConfig;
import io.pylon.data.DataSpec;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transforms;
import io.pylon.engine.Device;
import io.pylon.models.Model;
import io.pylon.models.Models;
import io.pylon.models.weights.FineTuning;
import io.pylon.models.weights.LoadOptions;
import io.pylon.models.weights.Weights;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.RunConfig;

/**
 * A trained model rebuilt from its run directory for prediction: the model section of the run's saved config
 * (plus overrides), the weights of a checkpoint ({@code --checkpoint}, else the run's best, else its last),
 * the {@code data.transforms} preprocessing every split saw, and the {@code inference} section.
 *
 * @param source the run directory, for messages
 * @param checkpoint the weights file loaded
 * @param config the run's resolved config (with overrides)
 * @param numClasses output classes ({@code data.num_classes})
 * @param preprocessing {@code data.transforms}, applied to every case before prediction
 * @param binder binds the {@code inference.modes} (and any other component section) of this run
 */
public record TrainedModel(Path source, Path checkpoint, Model model, RunConfig config, String modelName,
        int numClasses, Compose preprocessing, InferenceConfig inference, ComponentBinder binder) {

    /**
     * @param inputShape the shape {@code [C, *S]} of the cases to predict: the model is built for {@code C}
     *     channels and windows of {@code inference.window.size} (or the whole input)
     */
    public static TrainedModel load(Path runDirectory, Optional<Path> checkpoint, List<String> overrides,
            long[] inputShape, Path inputFile, Device device, Components components) {
        ComponentBinder binder = new ComponentBinder(components);
        RunDirectory dir = RunDirectory.existing(runDirectory);
        Config loaded = Config.load(dir.config(), overrides);
        RunConfig run = Binder.bind(loaded.root(), "", RunConfig.class);
        InferenceConfig inference = Binder.bind(run.inference(), "inference", InferenceConfig.class);
        DataConfig data = Binder.bind(run.data(), "data", DataConfig.class);
        if (data.numClasses() < 1) {
            throw new PylonUserException(dir.config() + ": data.num_classes is not set, so the number of output"
                    + " classes is unknown; pass data.num_classes=K after the run directory");
        }
        Bound<DataSpec, Model> bound = binder.bind(Models.KIND, FineTuning.modelParams(run.model()), "model");
        String name = bound.name();
        InferenceModes.bind(binder, inference.modes(), "inference.modes");
        long[] shape = inputShape.clone();
        List<Integer> window = inference.window().size();
        if (!window.isEmpty() && window.size() == shape.length - 1) {
            for (int a = 0; a < window.size(); a++) {
                shape[a + 1] = window.get(a);
            }
        }
        Model model;
        try {
            model = bound.create(new DataSpec(shape, data.numClasses()));
        } catch (PylonUserException e) {
            throw new PylonUserException("cannot run the model of " + runDirectory + " on " + inputFile + " (shape "
                    + Arrays.toString(inputShape) + (window.isEmpty() ? "" : ", windows " + window) + "): "
                    + e.getMessage() + (window.isEmpty() ? "; or set inference.window.size" : ""), e);
        }
        Path weights = checkpoint.orElseGet(() -> defaultCheckpoint(dir));
        Map<String, Tensor> tensors = new LinkedHashMap<>(Weights.read(weights));
        // learnable loss weights train inside the model's module tree but are no part of the network
        tensors.keySet().removeIf(k -> k.startsWith("criterion."));
        try {
            Weights.loadTensors(model.module(), tensors, weights.toString(), LoadOptions.strictLoad());
        } catch (PylonUserException e) {
            throw new PylonUserException(weights + " does not fit the model '" + name + "' of " + runDirectory
                    + " built for the input " + inputFile + " of shape " + Arrays.toString(inputShape) + " (windows "
                    + Arrays.toString(shape) + "): " + oneLine(e.getMessage())
                    + "; check that the input has the channels the model was trained on and that every ensemble"
                    + " member is the same model", e);
        }
        model.module().to(device.toTorch(), false);
        model.module().eval();
        Compose preprocessing = Transforms.chain(binder, data.transforms(), "data.transforms");
        return new TrainedModel(runDirectory, weights, model, run, name, data.numClasses(), preprocessing, inference,
                binder);
    }

    /** The {@code inference} section of {@code runDirectory}'s saved config with {@code overrides}. */
    public static InferenceConfig settings(Path runDirectory, List<String> overrides) {
        RunDirectory dir = RunDirectory.existing(runDirectory);
        RunConfig run = Binder.bind(Config.load(dir.config(), overrides).root(), "", RunConfig.class);
        return Binder.bind(run.inference(), "inference", InferenceConfig.class);
    }

    /** {@code checkpoints/best-*.ckpt} (the first by name when there are several), else {@code last.ckpt}. */
    static Path defaultCheckpoint(RunDirectory dir) {
        Path folder = dir.checkpoints();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> best = files.filter(p -> p.getFileName().toString().startsWith("best-")
                        && p.getFileName().toString().endsWith(".ckpt")).sorted().findFirst();
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException e) {
                throw new PylonUserException("cannot list " + folder + " (" + e.getMessage() + ")", e);
            }
        }
        if (!Files.isRegularFile(dir.lastCheckpoint())) {
            throw new PylonUserException(dir.path() + " has no checkpoint (checkpoints/best-*.ckpt or last.ckpt);"
                    + " train it first or pass --checkpoint FILE");
        }
        return dir.lastCheckpoint();
    }

    /** The first lines of a multi-line message, joined: a user error is one line. */
    private static String oneLine(String message) {
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int shown = Math.min(lines.size(), 4);
        String joined = String.join("; ", lines.subList(0, shown));
        return lines.size() > shown ? joined + "; ... (" + (lines.size() - shown) + " more lines)" : joined;
    }
}
