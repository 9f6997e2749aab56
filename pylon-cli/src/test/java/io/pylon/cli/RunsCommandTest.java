package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.RunState;
import io.pylon.track.SyntheticRuns;

class RunsCommandTest {

    @TempDir
    Path dir;
    private String runs;

    @BeforeEach
    void seedRuns() {
        Path root = dir.resolve("runs");
        SyntheticRuns.write(root, "cls", "fast", 0.01, 1, 100, 10, RunState.FINISHED);
        SyntheticRuns.write(root, "cls", "slow", 0.0001, 1, 100, 10, RunState.FINISHED);
        SyntheticRuns.write(root, "cls", "broken", 0.5, 2, 30, 10, RunState.FAILED);
        SyntheticRuns.write(root, "other", "x", 0.01, 3, 50, 10, RunState.FINISHED);
        runs = root.toString();
    }

    @Test
    void listFiltersByWhereStatusAndExperiment() {
        CliRun all = CliRun.of("runs", "list", "--runs", runs);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().toList()).hasSize(6);
        assertThat(all.out().lines().findFirst().orElseThrow()).contains("run", "status", "optim.lr", "val/loss (min)");

        CliRun lowLr = CliRun.of("runs", "list", "--runs", runs, "--where", "optim.lr<1e-3");
        assertThat(lowLr.out()).contains("cls/slow").doesNotContain("cls/fast").doesNotContain("other/x");

        CliRun failed = CliRun.of("runs", "list", "--runs", runs, "--status", "failed");
        assertThat(failed.out()).contains("cls/broken").contains("failed").doesNotContain("cls/fast");

        CliRun other = CliRun.of("runs", "list", "--runs", runs, "--experiment", "other");
        assertThat(other.out().lines().toList()).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("other/x"));
    }

    @Test
    void showCompareAndDiffPrintPlainTables() {
        CliRun show = CliRun.of("runs", "show", "--runs", runs, "cls/broken");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("status     failed").contains("TrainingDivergedException").contains("optim.lr")
                .contains("val/loss");

        CliRun compare = CliRun.of("runs", "compare", "--runs", runs, "fast", "slow");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("val/loss (last, min)").contains("cls/fast").contains("cls/slow")
                .contains("optim.lr");

        CliRun diff = CliRun.of("runs", "diff", "--runs", runs, "cls/fast", "cls/slow");
        assertThat(diff.out().lines().toList()).containsExactly(
                "config key  cls/fast  cls/slow", "----------  --------  --------", "optim.lr        0.01    1.0E-4");
    }

    @Test
    void exportWritesCsvAtomically() throws IOException {
        Path out = dir.resolve("runs.csv");
        CliRun export = CliRun.of("runs", "export", "--csv", "--runs", runs, "--out", out.toString(), "--where", "seed=1");
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("run,experiment,status,experiment.name").contains("val/loss:last,val/loss:best");
        assertThat(lines.get(1)).startsWith("cls/fast,cls,finished,cls");

        CliRun points = CliRun.of("runs", "export", "--csv", "--points", "--runs", runs, "--experiment", "other");
        assertThat(points.out().lines().toList()).hasSize(1 + 50 * 2 + 5 * 2).first().isEqualTo("run,metric,step,value");
    }

    @Test
    void mistakesAreOneErrorLineWithExitCode2() {
        CliRun missing = CliRun.of("runs", "list", "--runs", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: runs root").contains("--runs DIR").doesNotContain("Exception");

        CliRun badWhere = CliRun.of("runs", "list", "--runs", runs, "--where", "optim.lr");
        assertThat(badWhere.exitCode()).isEqualTo(2);
        assertThat(badWhere.err()).contains("KEY OP VALUE");

        CliRun unknown = CliRun.of("runs", "show", "--runs", runs, "nosuchrun");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run 'nosuchrun'");

        CliRun ui = CliRun.of("ui", "--runs", dir.resolve("nope").toString());
        assertThat(ui.exitCode()).isEqualTo(2);
        assertThat(ui.err()).startsWith("error: runs root");

        CliRun badStatus = CliRun.of("runs", "list", "--runs", runs, "--status", "done");
        assertThat(badStatus.exitCode()).isEqualTo(2);
        assertThat(badStatus.err()).contains("finished");
    }
}
