package io.pylon.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.CheckpointFile;
import io.pylon.checkpoint.CorruptFileException;
import io.pylon.checkpoint.StoredTensor;
import io.pylon.engine.Device;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.Stateful;
import io.pylon.trainer.precision.Precision;

/**
 * What a training checkpoint holds and how it goes back: model weights ({@code model/...}), optimizer
 * state ({@code optimizer/...}), the CPU RNG ({@code rng/cpu}) and on a GPU the device's RNG
 * ({@code rng/cuda}), and a JSON state with the loop position (data-order position included), scheduler,
 * partial epoch metrics, callback states, the fp16 loss scaler and the resolved config.
 */
final class TrainerCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "model/";
    private static final String OPTIMIZER = "optimizer/";
    private static final String RNG = "rng/cpu";
    private static final String CUDA_RNG = "rng/cuda";

    private TrainerCheckpoints() {
    }

    static void save(Path file, TrainingComponents parts, LoopState position, RunningMetrics trainMetrics,
            Precision precision) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModuleTensors.stateDict(parts.model().module()).forEach((k, v) -> tensors.put(MODEL + k, v));
        parts.optimizer().stateTensors().forEach((k, v) -> tensors.put(OPTIMIZER + k, v));
        byte[] rng = Seeds.cpuState();
        tensors.put(RNG, Tensors.fromBytes(rng, new long[] {rng.length}, ScalarType.Byte));
        if (parts.device() instanceof Device.Cuda(int index)) {
            byte[] cudaRng = Seeds.cudaState(index);
            tensors.put(CUDA_RNG, Tensors.fromBytes(cudaRng, new long[] {cudaRng.length}, ScalarType.Byte));
        }

        Map<String, Object> state = new LinkedHashMap<>();
        state.put("position", Map.of("epoch", position.epoch(), "batch_in_epoch", position.batchInEpoch(),
                "global_step", position.globalStep()));
        state.put("scheduler", parts.scheduler().state());
        state.put("train_metrics", trainMetrics.state());
        Map<String, Object> callbackStates = new LinkedHashMap<>();
        for (Callback c : parts.callbacks()) {
            if (c instanceof Stateful s) {
                callbackStates.put(c.name(), s.state());
            }
        }
        state.put("callbacks", callbackStates);
        state.put("precision", precision.state());
        state.put("config", parts.resolvedConfig());
        try {
            CheckpointFile.write(file, tensors, JSON.writeValueAsString(state));
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint state is not serialisable: " + e.getMessage(), e);
        }
    }

    /** Verifies the whole file first; only a file that passed every check is applied. */
    @SuppressWarnings("unchecked")
    static LoopState restore(Path file, CheckpointFile.Contents contents, TrainingComponents parts,
            RunningMetrics trainMetrics, Precision precision) {
        Map<String, Object> state;
        try {
            state = JSON.readValue(contents.stateJson(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new CorruptFileException(file.toString(), "state is not valid JSON: " + e.getMessage());
        }
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        Tensor rng = null;
        Tensor cudaRng = null;
        for (Map.Entry<String, StoredTensor> e : contents.tensors().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(MODEL)) {
                model.put(name.substring(MODEL.length()), e.getValue().toTensor());
            } else if (name.startsWith(OPTIMIZER)) {
                optimizer.put(name.substring(OPTIMIZER.length()), e.getValue().toTensor());
            } else if (name.equals(RNG)) {
                rng = e.getValue().toTensor();
            } else if (name.equals(CUDA_RNG)) {
                cudaRng = e.getValue().toTensor();
            }
        }
        if (rng == null) {
            throw new CorruptFileException(file.toString(), "it has no " + RNG + " tensor");
        }
        try {
            ModuleTensors.loadStateDict(parts.model().module(), model);
            parts.optimizer().loadStateTensors(optimizer);
        } catch (IllegalArgumentException e) {
            throw new PylonUserException(file + " does not fit this model/optimizer (was the config changed?): "
                    + e.getMessage(), e);
        }
        Seeds.restoreCpuState(Tensors.toBytes(rng));
        // a checkpoint from a CPU run resumed on a GPU (or the reverse) keeps the seeded device generator
        if (cudaRng != null && parts.device() instanceof Device.Cuda(int index)) {
            Seeds.restoreCudaState(index, Tensors.toBytes(cudaRng));
        }
        Map<String, Object> precisionState = (Map<String, Object>) state.getOrDefault("precision", Map.of());
        if (!precisionState.isEmpty()) {
            precision.loadState(precisionState);
        }
        parts.scheduler().loadState((Map<String, Object>) state.get("scheduler"));
        trainMetrics.loadState((Map<String, Object>) state.get("train_metrics"));
        Map<String, Object> callbackStates = (Map<String, Object>) state.getOrDefault("callbacks", Map.of());
        for (Callback c : parts.callbacks()) {
            if (c instanceof Stateful s && callbackStates.containsKey(c.name())) {
                s.loadState((Map<String, Object>) callbackStates.get(c.name()));
            }
        }
        return position(file, contents);
    }

    /** The loop position a verified checkpoint resumes from. */
    static LoopState position(Path file, CheckpointFile.Contents contents) {
        try {
            var pos = JSON.readTree(contents.stateJson()).path("position");
            return new LoopState(pos.path("epoch").asInt(), pos.path("batch_in_epoch").asLong(),
                    pos.path("global_step").asLong());
        } catch (IOException e) {
            throw new CorruptFileException(file.toString(), "state is not valid JSON: " + e.getMessage());
        }
    }
}
