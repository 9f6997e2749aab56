package io.pylon.plugin;

import java.util.function.Function;

import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;

/**
 * Where a plugin adds metrics; the direction tells checkpoint and early-stopping monitors whether higher
 * values are better.
 */
@FunctionalInterface
public interface MetricRegistrar {

    <P extends Record> void register(String name, Class<P> params, Function<? super P, Metric> factory,
            Direction direction);
}
