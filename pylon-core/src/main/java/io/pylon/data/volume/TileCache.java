package io.pylon.data.volume;

import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.pylon.data.array.NdArray;

/**
 * The decoded tiles most recently used, at most {@code capacity} of them (least recently used evicted
 * first), so that neighbouring patches do not re-read the tiles they share. Thread-safe: concurrent
 * requests for the same tile wait for one load instead of each reading the file; a failed load is not
 * cached, so the next request retries (and reports) it.
 */
final class TileCache {

    private final int capacity;
    private final LinkedHashMap<Integer, CompletableFuture<NdArray>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong loads = new AtomicLong();

    /** @param capacity tiles kept; 0 disables caching */
    TileCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Tile {@code key}, from the cache or loaded by {@code loader}. */
    NdArray get(int key, IntFunction<NdArray> loader) {
        CompletableFuture<NdArray> future;
        boolean load = false;
        synchronized (this) {
            future = entries.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                load = true;
                if (capacity > 0) {
                    entries.put(key, future);
                    while (entries.size() > capacity) {
                        entries.remove(entries.keySet().iterator().next());
                    }
                }
            }
        }
        if (load) {
            try {
                NdArray tile = loader.apply(key);
                loads.incrementAndGet();
                future.complete(tile);
                return tile;
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Tiles read from files so far (a cache miss each). */
    long loads() {
        return loads.get();
    }
}
