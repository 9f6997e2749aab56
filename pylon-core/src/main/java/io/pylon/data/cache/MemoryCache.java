package io.pylon.data.cache;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.pylon.data.Dataset;
import io.pylon.data.Sample;

/**
 * Keeps recently read samples of a dataset in memory, up to a bound on their array bytes (input plus target
 * {@code byteSize()}; Java object headers are not counted, and an array that is a view of a larger one
 * counts only its own bytes).
 *
 * <p><b>Eviction</b> is CLOCK (second chance), the usual approximation of LRU: a hit marks its entry; when
 * room is needed, entries are examined oldest-inserted first, a marked one is unmarked and moved to the back,
 * and the first unmarked one is evicted. So an entry read since the hand last passed survives a full sweep.
 *
 * <p><b>Concurrency.</b> A hit is a {@link ConcurrentHashMap} lookup and a volatile write, with no lock.
 * A miss reads the source outside any lock (workers decode in parallel), then takes one lock to insert and
 * evict. When several threads miss the same index at once, each reads it, the first insert wins and all
 * return the cached sample. Samples larger than the whole bound are returned without being cached.
 *
 * <p>Cached samples are shared between callers: like all samples they must not be modified. Closing closes
 * the source.
 */
public final class MemoryCache implements Dataset {

    private static final class Entry {
        final long index;
        final Sample sample;
        final long bytes;
        volatile boolean referenced;

        Entry(long index, Sample sample, long bytes) {
            this.index = index;
            this.sample = sample;
            this.bytes = bytes;
        }
    }

    private final Dataset source;
    private final long maxBytes;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Entries in CLOCK order (the hand is the head); guarded by {@link #lock}. */
    private final ArrayDeque<Entry> clock = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private long usedBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /**
     * @param maxBytes the bound on cached array bytes, >= 0 (0 caches nothing)
     */
    public MemoryCache(Dataset source, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.source = source;
        this.maxBytes = maxBytes;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public Sample get(long index) {
        Entry cached = entries.get(index);
        if (cached != null) {
            if (!cached.referenced) {
                // skip the write when already set, so hot entries do not bounce a cache line between cores
                cached.referenced = true;
            }
            hits.increment();
            return cached.sample;
        }
        checkIndex(index);
        misses.increment();
        Sample sample = source.get(index);
        long bytes = bytes(sample);
        if (bytes > maxBytes) {
            return sample;
        }
        lock.lock();
        try {
            Entry raced = entries.get(index);
            if (raced != null) {
                return raced.sample;
            }
            while (usedBytes + bytes > maxBytes) {
                evictOne();
            }
            Entry entry = new Entry(index, sample, bytes);
            clock.addLast(entry);
            usedBytes += bytes;
            entries.put(index, entry);
        } finally {
            lock.unlock();
        }
        return sample;
    }

    /** Evicts one entry; the caller holds the lock and the clock is not empty. */
    private void evictOne() {
        while (true) {
            Entry head = clock.removeFirst();
            if (head.referenced) {
                head.referenced = false;
                clock.addLast(head);
            } else {
                entries.remove(head.index);
                usedBytes -= head.bytes;
                evictions.increment();
                return;
            }
        }
    }

    static long bytes(Sample sample) {
        return sample.input().byteSize() + (sample.target() == null ? 0 : sample.target().byteSize());
    }

    /**
     * Counters since creation, and the current content.
     *
     * @param hits gets answered from memory
     * @param misses gets that read the source
     * @param evictions entries dropped to make room
     * @param entries samples cached now
     * @param bytes their array bytes, at most the bound
     */
    public record Stats(long hits, long misses, long evictions, long entries, long bytes) {
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(hits.sum(), misses.sum(), evictions.sum(), clock.size(), usedBytes);
        } finally {
            lock.unlock();
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Whether sample {@code index} is cached now (does not count as a use). */
    public boolean contains(long index) {
        return entries.containsKey(index);
    }

    @Override
    public String fingerprint() {
        return source.fingerprint();
    }

    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return source.sampleFile(sampleIndex);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            entries.clear();
            clock.clear();
            usedBytes = 0;
        } finally {
            lock.unlock();
        }
        source.close();
    }

    @Override
    public String toString() {
        return "MemoryCache[" + source + ", " + maxBytes + " bytes]";
    }
}
