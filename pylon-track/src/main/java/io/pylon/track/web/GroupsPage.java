package io.pylon.track.web;

import java.util.List;
import java.util.Map;

import io.pylon.track.IndexedRun;
import io.pylon.track.RunReports;
import io.pylon.track.SeedGroups;

/** Runs that differ only in their seed, grouped: mean ± std of final metrics and a band chart. */
final class GroupsPage {

    private GroupsPage() {
    }

    static String render(List<SeedGroups.Group> groups) {
        StringBuilder b = new StringBuilder("<div class=\"page-head\"><h1>Seed groups</h1><span class=\"muted\">runs whose"
                + " configs differ only in <code>seed</code>: mean ± sample std over seeds</span></div>");
        if (groups.isEmpty()) {
            b.append("<p class=\"empty\">No two runs differ only in their seed yet. Repeat a config with"
                    + " <code>pylon train CONFIG.yaml seed=2</code>.</p>");
        }
        for (SeedGroups.Group g : groups) {
            b.append("<section class=\"card group\"><h2>").append(Html.text(g.label())).append(" <span class=\"muted small\">")
                    .append(g.runs().size()).append(" seeds</span></h2><ul class=\"run-chips\">");
            for (IndexedRun run : g.runs()) {
                b.append("<li><a href=\"/run?id=").append(Html.text(Html.param(run.id()))).append("\">")
                        .append(Html.text(run.name())).append("</a> <span class=\"muted small\">seed ")
                        .append(Html.text(run.config().getOrDefault("seed", "?"))).append("</span></li>");
            }
            b.append("</ul><div class=\"two-col\"><div><table class=\"data compact stats\"><thead><tr><th>final metric</th>"
                    + "<th class=\"num\">mean ± std</th><th class=\"num\">n</th></tr></thead><tbody>");
            for (Map.Entry<String, SeedGroups.Stats> e : g.finals().entrySet()) {
                b.append("<tr><td>").append(Html.text(e.getKey())).append("</td><td class=\"num mean-std\">")
                        .append(Html.number(e.getValue().mean())).append(" ± ").append(Html.number(e.getValue().std()))
                        .append("</td><td class=\"num\">").append(e.getValue().n()).append("</td></tr>");
            }
            b.append("</tbody></table></div><div>");
            List<String> headline = RunReports.headlineMetrics(g.runs());
            String metric = headline.contains("val/loss") ? "val/loss" : headline.isEmpty() ? "train/loss" : headline.get(0);
            b.append("<div class=\"chart-card\"><div class=\"chart-title\">").append(Html.text(metric))
                    .append(" mean ± std</div><div class=\"chart band-chart\" data-metric=\"").append(Html.text(metric))
                    .append("\" data-runs=\"").append(Html.text(Json.write(g.runs().stream().map(IndexedRun::id).toList())))
                    .append("\" data-points=\"0\"></div></div>");
            b.append("</div></div></section>");
        }
        return Html.page("Seed groups", "Seed groups", b.toString());
    }
}
