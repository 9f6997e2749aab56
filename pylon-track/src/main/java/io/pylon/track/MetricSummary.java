package io.pylon.track;

/**
 * A run's metric in brief: last value and step, extremes, count of finite values, and which extreme
 * is best ({@link #minimize}).
 */
public record MetricSummary(String metric, double last, long lastStep, double min, double max, long count) {

    public boolean minimize() {
        return minimizes(metric);
    }

    public double best() {
        return minimize() ? min : max;
    }

    /** Losses, errors and distances are better low; everything else (accuracy, dice, IoU...) high. */
    public static boolean minimizes(String metric) {
        String name = metric.substring(metric.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return name.contains("loss") || name.contains("error") || name.contains("perplexity") || name.equals("ppl")
                || name.contains("mse") || name.contains("mae") || name.contains("rmse") || name.contains("hausdorff")
                || name.contains("distance") || name.equals("nll") || name.equals("bpc");
    }

    MetricSummary plus(long step, double value) {
        if (!Double.isFinite(value)) {
            return step >= lastStep ? new MetricSummary(metric, value, step, min, max, count) : this;
        }
        return new MetricSummary(metric, step >= lastStep ? value : last, Math.max(step, lastStep),
                count == 0 ? value : Math.min(min, value), count == 0 ? value : Math.max(max, value), count + 1);
    }

    static MetricSummary empty(String metric) {
        return new MetricSummary(metric, Double.NaN, Long.MIN_VALUE, Double.NaN, Double.NaN, 0);
    }
}
