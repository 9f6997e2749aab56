package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataSplitsTest {

    @Test
    void closingClosesEveryResourceEvenAfterAFailure() {
        List<String> closed = new ArrayList<>();
        DataSplits splits = new DataSplits(new EmptyLoader(), new EmptyLoader(), new EmptyLoader(),
                new DataSpec(new long[] {1}, 2)).owning(List.of(() -> {
                    closed.add("a");
                    throw new IllegalStateException("disk gone");
                }, () -> closed.add("b")));
        assertThatThrownBy(splits::close).hasMessageContaining("disk gone");
        assertThat(closed).containsExactly("a", "b");
    }
}
