package io.pylon.track;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.pylon.run.RunStatus;

/** The plain-text reports of {@code pylon runs}: list, show, compare, diff. */
public final class RunReports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int MAX_CONFIG_COLUMNS = 5;
    private static final int MAX_METRIC_COLUMNS = 4;

    private RunReports() {
    }

    /** One line per run: id, status, step, start, the config keys that vary, the best of the headline metrics. */
    public static String list(List<IndexedRun> runs) {
        if (runs.isEmpty()) {
            return "no runs match\n";
        }
        List<String> keys = ConfigDiff.varyingKeys(runs).stream().limit(MAX_CONFIG_COLUMNS).toList();
        List<String> metrics = headlineMetrics(runs);
        List<String> header = new ArrayList<>(List.of("run", "status", "step", "started"));
        header.addAll(keys);
        metrics.forEach(m -> header.add(m + (MetricSummary.minimizes(m) ? " (min)" : " (max)")));
        TextTable table = new TextTable(header);
        for (IndexedRun run : runs) {
            List<String> row = new ArrayList<>(List.of(run.id(), run.health().label(),
                    run.status().map(s -> Long.toString(s.step())).orElse(lastStep(run)),
                    run.status().map(s -> TIME.format(s.started())).orElse("-")));
            keys.forEach(k -> row.add(run.config().getOrDefault(k, "-")));
            metrics.forEach(m -> row.add(run.metrics().containsKey(m) ? TextTable.number(run.metrics().get(m).best()) : "-"));
            table.row(row);
        }
        return table.render();
    }

    /** Validation metrics first (what runs are judged by), else the training loss. */
    public static List<String> headlineMetrics(List<IndexedRun> runs) {
        Set<String> all = new TreeSet<>();
        runs.forEach(r -> all.addAll(r.metrics().keySet()));
        List<String> val = all.stream().filter(m -> m.startsWith("val/")).limit(MAX_METRIC_COLUMNS).toList();
        if (!val.isEmpty()) {
            return val;
        }
        return all.contains("train/loss") ? List.of("train/loss") : List.of();
    }

    public static String show(IndexedRun run) {
        StringBuilder out = new StringBuilder();
        field(out, "run", run.id());
        field(out, "directory", run.path().toString());
        field(out, "status", run.health().label());
        run.status().ifPresent(s -> status(out, s));
        out.append("\nconfig\n");
        TextTable config = new TextTable(List.of("key", "value"));
        run.config().forEach((k, v) -> config.row(List.of(k, v)));
        out.append(config.render().indent(2));
        out.append("\nmetrics\n");
        TextTable metrics = new TextTable(List.of("metric", "last", "best", "min", "max", "values", "last step"));
        run.metrics().values().forEach(m -> metrics.row(List.of(m.metric(), TextTable.number(m.last()),
                TextTable.number(m.best()), TextTable.number(m.min()), TextTable.number(m.max()), Long.toString(m.count()),
                m.lastStep() == Long.MIN_VALUE ? "-" : Long.toString(m.lastStep()))));
        out.append(run.metrics().isEmpty() ? "  none logged\n" : metrics.render().indent(2));
        return out.toString();
    }

    private static void status(StringBuilder out, RunStatus s) {
        field(out, "host / pid", s.host() + " / " + s.pid());
        field(out, "started", TIME.format(s.started()));
        field(out, "heartbeat", TIME.format(s.heartbeat()) + " (step " + s.step() + ")");
        s.ended().ifPresent(e -> field(out, "ended", TIME.format(e)));
        if (!s.error().isEmpty()) {
            field(out, "error", s.error());
        }
        field(out, "code", s.codeVersion());
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-10s %s%n", name, value));
    }

    /** Metrics side by side: for each run the last value, and the best in brackets. */
    public static String compare(List<IndexedRun> runs) {
        Set<String> metrics = new TreeSet<>();
        runs.forEach(r -> metrics.addAll(r.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("metric"));
        runs.forEach(r -> header.add(r.id()));
        TextTable table = new TextTable(header);
        for (String metric : metrics) {
            List<String> row = new ArrayList<>(List.of(metric + (MetricSummary.minimizes(metric) ? " (last, min)" : " (last, max)")));
            for (IndexedRun run : runs) {
                MetricSummary s = run.metrics().get(metric);
                row.add(s == null ? "-" : TextTable.number(s.last()) + " (" + TextTable.number(s.best()) + ")");
            }
            table.row(row);
        }
        StringBuilder out = new StringBuilder(table.render());
        List<ConfigDiff.Difference> diff = ConfigDiff.of(runs);
        if (!diff.isEmpty()) {
            out.append('\n').append(diffTable(runs, diff));
        }
        return out.toString();
    }

    public static String diff(List<IndexedRun> runs) {
        List<ConfigDiff.Difference> diff = ConfigDiff.of(runs);
        return diff.isEmpty() ? "configs are identical (apart from run names)\n" : diffTable(runs, diff);
    }

    private static String diffTable(List<IndexedRun> runs, List<ConfigDiff.Difference> diff) {
        List<String> header = new ArrayList<>(List.of("config key"));
        runs.forEach(r -> header.add(r.id()));
        TextTable table = new TextTable(header);
        for (ConfigDiff.Difference d : diff) {
            List<String> row = new ArrayList<>(List.of(d.key()));
            d.values().forEach(v -> row.add(v.isEmpty() ? "(absent)" : v));
            table.row(row);
        }
        return table.render();
    }

    private static String lastStep(IndexedRun run) {
        return run.metrics().values().stream().mapToLong(MetricSummary::lastStep).filter(s -> s != Long.MIN_VALUE)
                .max().stream().mapToObj(Long::toString).findFirst().orElse("-");
    }

    /** When a status was written, for tests and tables. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
