package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertThat(Timing.summarize(new double[] {5, 1, 3}).median()).isEqualTo(3.0);
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleValues() {
        assertThat(Timing.summarize(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }

    @Test
    void summaryHasMinMaxAndCount() {
        Timing.Result r = Timing.summarize(new double[] {4, 1, 3, 2});
        assertThat(new double[] {r.min(), r.max(), r.repetitions()}).containsExactly(1, 4, 4);
    }

    @Test
    void runsWarmupThenRepetitions() {
        AtomicInteger calls = new AtomicInteger();
        Timing.Result r = Timing.measure(calls::incrementAndGet, new Timing.Plan(2, 0.0, 5, 10.0));
        assertThat(new int[] {calls.get(), r.repetitions()}).containsExactly(7, 5);
    }

    @Test
    void slowWarmupRunCapsTheRepetitions() {
        AtomicInteger calls = new AtomicInteger();
        Runnable slow = () -> {
            calls.incrementAndGet();
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 2_000_000L) {
                Thread.onSpinWait();
            }
        };
        // budget 1 ms, each run at least 2 ms: one warm-up run, then at most 3 timed runs
        Timing.Result r = Timing.measure(slow, new Timing.Plan(4, 0.0, 9, 0.001));
        assertThat(new int[] {calls.get(), r.repetitions()}).containsExactly(4, 3);
    }

    @Test
    void planRejectsZeroRepetitions() {
        assertThatThrownBy(() -> new Timing.Plan(0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repetitions");
    }

    @Test
    void emptySummaryIsRejected() {
        assertThatThrownBy(() -> Timing.summarize(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
