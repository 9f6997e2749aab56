package io.pylon.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.ModelCheckpoint;

/**
 * Native memory stays flat over thousands of steps: every step's tensors (and autograd graph) are freed by
 * its scope. A leak of one step's activations (64 x 16 floats plus graph) per step would add well over
 * the bound across 2,400 steps.
 */
class NativeMemoryTest {

    private static final long WARM_UP_STEP = 300;
    private static final long BOUND_BYTES = 48L << 20;

    @TempDir
    Path runs;

    private static final class MemorySampler implements Callback {
        long afterWarmUp;
        long atEnd;
        long trackedAfterWarmUp;
        long trackedAtEnd;

        @Override
        public String name() {
            return "memory_sampler";
        }

        @Override
        public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
            if (step.globalStep() == WARM_UP_STEP) {
                System.gc();
                afterWarmUp = Pointer.physicalBytes();
                trackedAfterWarmUp = Pointer.totalBytes();
            }
        }

        @Override
        public void onFitEnd(TrainerView trainer) {
            System.gc();
            atEnd = Pointer.physicalBytes();
            trackedAtEnd = Pointer.totalBytes();
        }
    }

    @Test
    void residentMemoryStaysFlatOverThousandsOfSteps() {
        MemorySampler sampler = new MemorySampler();
        // 2,400 steps: 600 samples / batch 1 ... kept small per step so the test runs in seconds
        try (Trainer trainer = new TrainerFixture().samples(1200).batchSize(4)
                .config(new TrainerConfig(8, 2400, "cpu", 1, 0, 0, 1, 1.0, 0.0, false))
                .checkpoint(new ModelCheckpoint.Params("val/loss", 0, 0, false))
                .callback(sampler).build(runs, "memory")) {
            FitResult result = trainer.fit();
            assertThat(result.position().globalStep()).isEqualTo(2400);
        }
        long growth = sampler.atEnd - sampler.afterWarmUp;
        System.out.printf("RSS after warm-up %d MiB, at end %d MiB, growth %d KiB; JavaCPP-tracked %d -> %d bytes%n",
                sampler.afterWarmUp >> 20, sampler.atEnd >> 20, growth >> 10, sampler.trackedAfterWarmUp, sampler.trackedAtEnd);
        assertThat(growth).as("resident memory growth after warm-up").isLessThan(BOUND_BYTES);
        assertThat(sampler.trackedAtEnd - sampler.trackedAfterWarmUp).as("JavaCPP-tracked native bytes growth")
                .isLessThan(1L << 20);
    }
}
