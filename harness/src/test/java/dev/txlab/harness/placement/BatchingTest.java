package dev.txlab.harness.placement;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchingTest {
    @Test
    void parsesASizeAndALinger() {
        assertThat(Batching.parse(32, "0")).isEqualTo(Batching.DEFAULT);
        assertThat(Batching.parse(8, "2ms")).isEqualTo(new Batching(8, Duration.ofMillis(2)));
        assertThat(Batching.parse(8, "500us").linger()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Batching.parse(1, "0").naive()).isTrue();
    }

    @Test
    void refusesWhatCannotBeMeantAndSaysWhatWouldDo() {
        assertThatThrownBy(() -> Batching.parse(0, "0")).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> Batching.parse(8, "2")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Batching.parse(8, "soon")).hasMessageContaining("such as 500us or 2ms");
        assertThatThrownBy(() -> Batching.parse(8, "5000ms")).hasMessageContaining("0 to 1000 ms");
        assertThatThrownBy(() -> Batching.parse(1, "2ms")).hasMessageContaining("give --batch above 1");
    }
}
