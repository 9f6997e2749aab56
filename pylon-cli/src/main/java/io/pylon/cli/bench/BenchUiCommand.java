package io.pylon.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.run.RunState;
import io.pylon.track.IndexedRun;
import io.pylon.track.RefreshStats;
import io.pylon.track.RunIndex;
import io.pylon.track.Series;
import io.pylon.track.SyntheticRuns;
import io.pylon.track.web.ViewerServer;

/**
 * {@code pylon bench ui}: the run store at scale. Writes {@code --runs} synthetic run directories of
 * {@code --steps} steps each (train loss and lr every step, a validation every 100), then times the
 * full index build, a refresh with nothing new, a refresh after one appended line (incremental, not a
 * rescan), metric queries, and the viewer's first page (cold: a new index process, and warm).
 */
@Command(name = "ui", description = "Run index and viewer at scale: index build, incremental refresh, queries,"
        + " first page of `pylon ui` (target < 1 s with 1,000 runs).")
public final class BenchUiCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "1000", description = "runs to generate (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--steps", defaultValue = "10000", description = "steps per run (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--work-dir", defaultValue = "runs/bench-ui",
            description = "where the runs are written, then deleted (default ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--keep", description = "keep the generated runs")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || steps < 100) {
            throw new PylonUserException("--runs must be >= 1 and --steps >= 100");
        }
        if (Files.exists(workDir)) {
            throw new PylonUserException("--work-dir " + workDir + " exists; choose a new folder (it is deleted afterwards)");
        }
        Path root = workDir.toAbsolutePath();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                SyntheticRuns.write(root, "exp" + (i % 10), String.format(Locale.ROOT, "run-%04d", i), i % 2 == 0 ? 0.01 : 0.001,
                        i / 20, steps, 100, RunState.FINISHED);
            }
            long bytes;
            try (Stream<Path> files = Files.walk(root)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            report("generate", System.nanoTime() - t0, String.format(Locale.ROOT, "%d runs x %d steps, %.0f MB of metrics.jsonl",
                    runs, steps, bytes / 1e6));
            try (RunIndex index = RunIndex.open(root)) {
                long t = System.nanoTime();
                RefreshStats build = index.refresh();
                report("index build", System.nanoTime() - t, build.points() + " values indexed");

                t = System.nanoTime();
                RefreshStats none = index.refresh();
                report("refresh, nothing new", System.nanoTime() - t, none.points() + " values read");

                Path metrics = root.resolve("exp0/run-0000/metrics.jsonl");
                Files.writeString(metrics, "{\"step\":" + (steps + 1) + ",\"epoch\":0,\"split\":\"train\",\"loss\":0.5,\"lr\":0.01}\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                t = System.nanoTime();
                RefreshStats one = index.refresh();
                report("refresh, one new line", System.nanoTime() - t, one.points() + " values read, " + one.rescans()
                        + " rescans");

                t = System.nanoTime();
                index.refresh("exp0/run-0000");
                report("refresh of one run", System.nanoTime() - t, "");

                t = System.nanoTime();
                List<IndexedRun> all = index.runs();
                report("list runs + summaries", System.nanoTime() - t, all.size() + " runs");

                t = System.nanoTime();
                Series s = index.series(all.get(all.size() / 2).id(), "train/loss", Long.MIN_VALUE);
                report("one curve (train/loss)", System.nanoTime() - t, s.size() + " points");

                t = System.nanoTime();
                long points = 0;
                for (IndexedRun run : all) {
                    points += index.series(run.id(), "val/loss", Long.MIN_VALUE).size();
                }
                report("val/loss of every run", System.nanoTime() - t, points + " points");
            }
            firstPage(root);
        } finally {
            if (!keep) {
                deleteTree(root);
            }
        }
        return 0;
    }

    /** A fresh index object over the built index file, as `pylon ui` starts, then the page a browser asks first. */
    private static void firstPage(Path root) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long t = System.nanoTime();
        try (RunIndex index = RunIndex.open(root)) {
            try (ViewerServer server = ViewerServer.start(index, "127.0.0.1", 0)) {
                int count = index.runs().size();
                report("ui start", System.nanoTime() - t, "open the index, refresh it, start the server, count " + count
                        + " runs (what `pylon ui` does before printing its URL)");
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build();
                t = System.nanoTime();
                HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
                report("ui first page", System.nanoTime() - t, "first GET / of a new JVM's server (" + page.body().length() / 1024
                        + " KB, HTTP " + page.statusCode() + ")");
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long w = System.nanoTime();
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                    best = Math.min(best, System.nanoTime() - w);
                }
                report("ui page, warm", best, "GET / (best of 5)");
            }
        }
    }

    private static void report(String what, long nanos, String detail) {
        System.out.printf(Locale.ROOT, "%-26s %10.1f ms   %s%n", what, nanos / 1e6, detail);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
