package io.pylon.data.loader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
    private final BatchProduction production;
    private final BatchAssembler assembler;

    public StreamingLoader(StreamingDataset dataset, int shard, int shards, Transform transform,
            LoaderSettings settings, String source) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard must be in [0, " + shards + "), got " + shard);
        }
        this.dataset = dataset;
        this.shard = shard;
        this.shards = shards;
        this.settings = settings;
        this.production = new BatchProduction(settings, source);
        this.assembler = new BatchAssembler(null, transform, settings, production.buffers(), source);
    }

    @Override
    public long batchesPerEpoch() {
        return settings.batchesFor(dataset.size(shards));
    }

    @Override
    public long samples() {
        return dataset.size(shards);
    }

    @Override
    public Iterator<Batch> epoch(int epoch, long startBatch) {
        Iterator<Sample> stream = dataset.open(epoch, shard, shards);
        for (long skip = 0; skip < startBatch * settings.batchSize() && stream.hasNext(); skip++) {
            stream.next();
        }
        return production.start(batch -> {
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
        }, startBatch, batchesPerEpoch());
    }

    @Override
    public void close() {
        production.close();
    }
}
