package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.metrics.Metric;
import io.pylon.metrics.Accuracy;
import io.pylon.metrics.BitsPerCharacter;
import io.pylon.metrics.Perplexity;
import io.pylon.metrics.TokenParams;
import io.pylon.models.OutputLayout;

/**
 * The class-dimension convention: a sequence model's [N, T, V] logits, handed on as the [N, V, T] view, give every
 * loss and metric the value of the same positions flattened to [N*T, V] rows.
 */
class SequenceOutputTest {

    private static final int N = 3;
    private static final int T = 5;
    private static final int V = 7;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Tensor logits() {
        Seeds.seed(11);
        return torch.randn(N, T, V).mul(new org.bytedeco.pytorch.Scalar(2.0));
    }

    private static Tensor targets(boolean withIgnored) {
        long[] values = new long[N * T];
        for (int i = 0; i < values.length; i++) {
            values[i] = withIgnored && i % 4 == 0 ? -100 : (i * 5L + 3) % V;
        }
        return Tensors.fromLongs(values, N, T);
    }

    @Test
    void crossEntropyOfTheSequenceViewEqualsTheFlattenedRows() {
        Tensor logits = logits();
        Tensor view = OutputLayout.CLASSES_LAST.toClassDimOne(logits);
        assertThat(Tensors.shape(view)).containsExactly(N, V, T);
        for (CrossEntropy loss : List.of(new CrossEntropy(0.0), new CrossEntropy(0.1),
                new CrossEntropy(List.of(), 0.2, -100))) {
            for (boolean ignored : new boolean[] {false, true}) {
                Tensor target = targets(ignored);
                double sequence = loss.apply(view, target).item_double();
                double rows = loss.apply(logits.reshape(N * T, V), target.reshape(N * T)).item_double();
                // the class-dim-1 path on a contiguous [N, V, T] copy: the general code, not the fast path
                double copied = loss.apply(view.contiguous(), target).item_double();
                assertThat(sequence).as("%s ignored=%s", loss, ignored).isCloseTo(rows, offset(1e-6))
                        .isCloseTo(copied, offset(1e-5));
            }
        }
    }

    @Test
    void gradientFlowsBackToTheNtvLogits() {
        Tensor logits = logits().set_requires_grad(true);
        new CrossEntropy(0.1).apply(OutputLayout.CLASSES_LAST.toClassDimOne(logits), targets(true)).backward();
        assertThat(Tensors.shape(logits.grad())).containsExactly(N, T, V);
        assertThat(logits.grad().abs().sum().item_double()).isGreaterThan(0);
    }

    @Test
    void metricsOfTheSequenceViewEqualTheFlattenedRows() {
        Tensor logits = logits();
        Tensor target = targets(false);
        List<Metric> sequence = metrics();
        List<Metric> rows = metrics();
        for (int i = 0; i < sequence.size(); i++) {
            sequence.get(i).update(OutputLayout.CLASSES_LAST.toClassDimOne(logits), target);
            rows.get(i).update(logits.reshape(N * T, V), target.reshape(N * T));
            Map<String, Double> a = sequence.get(i).compute();
            Map<String, Double> b = rows.get(i).compute();
            assertThat(a.keySet()).isEqualTo(b.keySet());
            a.forEach((key, value) -> assertThat(value).as(key).isCloseTo(b.get(key), offset(1e-9)));
        }
        double meanCe = new CrossEntropy(0.0).apply(logits.reshape(N * T, V), target.reshape(N * T)).item_double();
        assertThat(sequence.get(1).compute().get("perplexity")).isCloseTo(Math.exp(meanCe), offset(1e-4));
        assertThat(sequence.get(2).compute().get("bpc")).isCloseTo(meanCe / Math.log(2), offset(1e-5));
    }

    private static List<Metric> metrics() {
        return List.of(new Accuracy(), new Perplexity(new TokenParams(-100)), new BitsPerCharacter(new TokenParams(-100)));
    }

    @Test
    void targetsThatDoNotMatchTheSequenceAreRefusedNamingBothShapes() {
        Tensor view = OutputLayout.CLASSES_LAST.toClassDimOne(logits());
        assertThatThrownBy(() -> new CrossEntropy(0.0).apply(view, Tensors.fromLongs(new long[N * T], T, N)))
                .hasMessageContaining("[3, 5]").hasMessageContaining("[5, 3]");
    }
}
