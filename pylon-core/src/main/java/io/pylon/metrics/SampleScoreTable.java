package io.pylon.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per-sample scores of one metric, by sample index; encodes to and from a flat state array. */
final class SampleScoreTable {

    private final TreeMap<Long, Double> scores = new TreeMap<>();
    private long next;

    /** The index the next sample gets when a batch comes without indices. */
    long next() {
        return next;
    }

    void put(long index, double score) {
        scores.put(index, score);
        next = Math.max(next, index + 1);
    }

    void advance(int samples) {
        next += samples;
    }

    boolean isEmpty() {
        return scores.isEmpty();
    }

    SortedMap<Long, Double> view() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }

    void merge(SampleScoreTable other) {
        for (Map.Entry<Long, Double> e : other.scores.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    void clear() {
        scores.clear();
        next = 0;
    }

    int stateLength() {
        return 2 + 2 * scores.size();
    }

    /** Writes {@code next, count, (index, score)...} into {@code out} from {@code offset}. */
    void writeState(double[] out, int offset) {
        out[offset] = next;
        out[offset + 1] = scores.size();
        int i = offset + 2;
        for (Map.Entry<Long, Double> e : scores.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
    }

    /** Reads what {@link #writeState} wrote; returns the offset after it. */
    int readState(double[] in, int offset) {
        clear();
        long savedNext = (long) in[offset];
        int count = (int) in[offset + 1];
        int i = offset + 2;
        for (int k = 0; k < count; k++) {
            scores.put((long) in[i], in[i + 1]);
            i += 2;
        }
        next = savedNext;
        return i;
    }
}
