package io.pylon.trainer.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.bytedeco.javacpp.Pointer;

import io.pylon.PylonUserException;
import io.pylon.trainer.TrainingComponents;
import io.pylon.trainer.profile.HostMemory;

/**
 * The largest batch size whose training steps fit: doubling from {@code start} until a trial fails (or
 * reaches {@code maxBatchSize} or the train split's size), then binary search between the last fit and
 * the first failure. A trial builds the run at that batch size and runs {@code steps} training steps.
 * On a GPU a trial fails when libtorch runs out of device memory (the error is caught and the caching
 * allocator emptied); on the CPU, where running out of memory kills the process, a trial fails when the
 * memory its steps add exceeds {@code memoryBudgetBytes}: the peak resident size during the steps minus the
 * resident size before them (activations, gradients, optimizer state, batches; not the JVM, model and
 * dataset already loaded, whose size varies by hundreds of MiB with garbage collection).
 */
public final class BatchSizeFinder {

    /**
     * @param start first batch size tried (>= 1)
     * @param maxBatchSize never try more than this (>= start)
     * @param steps training steps per trial (>= 1; the first warms up the allocator)
     * @param memoryBudgetBytes CPU only: bytes the training steps may add to the resident size (> 0)
     */
    public record Params(int start, int maxBatchSize, int steps, long memoryBudgetBytes) {
        public Params {
            if (start < 1 || maxBatchSize < start) {
                throw new IllegalArgumentException("need 1 <= start <= max batch size, got " + start + " and " + maxBatchSize);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps per trial must be >= 1, got " + steps);
            }
            if (memoryBudgetBytes <= 0) {
                throw new IllegalArgumentException("memory budget must be > 0 bytes, got " + memoryBudgetBytes);
            }
        }
    }

    /**
     * One trial.
     *
     * @param batchSize the batch size tried
     * @param fits whether its steps ran within the memory limit
     * @param peakBytes CPU: peak resident bytes the steps added (empty on a GPU or where unknown)
     * @param note why it failed, or empty
     */
    public record Trial(int batchSize, boolean fits, OptionalLong peakBytes, String note) {
    }

    /**
     * @param trials every trial in the order run
     * @param suggestion the largest batch size that fit
     * @param limitedBy what stopped the growth ("memory", "max_batch_size" or "dataset")
     */
    public record Result(List<Trial> trials, int suggestion, String limitedBy) {
    }

    /** Runs the trial of one batch size. */
    @FunctionalInterface
    public interface TrialRunner {
        Trial run(int batchSize);
    }

    private BatchSizeFinder() {
    }

    /**
     * Searches with {@code runner}; {@code datasetSize} (read after the first trial) caps the batch size: a
     * batch cannot hold more samples than the train split has. Throws a user error when even {@code start}
     * does not fit.
     */
    public static Result search(Params params, TrialRunner runner, LongSupplier datasetSize) {
        List<Trial> trials = new ArrayList<>();
        int size = params.start();
        Trial first = runner.run(size);
        trials.add(first);
        if (!first.fits()) {
            throw new PylonUserException(String.format(Locale.ROOT, "batch size %d does not fit (%s): lower the model"
                    + " size or input size, use trainer.precision=bf16-mixed, gradient checkpointing or"
                    + " trainer.accumulate_grad_batches with a small batch, or raise --memory-budget", size, first.note()));
        }
        long samples = datasetSize.getAsLong();
        int cap = (int) Math.max(size, Math.min(params.maxBatchSize(), samples));
        String cappedBy = params.maxBatchSize() <= samples ? "max_batch_size" : "dataset";
        int fit = size;
        int fail = -1;
        while (fit < cap) {
            int next = Math.min(fit * 2, cap);
            Trial trial = runner.run(next);
            trials.add(trial);
            if (!trial.fits()) {
                fail = next;
                break;
            }
            fit = next;
        }
        if (fail < 0) {
            return new Result(trials, fit, cappedBy);
        }
        while (fail - fit > 1) {
            int middle = (fit + fail) >>> 1;
            Trial trial = runner.run(middle);
            trials.add(trial);
            if (trial.fits()) {
                fit = middle;
            } else {
                fail = middle;
            }
        }
        return new Result(trials, fit, "memory");
    }

    /**
     * A trial runner for real components: builds them with {@code build}, runs the steps, and judges the
     * trial by the CPU memory budget or by a CUDA out-of-memory error. {@code samples} receives the train
     * split's size.
     */
    public static TrialRunner runner(Params params, IntFunction<TrainingComponents> build, boolean cuda,
            LongConsumer samples) {
        if (!cuda) {
            // freed tensors must leave the process, or a trial reads the peak of the larger one before it
            HostMemory.returnFreedBlocksToOs(64 * 1024);
        }
        return batchSize -> {
            TrainingComponents parts = build.apply(batchSize);
            samples.accept(parts.data().train().samples());
            try (var data = parts.data()) {
                System.gc();
                Pointer.deallocateReferences();
                long before = HostMemory.residentBytes().orElse(0);
                HostMemory.resetPeak();
                FinderStep step = new FinderStep(parts);
                for (int i = 0; i < params.steps(); i++) {
                    step.run();
                }
                if (cuda) {
                    return new Trial(batchSize, true, OptionalLong.empty(), "");
                }
                OptionalLong highWater = HostMemory.peakBytes();
                OptionalLong peak = highWater.isPresent() ? OptionalLong.of(Math.max(0, highWater.getAsLong() - before))
                        : OptionalLong.empty();
                boolean fits = peak.isEmpty() || peak.getAsLong() <= params.memoryBudgetBytes();
                return new Trial(batchSize, fits, peak, fits ? "" : String.format(Locale.ROOT,
                        "the steps add %.0f MiB > budget %.0f MiB", peak.getAsLong() / 1048576.0,
                        params.memoryBudgetBytes() / 1048576.0));
            } catch (RuntimeException e) {
                if (cuda && String.valueOf(e.getMessage()).contains("out of memory")) {
                    CudaMemory.emptyCache();
                    return new Trial(batchSize, false, OptionalLong.empty(), "CUDA out of memory");
                }
                throw e;
            } finally {
                // the trial's model and optimizer must not count against the next one
                System.gc();
                Pointer.deallocateReferences();
            }
        };
    }
}
