package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
    private static Table table() {
        return Table.builder().text("impl").integer("n").real("gflops", 4).build();
    }

    @Test
    void integersAreWidenedToLong() {
        Table t = table().addRow("vector", 64, 1.5);
        assertThat(t.get(0, "n")).isEqualTo(64L);
    }

    @Test
    void numbersInRealColumnsBecomeDoubles() {
        Table t = table().addRow("vector", 64, 3);
        assertThat(t.get(0, 2)).isEqualTo(3.0);
    }

    @Test
    void wrongArityIsRejected() {
        assertThatThrownBy(() -> table().addRow("vector", 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values")
                .hasMessageContaining("3 columns");
    }

    @Test
    void wrongTypeIsRejectedNamingTheColumn() {
        assertThatThrownBy(() -> table().addRow("vector", "64", 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'")
                .hasMessageContaining("INTEGER");
    }

    @Test
    void unknownColumnListsTheColumns() {
        assertThatThrownBy(() -> table().columnIndex("time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[impl, n, gflops]");
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        assertThatThrownBy(() -> Table.builder().text("a").real("a", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void columnReturnsValuesInRowOrder() {
        Table t = table().addRow("a", 1, 1.0).addRow("b", 2, null);
        assertThat(t.column("gflops")).containsExactly(1.0, null);
    }
}
