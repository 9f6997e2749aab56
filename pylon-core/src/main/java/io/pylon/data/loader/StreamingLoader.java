package io.pylon.data.loader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.pylon.data.Batch;
import io.pylon.data.DataLoader;
import io.pylon.data.Sample;
import io.pylon.data.StreamingDataset;
import io.pylon.data.transform.Transform;

/**
 * Batches a {@link StreamingDataset}: the stream is read in order on the consuming thread, a batch's worth
 * of raw samples at a time, and the worker threads transform and collate those batches ahead of the
 * consumer (reading is usually cheap next to decoding and augmentation, and must stay sequential). A
 * resume at batch {@code b} reads and drops the stream's first {@code b} batches.
 */
public final class StreamingLoader implements DataLoader {

    private final StreamingDataset dataset;
    private final int shard;
    private final int shards;
    private final LoaderSettings settings;
    private final BatchBuffers buffers;
    private final BatchAssembler assembler;
    private final ExecutorService workers;
    private OrderedBatches current;

    public StreamingLoader(StreamingDataset dataset, int shard, int shards, Transform transform,
            LoaderSettings settings, String source) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be in [0, " + shards + "), got " + shard);
        }
        this.dataset = dataset;
        this.shard = shard;
        this.shards = shards;
        this.settings = settings;
        this.buffers = new BatchBuffers(settings.prefetch() + 2);
        this.assembler = new BatchAssembler(null, transform, settings, buffers, source);
        this.workers = ParallelLoader.workerPool(settings.workers(), source);
    }

    @Override
    public long batchesPerEpoch() {
        long n = dataset.size(shards);
        int b = settings.batchSize();
        return settings.dropLast() ? n / b : (n + b - 1) / b;
    }

    @Override
    public long samples() {
        return dataset.size(shards);
    }

    @Override
    public synchronized Iterator<Batch> epoch(int epoch, long startBatch) {
        if (current != null) {
            current.cancel();
        }
        Iterator<Sample> stream = dataset.open(epoch, shard, shards);
        for (long skip = 0; skip < startBatch * settings.batchSize() && stream.hasNext(); skip++) {
            stream.next();
        }
        current = new OrderedBatches(batch -> {
            List<Sample> raw = new ArrayList<>(settings.batchSize());
            while (raw.size() < settings.batchSize() && stream.hasNext()) {
                Sample sample = assembler.guarded(stream::next);
                if (sample != null) {
                    raw.add(sample);
                }
            }
            boolean incomplete = raw.size() < settings.batchSize();
            List<Sample> taken = incomplete && settings.dropLast() ? List.of() : raw;
            return () -> assembler.buildFrom(taken, epoch);
        }, startBatch, batchesPerEpoch(), workers, settings.prefetch(), buffers);
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.cancel();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        buffers.close();
    }
}
