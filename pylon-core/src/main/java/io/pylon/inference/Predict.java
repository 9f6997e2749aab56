package io.pylon.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;
import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.registry.Components;

/**
 * {@code pylon predict}: every case of the input through the (ensemble of) trained model(s), written to the
 * output folder as {@code <case>_labels}, {@code <case>_probabilities} and {@code <case>_<uncertainty>} in the
 * input's format (or {@code inference.format}) with the input's geometry. Each file is written under a
 * temporary name and renamed, so an interrupted run leaves only complete files.
 */
public final class Predict {

    private Predict() {
    }

    /** Runs the request and returns the files written. */
    public static List<Path> run(PredictRequest request, Components components, Consumer<String> log) {
        List<CaseList.Entry> cases = CaseList.parse(request.input());
        CaseVolume firstCase = CaseVolume.read(cases.getFirst().images());
        long[] shape = firstCase.data().shape();
        Engine.start(new EngineOptions(TrainedModel.settings(request.runs().getFirst(), request.overrides())
                .threads(), false));
        List<MemberPredictor> members = new ArrayList<>();
        for (int r = 0; r < request.runs().size(); r++) {
            Path run = request.runs().get(r);
            List<Optional<Path>> checkpoints = r == 0 && !request.checkpoints().isEmpty()
                    ? request.checkpoints().stream().map(Optional::of).toList() : List.of(Optional.empty());
            for (Optional<Path> checkpoint : checkpoints) {
                Device device = Device.parse(TrainedModel.settings(run, request.overrides()).device())
                        .requireAvailable();
                TrainedModel m = TrainedModel.load(run, checkpoint, request.overrides(), shape, firstCase.file(),
                        device, components);
                members.add(new MemberPredictor(m, device));
            }
        }
        Ensemble ensemble = new Ensemble(members, request.weights());
        InferenceConfig settings = members.getFirst().trained().inference();
        createFolder(request.out());
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseList.Entry entry = cases.get(i);
            CaseVolume volume = i == 0 ? firstCase : CaseVolume.read(entry.images());
            requireLike(volume, shape, firstCase);
            long start = System.nanoTime();
            CaseFormat format = "same".equals(settings.format()) ? CaseFormat.of(volume.file())
                    : CaseFormat.named(settings.format());
            String stem = CaseFormat.stem(volume.file());
            try (StepScope scope = new StepScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Prediction p = ensemble.predict(volume.data(), i);
                if (settings.labels()) {
                    written.add(write(volume, request.out(), stem + "_labels", format, labels(p.probabilities())));
                }
                if (settings.probabilities()) {
                    written.add(write(volume, request.out(), stem + "_probabilities", format,
                            floats(p.probabilities())));
                }
                for (Map.Entry<String, Tensor> map : p.maps().entrySet()) {
                    written.add(write(volume, request.out(), stem + "_" + map.getKey(), format,
                            floats(map.getValue().unsqueeze(0))));
                }
            }
            log.accept(String.format(java.util.Locale.ROOT, "%s %s -> %s (%.1f s)", volume.file(),
                    Arrays.toString(volume.data().shape()), request.out().resolve(stem + "_*"),
                    (System.nanoTime() - start) / 1e9));
        }
        return written;
    }

    /** Every case must have the first case's channels and dimensionality: the models were built for them. */
    private static void requireLike(CaseVolume volume, long[] shape, CaseVolume first) {
        long[] s = volume.data().shape();
        if (s.length != shape.length || s[0] != shape[0]) {
            throw new DataException(volume.file().toString(), DataException.NO_SAMPLE, "has shape "
                    + Arrays.toString(s) + " but " + first.file() + " has " + Arrays.toString(shape) + "; the model"
                    + " takes " + shape[0] + " channel(s) of " + (shape.length - 1) + "D data, predict cases of"
                    + " another kind in a separate call");
        }
    }

    private static NdArray labels(Tensor probabilities) {
        Tensor labels = torch.argmax(probabilities, new org.bytedeco.pytorch.LongOptional(0), true);
        long[] shape = Tensors.shape(labels);
        long[] values = Tensors.toLongs(labels);
        long classes = Tensors.shape(probabilities)[0];
        if (classes <= 255) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return NdArray.of(bytes, DType.UINT8, shape);
        }
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return NdArray.of(ints, shape);
    }

    private static NdArray floats(Tensor tensor) {
        return NdArray.of(Tensors.toFloats(tensor), Tensors.shape(tensor));
    }

    private static Path write(CaseVolume volume, Path out, String name, CaseFormat format, NdArray data) {
        Path target = out.resolve(name + format.extension());
        volume.write(target, format, data);
        return target;
    }

    private static void createFolder(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new PylonUserException("cannot create the output folder " + out + " (" + e.getMessage() + ")", e);
        }
    }
}
