package io.pylon.track.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.pylon.track.ConfigDiff;
import io.pylon.track.IndexedRun;
import io.pylon.track.MetricSummary;
import io.pylon.track.RunReports;

/** The runs table: status badges, the config values that vary, best headline metrics; sortable, filterable. */
final class RunsPage {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int MAX_CONFIG_COLUMNS = 4;

    private RunsPage() {
    }

    static String render(List<IndexedRun> runs) {
        List<String> keys = ConfigDiff.varyingKeys(runs).stream().limit(MAX_CONFIG_COLUMNS).toList();
        List<String> metrics = RunReports.headlineMetrics(runs);
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"page-head\"><h1>Runs</h1><span class=\"muted\">").append(runs.size())
                .append(runs.size() == 1 ? " run" : " runs").append("</span></div>");
        b.append("<div class=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: run name, status,"
                + " config value…\" autocomplete=\"off\"><select id=\"status-filter\"><option value=\"\">all statuses</option>");
        for (String s : List.of("running", "finished", "failed", "stuck", "interrupted", "unknown")) {
            b.append("<option>").append(s).append("</option>");
        }
        b.append("</select><button id=\"compare-selected\" disabled>Compare selected</button>"
                + "<span id=\"shown-count\" class=\"muted\"></span></div>");
        if (runs.isEmpty()) {
            b.append("<p class=\"empty\">No runs yet. Train one with <code>pylon train CONFIG.yaml</code>; runs appear"
                    + " here as they start.</p>");
            return Html.page("Runs", "Runs", b.toString());
        }
        b.append("<div class=\"table-wrap\"><table id=\"runs-table\" class=\"data sortable\"><thead><tr><th class=\"pick\"></th>"
                + "<th data-type=\"text\">Run</th><th data-type=\"text\">Status</th>");
        for (String metric : metrics) {
            b.append("<th data-type=\"num\" class=\"metric-col\" title=\"best value\">").append(Html.text(metric))
                    .append(MetricSummary.minimizes(metric) ? " ↓" : " ↑").append("</th>");
        }
        for (String key : keys) {
            b.append("<th data-type=\"auto\" class=\"config-col\">").append(Html.text(key)).append("</th>");
        }
        b.append("<th data-type=\"num\">Step</th><th data-type=\"text\">Started</th></tr></thead><tbody>");
        for (IndexedRun run : runs) {
            String status = run.health().label();
            b.append("<tr data-status=\"").append(status).append("\"><td class=\"pick\"><input type=\"checkbox\" value=\"")
                    .append(Html.text(run.id())).append("\" aria-label=\"select ").append(Html.text(run.id())).append("\"></td>");
            b.append("<td class=\"run-name\"><a href=\"/run?id=").append(Html.text(Html.param(run.id()))).append("\">")
                    .append(Html.text(run.id())).append("</a></td>");
            b.append("<td>").append(Html.badge(status)).append("</td>");
            for (String metric : metrics) {
                MetricSummary s = run.metrics().get(metric);
                if (s == null || s.count() == 0) {
                    b.append("<td class=\"num\" data-value=\"\">–</td>");
                } else {
                    b.append("<td class=\"num\" data-value=\"").append(s.best()).append("\">").append(Html.number(s.best()))
                            .append("</td>");
                }
            }
            for (String key : keys) {
                b.append("<td class=\"config-col\">").append(Html.text(run.config().getOrDefault(key, "–"))).append("</td>");
            }
            long step = run.status().map(s -> s.step()).orElse(0L);
            b.append("<td class=\"num\" data-value=\"").append(step).append("\">").append(step).append("</td>");
            b.append("<td data-value=\"").append(run.status().map(s -> s.started().toString()).orElse(""))
                    .append("\">").append(run.status().map(s -> TIME.format(s.started())).orElse("–")).append("</td>");
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        return Html.page("Runs", "Runs", b.toString());
    }
}
