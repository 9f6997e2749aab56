package io.pylon.track.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pylon.track.IndexedRun;

/**
 * Chart placeholders the browser fills: one chart per metric name ({@code loss}, {@code accuracy}),
 * each with a line per split (run page) or per run (compare page). The series list travels in a
 * {@code data-series} attribute, escaped like any other text.
 */
final class Charts {

    private Charts() {
    }

    /** Metric name -> its split/name keys, train and val first; test (one point) and lr last. */
    static Map<String, List<String>> byName(Iterable<String> metrics) {
        Map<String, List<String>> out = new TreeMap<>((a, b) -> {
            int ra = rank(a);
            int rb = rank(b);
            return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
        });
        for (String metric : metrics) {
            if (metric.startsWith("test/")) {
                continue;
            }
            String name = metric.substring(metric.indexOf('/') + 1);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(metric);
        }
        return out;
    }

    private static int rank(String name) {
        if (name.equals("loss")) {
            return 0;
        }
        if (name.startsWith("lr") || name.startsWith("loss_weight") || name.equals("grad_norm") || name.equals("data_wait_pct")) {
            return 2;
        }
        return 1;
    }

    static String chart(String title, List<Map<String, String>> series, boolean live) {
        return "<div class=\"chart-card\"><div class=\"chart-title\">" + Html.text(title) + "</div>"
                + "<div class=\"chart\" data-series=\"" + Html.text(Json.write(series)) + "\""
                + (live ? " data-live=\"true\"" : "") + " data-points=\"0\"></div></div>";
    }

    static Map<String, String> line(IndexedRun run, String metric, String label) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("run", run.id());
        s.put("metric", metric);
        s.put("label", label);
        return s;
    }

    static String controls() {
        return "<div class=\"chart-controls\"><label><input type=\"checkbox\" class=\"log-toggle\"> log scale</label>"
                + "<label>smoothing <input type=\"range\" class=\"smooth\" min=\"0\" max=\"0.99\" step=\"0.01\" value=\"0\">"
                + "<span class=\"smooth-value\">0</span></label>"
                + "<span class=\"hint\">drag to zoom · double-click to reset</span></div>";
    }
}
