package io.pylon.track.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pylon.track.IndexedRun;
import io.pylon.track.MetricSummary;

/** Several runs: one chart per metric with a line per run, final metrics side by side, the config diff. */
final class ComparePage {

    private ComparePage() {
    }

    static String render(List<IndexedRun> runs) {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"page-head\"><h1>Compare ").append(runs.size()).append(" runs</h1></div><ul class=\"run-chips\">");
        for (IndexedRun run : runs) {
            b.append("<li><a href=\"/run?id=").append(Html.text(Html.param(run.id()))).append("\">").append(Html.text(run.id()))
                    .append("</a> ").append(Html.badge(run.health().label())).append("</li>");
        }
        b.append("</ul>");
        Set<String> metrics = new LinkedHashSet<>();
        runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
        b.append("<section class=\"card\"><h2>Curves</h2>").append(Charts.controls()).append("<div class=\"charts\">");
        for (Map.Entry<String, List<String>> chart : Charts.byName(metrics).entrySet()) {
            for (String metric : chart.getValue()) {
                if (metric.startsWith("train_epoch/")) {
                    continue;
                }
                List<Map<String, String>> series = new ArrayList<>();
                for (IndexedRun run : runs) {
                    if (run.metrics().containsKey(metric)) {
                        series.add(Charts.line(run, metric, run.id()));
                    }
                }
                b.append(Charts.chart(metric, series, false));
            }
        }
        b.append("</div></section>");
        b.append("<section class=\"card\"><h2>Final metrics <span class=\"muted small\">last value (best)</span></h2>")
                .append(finals(runs, metrics)).append("</section>");
        b.append("<section class=\"card\"><h2>Config</h2><label class=\"toggle\"><input type=\"checkbox\" id=\"show-same\">"
                + " show identical keys</label>").append(configDiff(runs)).append("</section>");
        return Html.page("Compare", "Runs", b.toString());
    }

    private static String finals(List<IndexedRun> runs, Set<String> metrics) {
        StringBuilder b = new StringBuilder("<table class=\"data compact\"><thead><tr><th>metric</th>");
        runs.forEach(r -> b.append("<th class=\"num\">").append(Html.text(r.name())).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (String metric : new java.util.TreeSet<>(metrics)) {
            b.append("<tr><td>").append(Html.text(metric)).append("</td>");
            for (IndexedRun run : runs) {
                MetricSummary s = run.metrics().get(metric);
                b.append("<td class=\"num\">").append(s == null ? "–" : Html.number(s.last()) + " <span class=\"muted\">("
                        + Html.number(s.best()) + ")</span>").append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String configDiff(List<IndexedRun> runs) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.config().keySet()));
        StringBuilder b = new StringBuilder("<table id=\"config-diff\" class=\"data compact diff\"><thead><tr><th>key</th>");
        runs.forEach(r -> b.append("<th>").append(Html.text(r.name())).append("</th>"));
        b.append("</tr></thead><tbody>");
        int differing = 0;
        for (String key : keys) {
            List<String> values = runs.stream().map(r -> r.config().getOrDefault(key, "")).toList();
            boolean same = values.stream().distinct().count() == 1 || key.equals("experiment.run_name");
            differing += same ? 0 : 1;
            b.append("<tr class=\"").append(same ? "same" : "differs").append("\"><th>").append(Html.text(key)).append("</th>");
            values.forEach(v -> b.append("<td>").append(v.isEmpty() ? "<span class=\"muted\">(absent)</span>" : Html.text(v))
                    .append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (differing == 0) {
            b.append("<p class=\"empty\">The configs are identical (apart from run names).</p>");
        }
        return b.toString();
    }
}
