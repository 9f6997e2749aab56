package io.pylon.track;

/** One logged value: metric {@code split/name} at optimizer {@code step} (NaN for a non-finite value). */
record MetricPoint(String metric, long step, double value) {
}
