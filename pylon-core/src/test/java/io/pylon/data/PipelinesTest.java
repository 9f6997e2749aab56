package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.config.Origin;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

class PipelinesTest {

    /** A format for these tests: {@code size} samples of [1, 2, 2] uint8, label index % 3. */
    record Numbers(int size) {
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        Engine.start();
    }

    /** The built-ins plus a test format, in this test's own registry. */
    private static final ComponentBinder BINDER = new ComponentBinder(registry());

    private static Components registry() {
        Components.Builder builder = Components.builder();
        StandardComponents.registerBuiltIns(builder);
        builder.registerSimple(DatasetFormats.KIND, "test_numbers", Numbers.class, p -> {
            byte[] pixels = new byte[p.size() * 4];
            long[] labels = new long[p.size()];
            for (int i = 0; i < p.size(); i++) {
                pixels[4 * i] = (byte) i;
                labels[i] = i % 3;
            }
            return new ArrayDataset(NdArray.of(pixels, DType.UINT8, p.size(), 1, 2, 2), NdArray.of(labels, p.size()),
                    false, "numbers", List.of());
        });
        return builder.build();
    }

    private static DataSplits open(DataConfig config, long seed) {
        return Datasets.open(Datasets.plan(BINDER, config, Origin.described("test")), seed);
    }

    private static DataConfig config(String yaml) {
        return Binder.bind(Config.parse(yaml, "test.yaml").root(), "data", DataConfig.class);
    }

    @Test
    void fashionMnistWithTransformsSeesTheInMemoryValues() {
        FashionMnistFixture.write(dir, 30, 9, true);
        String common = "{name: fashion_mnist, root: '" + dir + "', batch_size: 4, eval_batch_size: 5, val_size: 6";
        DataSplits plain = open(config(common + "}"), 3);
        DataSplits threaded = open(config(common + ", augment: [identity], workers: 2}"), 3);
        try (threaded; StepScope scope = new StepScope()) {
            assertThat(threaded.spec()).isEqualTo(plain.spec());
            assertThat(threaded.train().samples()).isEqualTo(24);
            assertThat(threaded.val().batchesPerEpoch()).isEqualTo(plain.val().batchesPerEpoch());
            assertThat(threaded.test().samples()).isEqualTo(9);
            Batch expected = plain.val().epoch(0, 0).next();
            Batch actual = threaded.val().epoch(0, 0).next();
            assertThat(Tensors.toFloats(actual.inputs())).containsExactly(Tensors.toFloats(expected.inputs()),
                    within(1e-5f));
            assertThat(Tensors.toLongs(actual.targets())).containsExactly(Tensors.toLongs(expected.targets()));
            // both paths number validation samples from 0
            assertThat(actual.indices()).containsExactly(expected.indices());
        }
    }

    @Test
    void aFormatHoldsOutValidationFromTheEndOfTraining() {
        try (DataSplits splits = open(config(
                "{name: test_numbers, train: {size: 20}, val_size: 5, num_classes: 3, batch_size: 4}"), 1);
                StepScope scope = new StepScope()) {
            assertThat(splits.train().samples()).isEqualTo(15);
            assertThat(splits.val().samples()).isEqualTo(5);
            assertThat(splits.test().batchesPerEpoch()).isZero();
            assertThat(splits.spec()).isEqualTo(new DataSpec(new long[] {1, 2, 2}, 3));
            assertThat(splits.val().epoch(0, 0).next().indices()).containsExactly(15, 16, 17, 18, 19);
        }
    }

    @Test
    void cachedPreprocessingGivesTheSameBatchesAsComputingIt() throws Exception {
        String common = "{name: test_numbers, train: {size: 40}, val_size: 8, num_classes: 3, batch_size: 8,"
                + " transforms: [{name: to_float, scale: 0.5}],"
                + " augment: [{name: gaussian_noise, std: [0.1]}, {name: scale_intensity, factor: [0.5, 2.0]}]";
        Path cache = dir.resolve("cache");
        List<float[]> plain = trainBatches(config(common + "}"));
        List<float[]> cold = trainBatches(config(common + ", cache_dir: '" + cache + "', cache_memory_mb: 1}"));
        List<float[]> warm = trainBatches(config(common + ", cache_dir: '" + cache + "'}"));
        for (int b = 0; b < plain.size(); b++) {
            assertThat(cold.get(b)).containsExactly(plain.get(b));
            assertThat(warm.get(b)).containsExactly(plain.get(b));
        }
        try (var entries = java.nio.file.Files.walk(cache)) {
            assertThat(entries.filter(java.nio.file.Files::isRegularFile).count()).isGreaterThan(32);
        }
    }

    private static List<float[]> trainBatches(DataConfig config) {
        List<float[]> out = new java.util.ArrayList<>();
        try (DataSplits splits = open(config, 5)) {
            var batches = splits.train().epoch(1, 0);
            while (batches.hasNext()) {
                try (StepScope scope = new StepScope()) {
                    out.add(Tensors.toFloats(batches.next().inputs()));
                }
            }
        }
        return out;
    }

    @Test
    void balancedSamplingDrawsEachClassEquallyOften() {
        int n = 300;
        long[] labels = new long[n];
        for (int i = 270; i < n; i++) {
            labels[i] = 1; // 270 of class 0, 30 of class 1
        }
        Dataset data = new ArrayDataset(NdArray.of(new float[n], n, 1), NdArray.of(labels, n), false, "imbalanced",
                List.of());
        long ones = 0;
        io.pylon.data.sampler.Sampler order = Pipelines.trainOrder(data, config("{balanced: true}"), 4);
        for (int epoch = 0; epoch < 20; epoch++) {
            for (long index : order.indices(epoch)) {
                ones += labels[(int) index];
            }
        }
        assertThat(ones / (20.0 * n)).isCloseTo(0.5, within(0.03));
        long[] onlyOnes = Pipelines.trainOrder(data, config("{class_weights: [0, 1]}"), 4).indices(0);
        assertThat(onlyOnes).hasSize(n);
        assertThat(java.util.Arrays.stream(onlyOnes).min().orElseThrow()).isGreaterThanOrEqualTo(270);
        assertThatThrownBy(() -> Pipelines.trainOrder(data, config("{class_weights: [1]}"), 4))
                .hasMessageContaining("training sample 270 has class 1");
        assertThatThrownBy(() -> config("{class_weights: [1, -1]}")).hasMessageContaining("class_weights");
    }

    @Test
    void aFormatWithoutClassNamesAsksForNumClasses() {
        assertThatThrownBy(() -> open(config("{name: test_numbers, train: {size: 20}, val_size: 5}"), 1))
                .hasMessageContaining("set data.num_classes");
        assertThatThrownBy(() -> open(config("{name: test_numbers, val_size: 5}"), 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("data.train");
        assertThatThrownBy(() -> open(config("{name: test_numbers, train: {size: 4}, num_classes: 3}"), 1))
                .hasMessageContaining("set data.val_size below 4");
    }

    @Test
    void unknownTransformsNameTheirListItem() {
        assertThatThrownBy(() -> open(config("{name: test_numbers, train: {size: 20}, val_size: 5,"
                + " num_classes: 3, augment: [identity, {name: warp_drive}]}"), 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("data.augment.1")
                .hasMessageContaining("warp_drive").hasMessageContaining("identity");
    }

    @Test
    void unknownNamesListDatasetsAndFormats() {
        assertThatThrownBy(() -> open(config("{name: imagenet}"), 1))
                .hasMessageContaining("fashion_mnist").hasMessageContaining("test_numbers");
    }
}
