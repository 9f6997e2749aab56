package io.pylon.models.gpt;

import static io.pylon.models.gpt.GptTesting.BLOCK;
import static io.pylon.models.gpt.GptTesting.VOCAB;
import static io.pylon.models.gpt.GptTesting.model;
import static io.pylon.models.gpt.GptTesting.tiny;
import static io.pylon.models.gpt.GptTesting.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.SafeTensors;
import io.pylon.checkpoint.StoredTensor;
import io.pylon.config.InvalidValueException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

class GptTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 5", "3, 8", "4, 3"})
    void logitsHaveOneRowPerPositionAndOneColumnPerToken(int n, int t) {
        Gpt gpt = model(tiny(0.1, true), 1);

        assertThat(Tensors.shape(gpt.forward(tokens(2, VOCAB, n, t)))).containsExactly(n, t, VOCAB);
    }

    @Test
    void sequenceLongerThanTheBlockIsAClearError() {
        Gpt gpt = model(tiny(0.0, true), 1);

        assertThatThrownBy(() -> gpt.forward(tokens(2, VOCAB, 2, BLOCK + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence length 9 exceeds block_size 8");
        assertThatThrownBy(() -> gpt.forward(Tensors.fromFloats(new float[4], 1, 4)))
                .hasMessageContaining("int64 token ids of shape (N, T)");
    }

    @Test
    void datasetWithLongerSamplesThanTheBlockIsRejectedAtConstruction() {
        assertThatThrownBy(() -> new Gpt(tiny(0.0, true), new DataSpec(new long[] {BLOCK + 1}, VOCAB)))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("block_size (8)");
        assertThatThrownBy(() -> new Gpt(tiny(0.0, true), new DataSpec(new long[] {1, 28, 28}, VOCAB)))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("shape [1, 28, 28]");
    }

    @Test
    void paramsAreValidated() {
        assertThatThrownBy(() -> new GptParams(30, 2, 4, 32, 8, 0.0, true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must divide d_model");
        assertThat(keyOf(() -> new GptParams(16, 0, 2, 32, 8, 0.0, true))).isEqualTo("n_layers");
        assertThat(keyOf(() -> new GptParams(16, 2, 2, 32, 0, 0.0, true))).isEqualTo("block_size");
        assertThat(keyOf(() -> new GptParams(16, 2, 2, 32, 8, 1.0, true))).isEqualTo("dropout");
        assertThat(keyOf(() -> new GptParams(16, 2, 2, 0, 8, 0.0, true))).isEqualTo("d_ff");
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void changingALaterTokenNeverChangesEarlierLogits(boolean bias) {
        Gpt gpt = model(tiny(0.0, bias), 3);
        gpt.eval();
        long[] ids = Tensors.toLongs(tokens(4, VOCAB, 1, BLOCK));
        for (int t = 0; t + 1 < BLOCK; t++) {
            long[] changed = ids.clone();
            changed[t + 1] = (ids[t + 1] + 1) % VOCAB;
            Tensor a = gpt.forward(Tensors.fromLongs(ids, 1, BLOCK));
            Tensor b = gpt.forward(Tensors.fromLongs(changed, 1, BLOCK));

            assertThat(torch.allclose(a.narrow(1, 0, t + 1), b.narrow(1, 0, t + 1), 0, 1e-6, false)).as("t=%d", t).isTrue();
            assertThat(torch.allclose(a.narrow(1, t + 1, 1), b.narrow(1, t + 1, 1), 0, 1e-6, false))
                    .as("position %d sees its own token", t + 1).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void gradientReachesEveryParameter(boolean bias) {
        Gpt gpt = model(tiny(0.1, bias), 5);
        gpt.train(true);

        Tensor logits = gpt.forward(tokens(6, VOCAB, 3, BLOCK));
        torch.cross_entropy(logits.reshape(-1, VOCAB), tokens(7, VOCAB, 3, BLOCK).reshape(-1)).backward();

        Map<String, Tensor> parameters = ModuleTensors.parameters(gpt);
        assertThat(parameters).containsKeys("wte.weight", "wpe.weight", "h.0.attn.c_attn.weight",
                "h.1.mlp.c_proj.weight", "ln_f.weight").doesNotContainKey("lm_head.weight");
        assertThat(parameters.containsKey("ln_f.bias")).isEqualTo(bias);
        for (Map.Entry<String, Tensor> p : parameters.entrySet()) {
            assertThat(p.getValue().grad().defined()).as(p.getKey()).isTrue();
            assertThat(p.getValue().grad().abs().sum().item_double()).as(p.getKey()).isGreaterThan(0);
        }
    }

    /**
     * V*d + T*d embeddings; per block 2 LayerNorms (2*2d), attention qkv (3d*d + 3d) and proj (d*d + d), MLP
     * (d*ff + ff + ff*d + d); final LayerNorm 2d; the tied head adds 0. Without bias every "+ bias" term goes.
     */
    @ParameterizedTest
    @CsvSource({"128, 6, 8, 512, 256, 65, true", "16, 2, 2, 32, 8, 11, true", "16, 2, 2, 32, 8, 11, false",
            "24, 3, 3, 40, 5, 7, true"})
    void parameterCountMatchesTheClosedForm(int d, int layers, int heads, int ff, int block, int vocab, boolean bias) {
        GptParams params = new GptParams(d, layers, heads, ff, block, 0.1, bias);
        long b = bias ? 1 : 0;
        long perBlock = 2 * (d + b * d) + (3L * d * d + b * 3 * d) + ((long) d * d + b * d)
                + ((long) d * ff + b * ff + (long) ff * d + b * d);
        long expected = (long) vocab * d + (long) block * d + layers * perBlock + (d + b * d);

        Gpt gpt = new Gpt(params, new DataSpec(new long[] {block}, vocab));

        assertThat(ModuleTensors.parameterCount(gpt)).isEqualTo(expected);
        assertThat(Gpt.parameterCount(params, vocab)).isEqualTo(expected);
    }

    @Test
    void theBabyShakespeareConfigurationHas1230976Parameters() {
        Gpt gpt = new Gpt(GptParams.defaults(), new DataSpec(new long[] {256}, 65));

        assertThat(ModuleTensors.parameterCount(gpt)).isEqualTo(1_230_976L);
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Map<String, Tensor> a = ModuleTensors.parameters(model(tiny(0.1, true), 11));
        Map<String, Tensor> b = ModuleTensors.parameters(model(tiny(0.1, true), 11));
        Map<String, Tensor> c = ModuleTensors.parameters(model(tiny(0.1, true), 12));

        for (String name : a.keySet()) {
            assertThat(a.get(name).equal(b.get(name))).as(name).isTrue();
        }
        assertThat(a.get("h.0.attn.c_attn.weight").equal(c.get("h.0.attn.c_attn.weight"))).isFalse();
    }

    @Test
    void initialisationFollowsGpt2() {
        Map<String, Tensor> p = ModuleTensors.parameters(new Gpt(GptParams.defaults(), new DataSpec(new long[] {256}, 65)));

        assertThat(p.get("wte.weight").std().item_double()).isBetween(0.019, 0.021);
        assertThat(p.get("h.0.mlp.c_fc.weight").std().item_double()).isBetween(0.019, 0.021);
        double residual = 0.02 / Math.sqrt(12);
        assertThat(p.get("h.0.attn.c_proj.weight").std().item_double()).isBetween(residual * 0.95, residual * 1.05);
        assertThat(p.get("h.0.attn.c_attn.bias").abs().sum().item_double()).isZero();
        assertThat(p.get("ln_f.weight").eq(new Scalar(1.0)).all().item_bool()).isTrue();
    }

    @Test
    void stateDictLoadedIntoAFreshModelGivesTheSameLogits() {
        Gpt trained = model(tiny(0.1, true), 21);
        Gpt fresh = model(tiny(0.1, true), 22);
        trained.eval();
        fresh.eval();
        Tensor ids = tokens(8, VOCAB, 2, BLOCK);
        assertThat(trained.forward(ids).equal(fresh.forward(ids))).isFalse();

        ModuleTensors.loadStateDict(fresh, ModuleTensors.stateDict(trained));

        assertThat(trained.forward(ids).equal(fresh.forward(ids))).isTrue();
    }

    @Test
    void weightsSurviveASafeTensorsRoundTrip() {
        Gpt trained = model(tiny(0.0, false), 31);
        Gpt fresh = model(tiny(0.0, false), 32);
        Map<String, StoredTensor> stored = new LinkedHashMap<>();
        ModuleTensors.stateDict(trained).forEach((name, t) -> stored.put(name, StoredTensor.of(t)));

        SafeTensors.Contents parsed = SafeTensors.parse(SafeTensors.toBytes(stored, Map.of("model", "gpt")), "memory");
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        parsed.tensors().forEach((name, t) -> loaded.put(name, t.toTensor()));
        ModuleTensors.loadStateDict(fresh, loaded);

        trained.eval();
        fresh.eval();
        Tensor ids = tokens(9, VOCAB, 3, 6);
        assertThat(trained.forward(ids).equal(fresh.forward(ids))).isTrue();
    }

    @Test
    void evalIsDeterministicWhileTrainingDropsOut() {
        Gpt gpt = model(tiny(0.5, true), 41);
        Tensor ids = tokens(10, VOCAB, 2, BLOCK);

        gpt.eval();
        assertThat(gpt.forward(ids).equal(gpt.forward(ids))).isTrue();
        gpt.train(true);
        assertThat(gpt.forward(ids).equal(gpt.forward(ids))).isFalse();
    }

    @Test
    void oneAdamWStepLowersTheLossOnAFixedBatch() {
        Gpt gpt = model(tiny(0.0, true), 51);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 3e-3), gpt);
        Tensor inputs = tokens(11, VOCAB, 4, BLOCK);
        Tensor targets = tokens(12, VOCAB, 4, BLOCK);

        double before = loss(gpt, inputs, targets);
        optimizer.zeroGrad();
        lossTensor(gpt, inputs, targets).backward();
        optimizer.step();

        assertThat(loss(gpt, inputs, targets)).isLessThan(before);
    }

    @Test
    void aTinyGptMemorisesSixteenSequences() {
        int vocab = 16;
        int length = BLOCK + 1;
        // each sequence starts with its own token, so every prefix determines its continuation
        long[] values = Tensors.toLongs(tokens(13, vocab, 16, length));
        for (int i = 0; i < 16; i++) {
            values[i * length] = i;
        }
        Tensor sequences = Tensors.fromLongs(values, 16, length);
        Tensor inputs = sequences.narrow(1, 0, BLOCK);
        Tensor targets = sequences.narrow(1, 1, BLOCK);
        Seeds.seed(61);
        Gpt gpt = new Gpt(new GptParams(32, 2, 2, 64, BLOCK, 0.0, true), new DataSpec(new long[] {BLOCK}, vocab));
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 1e-2), gpt);

        for (int step = 0; step < 60; step++) {
            optimizer.zeroGrad();
            lossTensor(gpt, inputs, targets).backward();
            optimizer.step();
        }

        assertThat(loss(gpt, inputs, targets)).isLessThan(0.05);
    }

    private static String keyOf(Runnable construction) {
        try {
            construction.run();
        } catch (InvalidValueException e) {
            return e.key();
        }
        throw new AssertionError("no InvalidValueException");
    }

    private static Tensor lossTensor(Gpt gpt, Tensor inputs, Tensor targets) {
        Tensor logits = gpt.forward(inputs);
        return torch.cross_entropy(logits.reshape(-1, logits.size(2)), targets.reshape(-1));
    }

    private static double loss(Gpt gpt, Tensor inputs, Tensor targets) {
        try (NoGradGuard guard = new NoGradGuard()) {
            return lossTensor(gpt, inputs, targets).item_double();
        }
    }
}
