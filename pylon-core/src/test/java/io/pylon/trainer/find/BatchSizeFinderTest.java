package io.pylon.trainer.find;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;

class BatchSizeFinderTest {

    private static BatchSizeFinder.TrialRunner fitsUpTo(int limit) {
        return b -> new BatchSizeFinder.Trial(b, b <= limit, OptionalLong.of(b * 1000L), b <= limit ? "" : "too big");
    }

    @Test
    void doublesUntilAFailureThenBinarySearchesTheLargestFit() {
        BatchSizeFinder.Params params = new BatchSizeFinder.Params(2, 1 << 16, 1, 1);
        BatchSizeFinder.Result result = BatchSizeFinder.search(params, fitsUpTo(37), () -> 1_000_000);
        assertThat(result.suggestion()).isEqualTo(37);
        assertThat(result.limitedBy()).isEqualTo("memory");
        assertThat(result.trials()).map(BatchSizeFinder.Trial::batchSize)
                .containsExactly(2, 4, 8, 16, 32, 64, 48, 40, 36, 38, 37);
    }

    @Test
    void neverTriesMoreThanTheTrainSplitHolds() {
        BatchSizeFinder.Result result = BatchSizeFinder.search(new BatchSizeFinder.Params(2, 1 << 16, 1, 1),
                fitsUpTo(Integer.MAX_VALUE), () -> 100);
        assertThat(result.suggestion()).isEqualTo(100);
        assertThat(result.limitedBy()).isEqualTo("dataset");
        assertThat(result.trials()).map(BatchSizeFinder.Trial::batchSize).containsExactly(2, 4, 8, 16, 32, 64, 100);
    }

    @Test
    void stopsAtTheConfiguredMaximum() {
        BatchSizeFinder.Result result = BatchSizeFinder.search(new BatchSizeFinder.Params(3, 20, 1, 1),
                fitsUpTo(Integer.MAX_VALUE), () -> 1000);
        assertThat(result.suggestion()).isEqualTo(20);
        assertThat(result.limitedBy()).isEqualTo("max_batch_size");
    }

    @Test
    void whenEvenTheFirstBatchDoesNotFitTheErrorSaysWhatToDo() {
        assertThatThrownBy(() -> BatchSizeFinder.search(new BatchSizeFinder.Params(1, 64, 1, 1), fitsUpTo(0), () -> 10))
                .isInstanceOf(PylonUserException.class)
                .hasMessageContaining("batch size 1 does not fit (too big)")
                .hasMessageContaining("bf16-mixed").hasMessageContaining("--memory-budget");
    }
}
