package io.pylon.models.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;

/** Shared helpers: the fixture files written by bench/weights/check_safetensors.py and small MLPs. */
final class WeightsTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private WeightsTestSupport() {
    }

    /** Pylon's mlp with the fixture's architecture (4 inputs, hidden [3], 2 classes, no dropout). */
    static Mlp fixtureMlp(long seed) {
        return mlp(seed, List.of(3), 4, 2);
    }

    static Mlp mlp(long seed, List<Integer> hidden, long inputs, int classes) {
        Engine.start();
        Seeds.seed(seed);
        return new Mlp(new MlpParams(hidden, 0.0), new DataSpec(new long[] {inputs}, classes));
    }

    /** Copies a classpath resource under {@code weights/} to {@code dir} (libtorch needs a real file path). */
    static Path resource(String name, Path dir) {
        try (InputStream in = WeightsTestSupport.class.getResourceAsStream("/weights/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource weights/" + name + " is missing");
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected() {
        try (InputStream in = WeightsTestSupport.class.getResourceAsStream("/weights/expected.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tensor matrix(JsonNode rows) {
        int n = rows.size();
        int m = rows.get(0).size();
        float[] values = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                values[i * m + j] = (float) rows.get(i).get(j).asDouble();
            }
        }
        return Tensors.fromFloats(values, n, m);
    }

    static float[] flat(JsonNode rows) {
        return Tensors.toFloats(matrix(rows));
    }

    static Tensor randomInput(long rows, long cols) {
        Seeds.seed(99);
        return torch.randn(rows, cols);
    }
}
