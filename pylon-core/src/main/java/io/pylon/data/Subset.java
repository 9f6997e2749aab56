package io.pylon.data;

import java.util.List;
import java.util.Optional;

/**
 * Samples {@code [from, to)} of another dataset, renumbered from 0 (limits, validation hold-outs). The
 * samples keep their index in the base dataset, so errors and per-sample scores name the real sample.
 *
 * @param base the full dataset
 * @param from first index taken
 * @param to one past the last index taken
 */
public record Subset(Dataset base, long from, long to) implements Dataset {

    public Subset {
        if (from < 0 || to < from || to > base.size()) {
            throw new IllegalArgumentException("subset [" + from + ", " + to + ") outside [0, " + base.size() + ")");
        }
    }

    /** The first {@code limit} samples, or all of them when {@code limit} is 0 or at least the size. */
    public static Dataset limit(Dataset base, long limit) {
        return limit == 0 || limit >= base.size() ? base : new Subset(base, 0, limit);
    }

    @Override
    public long size() {
        return to - from;
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        return base.get(from + index);
    }

    @Override
    public long classOf(long index) {
        checkIndex(index);
        return base.classOf(from + index);
    }

    @Override
    public String fingerprint() {
        return base.fingerprint() + "[" + from + ":" + to + "]";
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    /** Samples keep their base index, so the base names their files. */
    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return base.sampleFile(sampleIndex);
    }

    /** The base dataset is shared with other subsets, so closing one subset leaves it open. */
    @Override
    public void close() {
    }
}
