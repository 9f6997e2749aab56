package io.pylon.track.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.track.IndexedRun;
import io.pylon.track.RunIndex;
import io.pylon.track.Series;

/**
 * The index as pages use it. A background thread refreshes it every {@code interval}, so a page never
 * waits for a scan of the runs root; a run's own page and its live curves refresh that one run on
 * request. Run ids are checked to lie inside the root before anything is read.
 */
final class ViewerIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerIndex.class);
    private final RunIndex index;
    private final ScheduledExecutorService refresher;

    ViewerIndex(RunIndex index, Duration interval) {
        this.index = index;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pylon-ui-refresh");
            t.setDaemon(true);
            return t;
        });
        refreshQuietly(); // the first page already sees every run
        refresher.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            index.refresh();
        } catch (RuntimeException e) {
            // a run directory vanishing mid-scan must not stop the viewer: the next round sees the new state
            LOG.warn("index refresh failed: {}", e.getMessage());
        }
    }

    RunIndex raw() {
        return index;
    }

    List<IndexedRun> runs() {
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

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
