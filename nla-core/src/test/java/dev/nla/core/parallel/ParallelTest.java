package dev.nla.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelTest {
    @ParameterizedTest
    @CsvSource({"10, 3, 1", "10, 3, 4", "0, 2, 1", "7, 7, 1", "100, 4, 8"})
    void splitCoversTheRangeWithAlignedInnerBoundaries(int n, int parts, int align) {
        int[] b = Parallel.split(n, parts, align);
        assertThat(b[0]).isZero();
        assertThat(b[parts]).isEqualTo(n);
        for (int p = 1; p < parts; p++) {
            assertThat(b[p]).isBetween(b[p - 1], n);
            assertThat(b[p] % align == 0 || b[p] == n).isTrue();
        }
    }

    @Test
    void forRangesVisitsEveryItemOnce() {
        AtomicIntegerArray hits = new AtomicIntegerArray(1000);
        Parallel.forRanges(1000, 3, 8, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(hits.get(i)).isEqualTo(1);
        }
    }

    @Test
    void forEachRethrowsAPartsException() {
        assertThatThrownBy(() -> Parallel.forEach(3, p -> {
                    if (p == 1) {
                        throw new IllegalStateException("part 1 failed");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("part 1 failed");
    }

    @Test
    void partsIsOneForSmallWork() {
        assertThat(Parallel.parts(4, 100, 1)).isEqualTo(1);
    }

    @Test
    void partsNeverExceedsTheItems() {
        assertThat(Parallel.parts(4, 2, 1L << 30)).isLessThanOrEqualTo(2);
    }

    @Test
    void partsNeverExceedsTheThreadCount() {
        assertThat(Parallel.parts(3, 1000, 1L << 20)).isEqualTo(3);
    }

    @Test
    void splitOfALargeAlignedRangeDoesNotOverflow() {
        int n = Integer.MAX_VALUE - 7;
        int[] bounds = Parallel.split(n, 3, 64);
        assertThat(bounds).isSorted().startsWith(0).endsWith(n);
    }
}
