package io.pylon.track.web;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.run.RunDirectory;
import io.pylon.run.RunHealth;
import io.pylon.run.RunStatus;
import io.pylon.track.IndexedRun;
import io.pylon.track.MetricSummary;

/**
 * One run: status, curves (live while it trains), metric summary, config, checkpoints, generated text
 * samples ({@code samples.jsonl}), model summary and the tail of its log. Files are read with bounded
 * sizes so a huge log cannot stall the page.
 */
final class RunPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_TAIL_BYTES = 16 * 1024;
    private static final int SAMPLES_SHOWN = 8;

    private RunPage() {
    }

    static String render(IndexedRun run) {
        StringBuilder b = new StringBuilder();
        String status = run.health().label();
        b.append("<div class=\"page-head\"><h1 class=\"run-title\">").append(Html.text(run.id())).append("</h1>")
                .append(Html.badge(status)).append("</div>");
        run.status().ifPresent(s -> meta(b, s, run.health()));
        boolean live = run.health() == RunHealth.RUNNING;
        b.append("<section class=\"card\"><h2>Curves").append(live ? " <span class=\"live\">live</span>" : "")
                .append("</h2>").append(Charts.controls()).append("<div class=\"charts\">");
        Map<String, List<String>> charts = Charts.byName(run.metrics().keySet());
        if (charts.isEmpty()) {
            b.append("<p class=\"empty\">No metrics logged yet.</p>");
        }
        charts.forEach((name, metrics) -> {
            List<Map<String, String>> series = new ArrayList<>();
            metrics.forEach(m -> series.add(Charts.line(run, m, m)));
            b.append(Charts.chart(name, series, live));
        });
        b.append("</div></section>");
        b.append("<div class=\"two-col\"><section class=\"card\"><h2>Metrics</h2>").append(metricTable(run))
                .append("</section><section class=\"card\"><h2>Config</h2>").append(configTable(run)).append("</section></div>");
        Path dir = run.path();
        b.append("<div class=\"two-col\"><section class=\"card\"><h2>Checkpoints</h2>").append(checkpoints(run))
                .append("</section>");
        String samples = samples(dir.resolve("samples.jsonl"));
        if (!samples.isEmpty()) {
            b.append("<section class=\"card\"><h2>Generated samples</h2>").append(samples).append("</section>");
        }
        b.append("</div>");
        String summary = readBounded(dir.resolve("model_summary.txt"), 64 * 1024, false);
        if (!summary.isEmpty()) {
            b.append("<section class=\"card\"><details><summary><h2>Model summary</h2></summary><pre class=\"text\">")
                    .append(Html.text(summary)).append("</pre></details></section>");
        }
        String log = readBounded(dir.resolve(RunDirectory.LOG), LOG_TAIL_BYTES, true);
        b.append("<section class=\"card\"><h2>Log <span class=\"muted small\">last lines of train.log</span> <a class=\"small\" href=\"/file/")
                .append(Html.text(run.id())).append("/").append(RunDirectory.LOG).append("\">full log</a></h2>")
                .append(log.isEmpty() ? "<p class=\"empty\">No log.</p>" : "<pre class=\"text log\">" + Html.text(log) + "</pre>")
                .append("</section>");
        return Html.page(run.id(), "Runs", b.toString());
    }

    private static void meta(StringBuilder b, RunStatus s, RunHealth health) {
        b.append("<dl class=\"meta\">");
        item(b, "step", Long.toString(s.step()));
        item(b, "started", RunsPage.TIME.format(s.started()));
        item(b, health == RunHealth.RUNNING ? "heartbeat" : "last heartbeat", RunsPage.TIME.format(s.heartbeat()));
        s.ended().ifPresent(e -> item(b, "ended", RunsPage.TIME.format(e)));
        item(b, "host", s.host() + " (pid " + s.pid() + ")");
        item(b, "code", s.codeVersion());
        if (!s.error().isEmpty()) {
            item(b, "error", s.error());
        }
        if (health == RunHealth.INTERRUPTED) {
            item(b, "resume", "pylon train --resume <run directory>");
        }
        b.append("</dl>");
    }

    private static void item(StringBuilder b, String name, String value) {
        b.append("<div><dt>").append(Html.text(name)).append("</dt><dd").append(name.equals("error") ? " class=\"error\"" : "")
                .append(">").append(Html.text(value)).append("</dd></div>");
    }

    private static String metricTable(IndexedRun run) {
        if (run.metrics().isEmpty()) {
            return "<p class=\"empty\">None yet.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"data compact\"><thead><tr><th>metric</th><th class=\"num\">last</th>"
                + "<th class=\"num\">best</th><th class=\"num\">at step</th><th class=\"num\">values</th></tr></thead><tbody>");
        for (MetricSummary m : run.metrics().values()) {
            b.append("<tr><td>").append(Html.text(m.metric())).append("</td><td class=\"num\">").append(Html.number(m.last()))
                    .append("</td><td class=\"num\">").append(Html.number(m.best())).append(m.minimize() ? " ↓" : " ↑")
                    .append("</td><td class=\"num\">").append(m.lastStep() == Long.MIN_VALUE ? "–" : Long.toString(m.lastStep()))
                    .append("</td><td class=\"num\">").append(m.count()).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String configTable(IndexedRun run) {
        if (run.config().isEmpty()) {
            return "<p class=\"empty\">config.yaml could not be read.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"data compact config\"><tbody>");
        run.config().forEach((k, v) -> b.append("<tr><th>").append(Html.text(k)).append("</th><td>").append(Html.text(v))
                .append("</td></tr>"));
        return b.append("</tbody></table>").toString();
    }

    private static String checkpoints(IndexedRun run) {
        Path dir = run.path().resolve("checkpoints");
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            files = List.of();
        }
        if (files.isEmpty()) {
            return "<p class=\"empty\">No checkpoints.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"data compact\"><thead><tr><th>file</th><th class=\"num\">size</th>"
                + "<th>saved</th></tr></thead><tbody>");
        for (Path f : files) {
            try {
                String name = f.getFileName().toString();
                b.append("<tr><td><a href=\"/file/").append(Html.text(run.id())).append("/checkpoints/").append(Html.text(Html.param(name)))
                        .append("\">").append(Html.text(name)).append("</a></td><td class=\"num\">").append(Html.bytes(Files.size(f)))
                        .append("</td><td>").append(RunsPage.TIME.format(Files.getLastModifiedTime(f).toInstant())).append("</td></tr>");
            } catch (IOException e) {
                // removed while listing (a checkpoint rotated out): leave it out
            }
        }
        return b.append("</tbody></table>").toString();
    }

    /** The latest samples of {@code samples.jsonl} (lines with {@code step} and {@code text} or {@code sample}). */
    private static String samples(Path file) {
        String text = readBounded(file, 64 * 1024, true);
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = text.lines().filter(l -> l.endsWith("}")).toList();
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = lines.size() - 1; i >= 0 && shown < SAMPLES_SHOWN; i--) {
            try {
                JsonNode sample = JSON.readTree(lines.get(i));
                String body = sample.has("text") ? sample.get("text").asText() : sample.path("sample").asText("");
                b.append("<div class=\"sample\"><div class=\"muted small\">step ").append(sample.path("step").asLong())
                        .append(sample.has("prompt") ? " · prompt “" + Html.text(sample.get("prompt").asText()) + "”" : "")
                        .append("</div><pre class=\"text\">").append(Html.text(body)).append("</pre></div>");
                shown++;
            } catch (IOException e) {
                // a line still being written, or damaged: skip it
            }
        }
        return b.toString();
    }

    /** At most {@code limit} bytes: the file's end ({@code tail}) or its start; "" if absent. */
    static String readBounded(Path file, int limit, boolean tail) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int n = (int) Math.min(limit, length);
            byte[] bytes = new byte[n];
            in.seek(tail ? length - n : 0);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (tail && length > n) {
                int newline = text.indexOf('\n');
                text = newline >= 0 ? text.substring(newline + 1) : text;
            }
            return text;
        } catch (IOException e) {
            return "";
        }
    }
}
