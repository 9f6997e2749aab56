package io.pylon.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.run.RunState;

class RunQueriesTest {

    @TempDir
    Path root;

    private List<IndexedRun> runs() {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticRuns.write(root, "cls", "lr01-s" + seed, 0.01, seed, 200, 20, RunState.FINISHED);
            SyntheticRuns.write(root, "cls", "lr0001-s" + seed, 0.0001, seed, 200, 20, RunState.FINISHED);
        }
        SyntheticRuns.write(root, "other", "single", 0.01, 9, 200, 20, RunState.FAILED);
        try (RunIndex index = RunIndex.open(root)) {
            index.refresh();
            return index.runs();
        }
    }

    @Test
    void whereFiltersOnConfigNumbersTextAndBestMetrics() {
        List<IndexedRun> runs = runs();
        assertThat(runs.stream().filter(RunFilter.parse("optim.lr<1e-3")).map(IndexedRun::name))
                .containsExactlyInAnyOrder("lr0001-s1", "lr0001-s2", "lr0001-s3");
        assertThat(runs.stream().filter(RunFilter.parse("experiment.name = other")).count()).isEqualTo(1);
        assertThat(runs.stream().filter(RunFilter.parse("seed!=1")).count()).isEqualTo(5);
        assertThat(runs.stream().filter(RunFilter.parse("no.such.key=1")).count()).isZero();
        double best = runs.get(0).metrics().get("val/loss").best();
        assertThat(runs.stream().filter(RunFilter.parse("val/loss<=" + best)).map(IndexedRun::id)).contains(runs.get(0).id());
    }

    @Test
    void malformedWhereIsAUserErrorThatShowsTheSyntax() {
        assertThatThrownBy(() -> RunFilter.parse("optim.lr")).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("KEY OP VALUE");
        assertThatThrownBy(() -> RunFilter.parse("optim.name<adam")).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("needs a number");
    }

    @Test
    void seedsOfOneConfigFormAGroupWithMeanAndStd() {
        List<SeedGroups.Group> groups = SeedGroups.of(runs());
        assertThat(groups).hasSize(2);
        SeedGroups.Group group = groups.stream().filter(g -> g.label().contains("optim.lr=0.01")).findFirst().orElseThrow();
        assertThat(group.runs()).hasSize(3);
        SeedGroups.Stats loss = group.finals().get("val/loss");
        double[] finals = group.runs().stream().mapToDouble(r -> r.metrics().get("val/loss").last()).toArray();
        double mean = (finals[0] + finals[1] + finals[2]) / 3;
        double var = 0;
        for (double f : finals) {
            var += (f - mean) * (f - mean);
        }
        assertThat(loss.n()).isEqualTo(3);
        assertThat(loss.mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(loss.std()).isCloseTo(Math.sqrt(var / 2), org.assertj.core.data.Offset.offset(1e-12)).isPositive();
    }

    @Test
    void configDiffListsOnlyTheKeysThatDiffer() {
        List<IndexedRun> runs = runs();
        IndexedRun a = runs.stream().filter(r -> r.name().equals("lr01-s1")).findFirst().orElseThrow();
        IndexedRun b = runs.stream().filter(r -> r.name().equals("lr0001-s1")).findFirst().orElseThrow();
        assertThat(ConfigDiff.of(List.of(a, b))).containsExactly(new ConfigDiff.Difference("optim.lr", List.of("0.01", "1.0E-4")));
    }

    @Test
    void tablesAlignNumbersRight() {
        String table = new TextTable(List.of("run", "loss")).row(List.of("a", "0.5")).row(List.of("long-name", "12.25"))
                .render();
        assertThat(table).isEqualTo("run         loss\n---------  -----\na            0.5\nlong-name  12.25\n");
    }
}
