package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.pylon.config.ConfigException;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.YamlReader;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transform;
import io.pylon.data.transform.Transforms;
import io.pylon.testing.TestComponents;

/** What every registered intensity transform promises, checked on random 2D and 3D samples. */
class IntensityContractTest {

    static final List<String> NAMES = IntensityTransforms.NAMES;

    private static Transform create(String name) {
        return TestComponents.transform(name, MapNode.empty(Origin.described("test")), "data.transforms.0");
    }

    @Test
    void everyNameIsRegistered() {
        assertThat(TestComponents.BUILT_INS.names(Transforms.KIND)).containsAll(NAMES);
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void keepsInputsTargetsShapeAndIsDeterministicPerSeed(String name) {
        Transform transform = create(name);
        Sample[] samples = {IntensitySamples.random(1, 2, 17, 12), IntensitySamples.random(2, 2, 9, 16, 11)};
        for (Sample sample : samples) {
            float[] before = sample.input().toFloats();
            byte[] targetBefore = sample.target().data().toArray(ValueLayout.JAVA_BYTE);
            Sample first = transform.apply(sample, new SplittableRandom(5));
            Sample second = transform.apply(sample, new SplittableRandom(5));
            assertThat(sample.input().toFloats()).as("input untouched").containsExactly(before);
            assertThat(sample.target().data().toArray(ValueLayout.JAVA_BYTE))
                    .as("target untouched").containsExactly(targetBefore);
            assertThat(first.target()).as("target passed through").isSameAs(sample.target());
            assertThat(first.denseTarget()).isTrue();
            assertThat(first.index()).isEqualTo(sample.index());
            assertThat(first.input().dtype()).isEqualTo(DType.FLOAT32);
            assertThat(first.input().shape()).containsExactly(sample.input().shape());
            assertThat(first.input().contentEquals(second.input())).as("same seed, same output").isTrue();
            for (float v : first.input().toFloats()) {
                assertThat(Float.isFinite(v)).as("finite output").isTrue();
            }
            if (transform.isRandom()) {
                Sample other = transform.apply(sample, new SplittableRandom(6));
                assertThat(other.input().contentEquals(first.input())).as("different seeds differ").isFalse();
            } else {
                assertThat(transform.apply(sample, new SplittableRandom(99)).input().contentEquals(first.input()))
                        .as("deterministic transforms ignore the seed").isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void acceptsIntegerInputsAndReturnsFloat32(String name) {
        byte[] raw = new byte[2 * 8 * 8];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7);
        }
        Sample sample = Sample.classified(0, NdArray.of(raw, DType.UINT8, 2, 8, 8), 1);
        Sample out = create(name).apply(sample, new SplittableRandom(1));
        assertThat(out.input().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(out.target()).isSameAs(sample.target());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void probabilityZeroIsIdentityAndInvalidProbabilityNamesTheKey(String name) {
        if (!components(create(name)).contains("p")) {
            return;
        }
        Transform off = TestComponents.transform(name, yaml("p: 0"), "data.transforms.0");
        Sample sample = IntensitySamples.random(3, 1, 8, 8, 8);
        for (long seed = 0; seed < 5; seed++) {
            assertThat(off.apply(sample, new SplittableRandom(seed)).input().toFloats())
                    .containsExactly(sample.input().toFloats());
        }
        assertThatThrownBy(() -> TestComponents.transform(name, yaml("p: 1.5"), "data.transforms.0"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.keyPath()).isEqualTo("data.transforms.0.p"))
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void chainsBindByNameFromYaml() {
        MapNode config = YamlReader.readDocument("""
                transforms:
                  - {name: to_float, scale: 0.5}
                  - {name: normalize, mode: percentile, lower: 5, upper: 95}
                  - {name: gaussian_noise, std: [0.0, 0.1], p: 0.5}
                  - {name: gaussian_blur, sigma: [1.0, 0.5], sigma_max: [2.0, 1.0]}
                """, "chain.yaml");
        Compose chain = Transforms.chain(TestComponents.BINDER, config.get("transforms").orElseThrow(), "data.transforms");
        assertThat(chain.steps()).hasSize(4);
        assertThat(chain.deterministicPrefix().steps()).hasSize(2);
        Sample out = chain.apply(IntensitySamples.random(1, 1, 12, 12), new SplittableRandom(1));
        assertThat(out.input().dtype()).isEqualTo(DType.FLOAT32);
    }

    private static List<String> components(Transform transform) {
        return Arrays.stream(transform.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static MapNode yaml(String text) {
        return YamlReader.readDocument(text, "test.yaml");
    }
}
