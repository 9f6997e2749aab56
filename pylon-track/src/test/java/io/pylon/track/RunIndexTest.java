package io.pylon.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.RunHealth;
import io.pylon.run.RunState;

class RunIndexTest {

    @TempDir
    Path root;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void indexesRunsWithConfigStatusAndMetricSummaries() {
        SyntheticRuns.write(root, "cls", "a", 0.01, 1, 100, 10, RunState.FINISHED);
        SyntheticRuns.write(root, "cls", "b", 0.001, 2, 50, 10, RunState.FAILED);
        try (RunIndex index = RunIndex.open(root)) {
            RefreshStats stats = index.refresh();
            assertThat(stats.runs()).isEqualTo(2);
            assertThat(stats.added()).isEqualTo(2);
            assertThat(stats.points()).isEqualTo(100 * 2 + 10 * 2 + 50 * 2 + 5 * 2);
            List<IndexedRun> runs = index.runs();
            assertThat(runs).extracting(IndexedRun::id).containsExactly("cls/a", "cls/b");
            IndexedRun a = runs.get(0);
            assertThat(a.health()).isEqualTo(RunHealth.FINISHED);
            assertThat(runs.get(1).health()).isEqualTo(RunHealth.FAILED);
            assertThat(a.config()).containsEntry("optim.lr", "0.01").containsEntry("seed", "1");
            MetricSummary loss = a.metrics().get("train/loss");
            assertThat(loss.count()).isEqualTo(100);
            assertThat(loss.lastStep()).isEqualTo(100);
            assertThat(a.metrics().get("val/accuracy").minimize()).isFalse();
            Series series = index.series("cls/a", "val/loss", Long.MIN_VALUE);
            assertThat(series.steps()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
            assertThat(index.series("cls/a", "val/loss", 80).steps()).containsExactly(90, 100);
        }
    }

    @Test
    void anAppendedLineIsReadAloneAndATornLineWaitsForItsNewline() throws IOException {
        Path run = SyntheticRuns.write(root, "cls", "a", 0.01, 1, 20, 10, RunState.RUNNING);
        Path metrics = run.resolve("metrics.jsonl");
        try (RunIndex index = RunIndex.open(root)) {
            index.refresh();
            append(metrics, "{\"step\":21,\"epoch\":0,\"split\":\"train\",\"loss\":0.5,\"lr\":0.01}\n");
            RefreshStats one = index.refresh();
            assertThat(one.points()).isEqualTo(2);
            assertThat(one.rescans()).isZero();

            append(metrics, "{\"step\":22,\"epoch\":0,\"split\":\"train\",\"lo");
            assertThat(index.refresh().points()).isZero();
            assertThat(index.series("cls/a", "train/loss", 20).steps()).containsExactly(21);

            append(metrics, "ss\":0.25,\"lr\":0.01}\n");
            assertThat(index.refresh().points()).isEqualTo(2);
            Series tail = index.series("cls/a", "train/loss", 20);
            assertThat(tail.steps()).containsExactly(21, 22);
            assertThat(tail.values()).containsExactly(0.5, 0.25);
            assertThat(index.run("cls/a").orElseThrow().metrics().get("train/loss").last()).isEqualTo(0.25);
        }
    }

    @Test
    void aRewrittenMetricsFileIsReadAgainAndADeletedIndexLosesNothing() throws IOException {
        Path run = SyntheticRuns.write(root, "cls", "a", 0.01, 1, 30, 10, RunState.FINISHED);
        Path metrics = run.resolve("metrics.jsonl");
        List<Double> before;
        try (RunIndex index = RunIndex.open(root)) {
            index.refresh();
            before = boxed(index.series("cls/a", "train/loss", Long.MIN_VALUE).values());
            // a resume keeps the lines up to its checkpoint and rewrites the file, which then grows again
            List<String> lines = Files.readAllLines(metrics);
            Files.write(metrics, lines.subList(0, 5));
            append(metrics, "{\"step\":5,\"epoch\":0,\"split\":\"train\",\"loss\":9.0,\"lr\":0.01}\n".repeat(40));
            RefreshStats stats = index.refresh();
            assertThat(stats.rescans()).isEqualTo(1);
            Series after = index.series("cls/a", "train/loss", Long.MIN_VALUE);
            assertThat(after.steps()).containsExactly(1, 2, 3, 4, 5);
            assertThat(after.values()[4]).isEqualTo(9.0);
        }
        Files.delete(root.resolve(RunIndex.FILE));
        try (RunIndex rebuilt = RunIndex.open(root)) {
            assertThat(rebuilt.refresh().added()).isEqualTo(1);
            assertThat(rebuilt.series("cls/a", "train/loss", Long.MIN_VALUE).size()).isEqualTo(5);
        }
        assertThat(before).hasSize(30);
    }

    @Test
    void removedRunsLeaveTheIndexAndDamagedLinesAreSkipped() throws IOException {
        Path a = SyntheticRuns.write(root, "cls", "a", 0.01, 1, 10, 10, RunState.FINISHED);
        SyntheticRuns.write(root, "cls", "b", 0.01, 2, 10, 10, RunState.FINISHED);
        append(a.resolve("metrics.jsonl"), "not json at all\n");
        try (RunIndex index = RunIndex.open(root)) {
            assertThat(index.refresh().badLines()).isEqualTo(1);
            try (var files = Files.walk(root.resolve("cls/b"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            RefreshStats stats = index.refresh();
            assertThat(stats.removed()).isEqualTo(1);
            assertThat(index.runs()).extracting(IndexedRun::id).containsExactly("cls/a");
        }
    }

    @Test
    void pathsOutsideTheRootDoNotResolve() throws IOException {
        SyntheticRuns.write(root, "cls", "a", 0.01, 1, 10, 10, RunState.FINISHED);
        Path outside = Files.createTempDirectory("outside");
        Files.createSymbolicLink(root.resolve("cls/link"), outside);
        try (RunIndex index = RunIndex.open(root)) {
            assertThat(index.resolve("cls/a")).isPresent();
            assertThat(index.resolve("../" + root.getFileName() + "/cls/a")).isPresent();
            assertThat(index.resolve("..")).isEmpty();
            assertThat(index.resolve("cls/../../etc")).isEmpty();
            assertThat(index.resolve("cls/link")).isEmpty();
            assertThat(index.resolve("/etc/passwd")).isEmpty();
        }
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
