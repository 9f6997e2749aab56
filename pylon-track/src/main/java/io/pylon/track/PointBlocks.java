package io.pylon.track;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A block of a metric's points as one BLOB: {@code n} little-endian steps (int64) then {@code n} values
 * (float64, NaN kept). Storing blocks instead of a row per point keeps a 1,000 x 10,000-step index to
 * thousands of rows: building it is a bulk write and a curve is a few reads.
 */
final class PointBlocks {

    static final int MAX_POINTS = 4096;

    private PointBlocks() {
    }

    static byte[] encode(long[] steps, double[] values, int from, int to) {
        int n = to - from;
        ByteBuffer b = ByteBuffer.allocate(n * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            b.putLong(steps[i]);
        }
        for (int i = from; i < to; i++) {
            b.putDouble(values[i]);
        }
        return b.array();
    }

    static int count(byte[] block) {
        return block.length / 16;
    }

    /** Decodes {@code block} into {@code steps}/{@code values} at {@code at}; returns the new end. */
    static int decodeInto(byte[] block, long[] steps, double[] values, int at) {
        int n = count(block);
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            steps[at + i] = b.getLong();
        }
        for (int i = 0; i < n; i++) {
            values[at + i] = b.getDouble();
        }
        return at + n;
    }

    /**
     * Points after {@code afterStep}, ordered by step; a step logged twice keeps its later value (as a
     * rewritten line would).
     */
    static Series normalise(String metric, long[] steps, double[] values, int n, long afterStep) {
        Integer[] order = new Integer[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || steps[i - 1] < steps[i];
        }
        if (!sorted) {
            Arrays.sort(order, (a, b) -> Long.compare(steps[a], steps[b])); // stable: later duplicates stay later
        }
        long[] outSteps = new long[n];
        double[] outValues = new double[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (steps[i] <= afterStep) {
                continue;
            }
            if (m > 0 && outSteps[m - 1] == steps[i]) {
                outValues[m - 1] = values[i];
            } else {
                outSteps[m] = steps[i];
                outValues[m] = values[i];
                m++;
            }
        }
        return new Series(metric, Arrays.copyOf(outSteps, m), Arrays.copyOf(outValues, m));
    }
}
