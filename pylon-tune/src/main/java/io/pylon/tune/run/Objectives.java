package io.pylon.tune.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.pylon.config.ComponentList;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.Origin;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metrics;

/**
 * Checks the objective keys of a study against what the run will log, before any trial: each must be
 * {@code val/<metric>} for {@code loss} or a metric listed under {@code metrics:}, and validation must run.
 * The direction of each comes from its metric.
 */
final class Objectives {

    private Objectives() {
    }

    static List<Direction> directions(List<String> keys, ConfigNode metricsSection, int valEveryNEpochs, Origin origin) {
        Set<String> logged = new TreeSet<>();
        logged.add("loss");
        for (ComponentList.Item item : ComponentList.parse(metricsSection, "metrics", "metric")) {
            logged.add(item.name());
        }
        List<Direction> directions = new ArrayList<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            String split = slash < 0 ? "" : key.substring(0, slash);
            String metric = slash < 0 ? key : key.substring(slash + 1);
            String metricName = metric.contains("/") ? metric.substring(0, metric.indexOf('/')) : metric;
            if (!split.equals("val")) {
                throw new ConfigException(origin, "tune.objective", "'" + key + "' is not a validation value: an"
                        + " objective is reported after each validation, so write val/<metric>, e.g. val/"
                        + (metric.isEmpty() ? "accuracy" : metric));
            }
            if (!logged.contains(metricName)) {
                throw new ConfigException(origin, "tune.objective", "nothing logs '" + key + "': the run logs val/"
                        + String.join(", val/", logged) + "; add '" + metricName + "' to metrics: or choose one of those");
            }
            if (valEveryNEpochs <= 0) {
                throw new ConfigException(origin, "trainer.val_every_n_epochs", "is 0, so '" + key + "' is never"
                        + " logged; a search needs validation after each epoch (set it to 1)");
            }
            directions.add(Metrics.direction(metric));
        }
        return directions;
    }
}
