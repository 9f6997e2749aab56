package io.pylon.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.pylon.data.Dataset;
import io.pylon.data.Sample;

/**
 * A dataset computed by a function of the index, counting its reads (so cache tests can tell hits from
 * misses) with a fingerprint the test chooses.
 */
public final class ListDataset implements Dataset {

    private final long size;
    private final LongFunction<Sample> samples;
    private final String fingerprint;
    private final List<String> classNames;
    private final AtomicLong reads = new AtomicLong();

    public ListDataset(long size, LongFunction<Sample> samples, String fingerprint, List<String> classNames) {
        this.size = size;
        this.samples = samples;
        this.fingerprint = fingerprint;
        this.classNames = List.copyOf(classNames);
    }

    public ListDataset(long size, LongFunction<Sample> samples) {
        this(size, samples, "list:" + size, List.of());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        reads.incrementAndGet();
        return samples.apply(index);
    }

    /** Calls of {@link #get} so far. */
    public long reads() {
        return reads.get();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
