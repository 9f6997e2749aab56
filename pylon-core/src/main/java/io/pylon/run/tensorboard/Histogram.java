package io.pylon.run.tensorboard;

/**
 * A {@code tensorflow.HistogramProto}: count, sum, sum of squares, range and {@code buckets} equal-width
 * buckets over [min, max]; {@code bucketLimits[i]} is bucket i's right edge (as TensorBoard expects).
 */
public record Histogram(double min, double max, double count, double sum, double sumSquares,
                        double[] bucketLimits, double[] bucketCounts) {

    /** Summarises {@code values} (non-finite values are left out) into {@code buckets} buckets. */
    public static Histogram of(float[] values, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double count = 0;
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                count++;
                sum += v;
                squares += (double) v * v;
            }
        }
        if (count == 0) {
            return new Histogram(0, 0, 0, 0, 0, new double[] {0}, new double[] {0});
        }
        double width = (max - min) / buckets;
        double[] limits = new double[buckets];
        double[] counts = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            limits[i] = i == buckets - 1 ? max : min + width * (i + 1);
        }
        for (float v : values) {
            if (Float.isFinite(v)) {
                int index = width == 0 ? buckets - 1 : (int) Math.min(buckets - 1, Math.floor((v - min) / width));
                counts[index]++;
            }
        }
        return new Histogram(min, max, count, sum, squares, limits, counts);
    }

    ProtoWriter toProto() {
        return new ProtoWriter().fixedDouble(1, min).fixedDouble(2, max).fixedDouble(3, count).fixedDouble(4, sum)
                .fixedDouble(5, sumSquares).packedDoubles(6, bucketLimits).packedDoubles(7, bucketCounts);
    }
}
