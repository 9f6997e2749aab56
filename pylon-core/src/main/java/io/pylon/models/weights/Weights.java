package io.pylon.models.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.CheckpointFile;
import io.pylon.checkpoint.CorruptFileException;
import io.pylon.checkpoint.SafeTensors;
import io.pylon.checkpoint.StoredTensor;
import io.pylon.engine.Tensors;
import io.pylon.models.Model;
import io.pylon.nn.ModuleTensors;

/**
 * Saves and loads a model's weights.
 *
 * <h2>File format ({@value #FORMAT})</h2>
 * A weights file is a plain <a href="https://github.com/huggingface/safetensors">safetensors</a> file: an
 * 8-byte little-endian header length, a JSON header, then the raw little-endian tensor bytes. It holds the
 * model's state dict: every parameter, then every buffer, under its dotted module path ({@code fc0.weight},
 * {@code out.bias}, ...), the names PyTorch's {@code state_dict()} uses for the same module tree, in the
 * tensors' own dtype, contiguous, on the CPU. The {@code __metadata__} map holds {@code pylon.format} =
 * {@value #FORMAT} and, when given, {@code pylon.model} (the registered model name) and {@code pylon.params}
 * (the model's params record as JSON). Nothing else is required, so a safetensors file written by PyTorch
 * (with any or no metadata) loads too.
 *
 * <p>{@link #load} also accepts a Pylon checkpoint ({@code pylon-checkpoint/1}, see {@link CheckpointFile}):
 * its checksum is verified and its {@code model/<name>} tensors are loaded with the prefix stripped, so the
 * best checkpoint of one run can initialise another.
 *
 * <p>Loading copies values in place (parameters stay the same tensors, so do it before the optimizer is
 * built), converting dtype and device to the model's. Shape mismatches are always refused, naming the tensor
 * and both shapes; missing and unexpected names are refused under {@link LoadOptions#strict()} and otherwise
 * reported in the returned {@link LoadReport} and logged.
 */
public final class Weights {

    /** The {@code pylon.format} tag of weights files. */
    public static final String FORMAT = "pylon-weights/1";
    public static final String FORMAT_KEY = "pylon.format";
    public static final String MODEL_KEY = "pylon.model";
    public static final String PARAMS_KEY = "pylon.params";
    private static final String CHECKPOINT_PREFIX = "model/";
    private static final Logger LOG = LoggerFactory.getLogger(Weights.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Weights() {
    }

    /** Writes the state dict of {@code model} to {@code file} with only the format tag as metadata. */
    public static void save(Model model, Path file) {
        save(model, file, null, null);
    }

    /**
     * Writes the state dict of {@code model} to {@code file}.
     *
     * @param modelName registered model name recorded as {@code pylon.model}, or null
     * @param params the model's params record, recorded as JSON in {@code pylon.params}, or null
     */
    public static void save(Model model, Path file, String modelName, Record params) {
        Map<String, StoredTensor> stored = new LinkedHashMap<>();
        ModuleTensors.stateDict(model.module()).forEach((name, t) -> stored.put(name, StoredTensor.of(t)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        if (modelName != null) {
            metadata.put(MODEL_KEY, modelName);
        }
        if (params != null) {
            metadata.put(PARAMS_KEY, toJson(params));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, SafeTensors.toBytes(stored, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write weights " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The named tensors of a weights file, a PyTorch safetensors file or a Pylon checkpoint (prefix stripped),
     * as CPU tensors.
     *
     * @throws CorruptFileException for a truncated or malformed file, naming it
     */
    public static Map<String, Tensor> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PylonUserException("weights file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read weights " + file + ": " + e.getMessage(), e);
        }
        SafeTensors.Contents contents = SafeTensors.parse(bytes, file.toString());
        String format = contents.metadata().get(FORMAT_KEY);
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (CheckpointFile.FORMAT.equals(format)) {
            // re-read through CheckpointFile so its checksum is verified
            CheckpointFile.read(file).tensors().forEach((name, t) -> {
                if (name.startsWith(CHECKPOINT_PREFIX)) {
                    out.put(name.substring(CHECKPOINT_PREFIX.length()), t.toTensor());
                }
            });
            if (out.isEmpty()) {
                throw new CorruptFileException(file.toString(), "checkpoint holds no model/ tensors");
            }
            return out;
        }
        if (format != null && format.startsWith("pylon-") && !FORMAT.equals(format)) {
            throw new CorruptFileException(file.toString(), "unsupported format tag '" + format + "' (this Pylon reads '"
                    + FORMAT + "' weights and '" + CheckpointFile.FORMAT + "' checkpoints)");
        }
        contents.tensors().forEach((name, t) -> out.put(name, t.toTensor()));
        return out;
    }

    /** Reads {@code file} (see {@link #read}) into {@code model}; see {@link #loadTensors} for the rules. */
    public static LoadReport load(Model model, Path file, LoadOptions options) {
        return loadTensors(model.module(), read(file), file.toString(), options);
    }

    /**
     * Copies {@code source} into the matching tensors of {@code module} in place (converting dtype and
     * device), after checking everything first: on any error nothing has been changed.
     *
     * @throws PylonUserException on a shape mismatch (naming the tensor and both shapes), or under
     *     {@code strict} when a name is missing or unexpected
     */
    public static LoadReport loadTensors(Module module, Map<String, Tensor> source, String sourceName,
            LoadOptions options) {
        Map<String, Tensor> target = ModuleTensors.stateDict(module);
        List<String> loaded = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : target.entrySet()) {
            Tensor src = source.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
                continue;
            }
            long[] want = Tensors.shape(e.getValue());
            long[] got = Tensors.shape(src);
            if (!Arrays.equals(want, got)) {
                mismatches.add(e.getKey() + ": model has " + Arrays.toString(want) + ", file has " + Arrays.toString(got));
            } else {
                loaded.add(e.getKey());
            }
        }
        for (String name : source.keySet()) {
            if (!target.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!mismatches.isEmpty()) {
            throw new PylonUserException(sourceName + ": shape mismatch, nothing was loaded:\n  "
                    + String.join("\n  ", mismatches)
                    + "\n(the weights were made for a different architecture; check the model config)");
        }
        LoadReport report = new LoadReport(sourceName, loaded, missing, unexpected);
        if (options.strict() && !report.complete()) {
            throw new PylonUserException(sourceName + ": strict load refused, nothing was loaded: missing " + missing
                    + ", unexpected " + unexpected + " (set model.weights_strict: false to load the matching names)");
        }
        try (NoGradGuard guard = new NoGradGuard()) {
            for (String name : loaded) {
                target.get(name).copy_(source.get(name));
            }
        }
        if (report.complete()) {
            LOG.info(report.summary());
        } else {
            LOG.warn(report.summary());
        }
        return report;
    }

    private static String toJson(Record params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params " + params + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
