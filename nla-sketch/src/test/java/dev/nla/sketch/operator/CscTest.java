package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CscTest {
    @Test
    void fromRowsSumsDuplicatesAndSortsColumnsByRow() {
        // row 0: (col 2, 1), (col 0, 2), (col 2, 3); row 1: (col 0, 5)
        Csc c = Csc.fromRows(2, 3, new int[] {0, 3, 4}, new int[] {2, 0, 2, 0}, new double[] {1, 2, 3, 5});
        assertThat(c.ptr).containsExactly(0, 2, 2, 3);
        assertThat(c.idx).containsExactly(0, 1, 0);
        assertThat(c.val).containsExactly(2, 5, 4);
    }

    @Test
    void fromRowsKeepsCancelledDuplicatesAsExplicitZeros() {
        Csc c = Csc.fromRows(1, 1, new int[] {0, 2}, new int[] {0, 0}, new double[] {1, -1});
        assertThat(c.val).containsExactly(0.0);
    }

    @Test
    void blockKeepsTheEntriesInsideAndReindexes() {
        Csc c = Csc.fromRows(3, 3, new int[] {0, 2, 3, 5}, new int[] {0, 2, 1, 0, 2}, new double[] {1, 2, 3, 4, 5});
        Csc b = c.block(1, 1, 2, 2);
        // rows 1..2, cols 1..2: (1,1) = 3, (2,2) = 5
        assertThat(b.ptr).containsExactly(0, 1, 2);
        assertThat(b.idx).containsExactly(0, 1);
        assertThat(b.val).containsExactly(3, 5);
    }
}
