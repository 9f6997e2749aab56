package io.pylon.data.packed;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pylon.data.Dataset;
import io.pylon.data.Sample;

/** Writes every sample of a dataset, in index order, into a packed file. */
public final class Packing {

    /** Samples read ahead per reading thread, bounding memory while keeping the threads busy. */
    private static final int READ_AHEAD = 8;

    /** Told after each record; called from the packing thread. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> {
        };

        void packed(long done, long total);
    }

    private Packing() {
    }

    /** Packs with one reading thread. */
    public static PackedHeader pack(Dataset dataset, Path out, Progress progress) {
        return pack(dataset, out, 1, progress);
    }

    /**
     * Packs {@code dataset} into {@code out} (replaced atomically when complete; see {@link PackedWriter}).
     *
     * @param threads threads calling {@link Dataset#get} concurrently (>= 1); records are still written in
     *     index order, so the file does not depend on the thread count
     * @return the header written
     * @throws io.pylon.data.DataException when a sample cannot be read or differs in shape from the first
     */
    public static PackedHeader pack(Dataset dataset, Path out, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long total = dataset.size();
        try (PackedWriter writer = PackedWriter.create(out, dataset.classNames(), dataset.fingerprint())) {
            if (threads == 1) {
                for (long i = 0; i < total; i++) {
                    writer.write(dataset.get(i));
                    progress.packed(i + 1, total);
                }
            } else {
                writeInParallel(dataset, writer, threads, progress);
            }
            return writer.finish();
        }
    }

    private static void writeInParallel(Dataset dataset, PackedWriter writer, int threads, Progress progress) {
        long total = dataset.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "pylon-pack");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Sample>> pending = new ArrayDeque<>();
            long next = 0;
            for (long done = 0; done < total; done++) {
                while (next < total && pending.size() < threads * READ_AHEAD) {
                    long index = next++;
                    pending.add(pool.submit(() -> dataset.get(index)));
                }
                writer.write(await(pending.removeFirst()));
                progress.packed(done + 1, total);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sample await(Future<Sample> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while packing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading a sample failed", e.getCause());
        }
    }
}
