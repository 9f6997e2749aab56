package io.pylon.metrics;

import java.util.Arrays;

/** Checks shared by the metrics. */
final class MetricSupport {

    private MetricSupport() {
    }

    /** {@code other} as a {@code type}, with the same parameters as {@code self}; otherwise an exception. */
    static <T extends Metric> T mergeable(Metric self, Metric other, Class<T> type, Object selfParams,
            Object otherParams) {
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException("cannot merge " + other.getClass().getSimpleName() + " into "
                    + self.getClass().getSimpleName());
        }
        if (!paramsEqual(selfParams, otherParams)) {
            throw new IllegalArgumentException("cannot merge " + self.name() + " metrics with different parameters: "
                    + selfParams + " and " + otherParams);
        }
        return type.cast(other);
    }

    private static boolean paramsEqual(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    static void requireLength(double[] state, int length, String metric) {
        if (state.length != length) {
            throw new IllegalArgumentException(metric + " state has " + state.length + " values, expected " + length);
        }
    }

    static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    static String classKey(String name, int c) {
        return name + "/class_" + c;
    }

    static double[] concat(double[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        double[] out = new double[length];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
