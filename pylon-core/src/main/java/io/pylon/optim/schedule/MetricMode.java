package io.pylon.optim.schedule;

/** Whether the monitored metric improves by going down (a loss) or up (an accuracy). */
public enum MetricMode {
    MIN,
    MAX
}
