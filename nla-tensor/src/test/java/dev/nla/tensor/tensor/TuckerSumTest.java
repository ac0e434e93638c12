package dev.nla.tensor.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants and bad input of {@link TuckerSum}. */
class TuckerSumTest {
    private static TuckerTensor tucker(int[] n, int[] r) {
        DenseMatrix[] f = new DenseMatrix[n.length];
        for (int k = 0; k < n.length; k++) {
            f[k] = DenseMatrix.zeros(n[k], r[k]);
        }
        return TuckerTensor.of(DenseTensor.zeros(r), f);
    }

    @Test
    void emptySumIsRejected() {
        assertThatThrownBy(() -> TuckerSum.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty sum");
    }

    @Test
    void mismatchedModeSizesAreNamed() {
        TuckerTensor a = tucker(new int[] {4, 5, 6}, new int[] {2, 2, 2});
        TuckerTensor b = tucker(new int[] {4, 7, 6}, new int[] {2, 2, 2});
        assertThatThrownBy(() -> TuckerSum.of(a, b))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("summand 1")
                .hasMessageContaining("[4, 7, 6]")
                .hasMessageContaining("[4, 5, 6]");
    }

    @Test
    void mismatchedOrdersAreNamed() {
        TuckerTensor a = tucker(new int[] {4, 5}, new int[] {2, 2});
        TuckerTensor b = tucker(new int[] {4, 5, 6}, new int[] {2, 2, 2});
        assertThatThrownBy(() -> TuckerSum.of(a, b))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("order 3");
    }

    @Test
    void rankLargerThanModeSizeIsRejected() {
        TuckerTensor a = tucker(new int[] {4, 3}, new int[] {2, 5});
        assertThatThrownBy(() -> TuckerSum.of(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r_2 = 5")
                .hasMessageContaining("n_2 = 3");
    }

    @Test
    void nonFiniteScalarIsRejected() {
        TuckerTensor a = tucker(new int[] {4, 3}, new int[] {2, 2});
        assertThatThrownBy(() -> TuckerSum.of(new double[] {1.0, Double.NaN}, List.of(a, a)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("alphas[1]");
    }

    @Test
    void scalarCountMustMatch() {
        TuckerTensor a = tucker(new int[] {4, 3}, new int[] {2, 2});
        assertThatThrownBy(() -> TuckerSum.of(new double[] {1.0}, List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 scalars and 2 summands");
    }

    @Test
    void formalRanksAddUp() {
        TuckerSum s =
                TuckerSum.of(tucker(new int[] {9, 9}, new int[] {2, 3}), tucker(new int[] {9, 9}, new int[] {4, 1}));
        assertThat(s.formalRanks()).containsExactly(6, 4);
        assertThat(s.maxRanks()).containsExactly(4, 3);
    }

    @Test
    void activeFormalRanksSkipZeroScalars() {
        TuckerSum s = TuckerSum.of(
                new double[] {1.0, 0.0, -2.0},
                List.of(
                        tucker(new int[] {9, 9}, new int[] {2, 3}),
                        tucker(new int[] {9, 9}, new int[] {4, 1}),
                        tucker(new int[] {9, 9}, new int[] {1, 5})));
        assertThat(s.activeFormalRanks()).containsExactly(3, 8);
        assertThat(s.formalRanks()).containsExactly(7, 9);
    }

    @Test
    void plusAppendsAndScaleMultiplies() {
        TuckerTensor a = tucker(new int[] {4, 3}, new int[] {2, 2});
        TuckerSum s = TuckerSum.single(2.0, a).plus(-1.0, a).scale(3.0);
        assertThat(s.alphas()).containsExactly(6.0, -3.0);
    }

    @Test
    void concatRejectsOtherModeSizes() {
        TuckerSum a = TuckerSum.of(tucker(new int[] {4, 3}, new int[] {2, 2}));
        TuckerSum b = TuckerSum.of(tucker(new int[] {4, 5}, new int[] {2, 2}));
        assertThatThrownBy(() -> a.concat(b)).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void scaleRejectsOverflow() {
        TuckerSum s = TuckerSum.single(1e300, tucker(new int[] {4, 3}, new int[] {2, 2}));
        assertThatThrownBy(() -> s.scale(1e300)).isInstanceOf(NonFiniteValueException.class);
    }

    @Test
    void requireFiniteNamesTheSummand() {
        TuckerTensor good = tucker(new int[] {4, 3}, new int[] {2, 2});
        TuckerTensor bad = tucker(new int[] {4, 3}, new int[] {2, 2});
        bad.core().set(Double.NaN, 1, 1);
        TuckerSum s = TuckerSum.of(good, bad);
        assertThatThrownBy(s::requireFinite)
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("summand 1 core");
    }
}
