package io.pylon.track;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CSV of runs (one row each: id, experiment, status, every config key, last and best of every metric) or
 * of metric values in long form (run, metric, step, value), quoted as RFC 4180 says.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String runs(List<IndexedRun> runs) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> metrics = new TreeSet<>();
        runs.forEach(r -> {
            keys.addAll(r.config().keySet());
            metrics.addAll(r.metrics().keySet());
        });
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("run", "experiment", "status"));
        header.addAll(keys);
        metrics.forEach(m -> {
            header.add(m + ":last");
            header.add(m + ":best");
        });
        line(out, header);
        for (IndexedRun run : runs) {
            List<String> row = new ArrayList<>(List.of(run.id(), run.experiment(), run.health().label()));
            keys.forEach(k -> row.add(run.config().getOrDefault(k, "")));
            for (String m : metrics) {
                MetricSummary s = run.metrics().get(m);
                row.add(s == null ? "" : number(s.last()));
                row.add(s == null ? "" : number(s.best()));
            }
            line(out, row);
        }
        return out.toString();
    }

    /** Every logged value of the runs, one line each. */
    public static String points(RunIndex index, List<IndexedRun> runs) {
        StringBuilder out = new StringBuilder("run,metric,step,value\n");
        for (IndexedRun run : runs) {
            for (String metric : new TreeSet<>(run.metrics().keySet())) {
                Series s = index.series(run.id(), metric, Long.MIN_VALUE);
                for (int i = 0; i < s.size(); i++) {
                    line(out, List.of(run.id(), metric, Long.toString(s.steps()[i]), number(s.values()[i])));
                }
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append('\n');
    }
}
