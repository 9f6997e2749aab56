package io.pylon.metrics;

import java.util.List;

/**
 * Params of a component that watches reported values ({@code val/accuracy}): resolution checks every key
 * against the metrics the run computes (see {@link MetricDirections}) before anything runs.
 */
public interface Monitoring {

    /** The {@code <split>/<metric>} keys watched, each with the config key it is written under. */
    List<MonitorKey> monitorKeys();

    /**
     * @param key the monitored value, e.g. {@code val/loss}
     * @param configKey where it is written, relative to the component's section ({@code monitor})
     */
    record MonitorKey(String key, String configKey) {
    }
}
