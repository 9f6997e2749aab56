package io.pylon.track.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.pylon.track.IndexedRun;
import io.pylon.track.RunIndex;
import io.pylon.track.Series;

/**
 * The index as pages use it: a full refresh at most every {@code minInterval} (page loads), a single
 * run's refresh for live curves, and run ids checked to lie inside the root before anything is read.
 */
final class ViewerIndex {

    private final RunIndex index;
    private final long minIntervalNanos;
    private long lastRefresh = Long.MIN_VALUE;

    ViewerIndex(RunIndex index, Duration minInterval) {
        this.index = index;
        this.minIntervalNanos = minInterval.toNanos();
    }

    RunIndex raw() {
        return index;
    }

    synchronized List<IndexedRun> runs() {
        long now = System.nanoTime();
        if (lastRefresh == Long.MIN_VALUE || now - lastRefresh >= minIntervalNanos) {
            index.refresh();
            lastRefresh = now;
        }
        return index.runs();
    }

    /** The run {@code id}, refreshed now; {@link NotFound} if it is not a run inside the root. */
    IndexedRun run(String id) {
        if (index.resolve(id).isEmpty() || !index.refresh(id)) {
            throw new NotFound();
        }
        Optional<IndexedRun> run = index.run(id);
        return run.orElseThrow(NotFound::new);
    }

    Series series(String id, String metric, long after) {
        run(id);
        return index.series(id, metric, after);
    }
}
