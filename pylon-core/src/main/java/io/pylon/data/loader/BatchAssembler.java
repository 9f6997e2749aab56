package io.pylon.data.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;
import io.pylon.engine.Seeds;

/**
 * Builds one batch: reads its samples, transforms each with a random stream seeded by (seed, epoch, sample
 * index) — which is what makes batches independent of the thread that builds them — and collates them.
 * Applies the bad-sample policy.
 */
final class BatchAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);

    private final Dataset dataset;
    private final Transform transform;
    private final LoaderSettings settings;
    private final BatchBuffers buffers;
    private final String source;
    private final AtomicLong skipped = new AtomicLong();

    BatchAssembler(Dataset dataset, Transform transform, LoaderSettings settings, BatchBuffers buffers,
            String source) {
        this.dataset = dataset;
        this.transform = transform;
        this.settings = settings;
        this.buffers = buffers;
        this.source = source;
    }

    /** The random stream of sample {@code index} in {@code epoch}. */
    static SplittableRandom sampleRandom(long seed, int epoch, long index) {
        return new SplittableRandom(Seeds.derive(seed, epoch, index));
    }

    /** The collated batch, or null when every sample of it was skipped as bad. */
    Collator.Collated build(long[] indices, int epoch) {
        List<Sample> samples = new ArrayList<>(indices.length);
        for (long index : indices) {
            Sample sample = load(index, epoch);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples.isEmpty() ? null : Collator.collate(samples, settings.batchSize(), buffers, source, this::sampleFile);
    }

    /** Transforms and collates samples already read (a stream's), or returns null when all were skipped. */
    Collator.Collated buildFrom(List<Sample> raw, int epoch) {
        List<Sample> samples = new ArrayList<>(raw.size());
        for (Sample sample : raw) {
            Sample done = guarded(() -> transformed(sample, epoch));
            if (done != null) {
                samples.add(done);
            }
        }
        return samples.isEmpty() ? null : Collator.collate(samples, settings.batchSize(), buffers, source, this::sampleFile);
    }

    private Optional<String> sampleFile(long index) {
        return dataset == null ? Optional.empty() : dataset.sampleFile(index);
    }

    private Sample load(long index, int epoch) {
        return guarded(() -> transformed(dataset.get(index), epoch));
    }

    private Sample transformed(Sample raw, int epoch) {
        try {
            return transform.apply(raw, sampleRandom(settings.seed(), epoch, raw.index()));
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataException(source, raw.index(), "a transform failed: " + e.getMessage(), e);
        }
    }

    /** Reads a sample through the bad-sample policy: the sample, or null when it was skipped. */
    Sample guarded(Supplier<Sample> read) {
        try {
            return read.get();
        } catch (DataException e) {
            if (!settings.badSamples().skip()) {
                throw e;
            }
            long count = skipped.incrementAndGet();
            if (count > settings.badSamples().maxSkipped()) {
                throw new DataException(source, e.sampleIndex(), "more than " + settings.badSamples().maxSkipped()
                        + " bad samples were skipped (data.max_bad_samples), so the run stops; the last one: "
                        + e.getMessage() + "; fix or remove the bad files, or raise data.max_bad_samples", e);
            }
            LOG.warn("skipping bad sample {} of {} allowed: {}", count, settings.badSamples().maxSkipped(),
                    e.getMessage());
            return null;
        }
    }

    /** Samples skipped as bad so far. */
    long skipped() {
        return skipped.get();
    }
}
