package dev.nla.tensor.problems.dg;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantizedDgOperatorTest {
    /** Carry splitting against the assembled operator I (x) K1 + P (x) K2 on vec(U). */
    @ParameterizedTest
    @ValueSource(strings = {"24", "4,6", "2,3,4", "3,2,2,2", "1,24", "4,1,6", "24,1", "2,12"})
    void applyMatchesTheAssembledOperator(String spec) {
        int[] digits = java.util.Arrays.stream(spec.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int ne = IntStream.of(digits).reduce(1, (a, b) -> a * b);
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(2, ne, 1.3));
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, digits);
        int[] shape = q.modeSizes();
        int[] ranks = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ranks[i] = Math.min(shape[i], 2);
        }
        TuckerTensor x = TestTensors.gaussianTucker(shape, ranks, RngState.seed(ne + digits.length));
        DenseTensor full = Reconstruction.full(x);
        DenseMatrix expected = Blas.multiply(dg.toSparse(), DenseMatrix.wrap(3 * ne, 1, full.data()));
        DenseTensor actual = Reconstruction.full(q.apply(x));
        // Entries are sums of a few products of O(a/dx) blocks with O(1) tensor entries.
        assertThatMatrix(DenseMatrix.wrap(3 * ne, 1, actual.data())).isCloseTo(expected, 1e-11);
    }

    @Test
    void applyHasOneCellTermAndOneCarryTermPerDigit() {
        QuantizedDgOperator q = QuantizedDgOperator.of(DgAdvectionOperator.of(new DgOptions(1, 24, 1.0)), 2, 3, 4);
        TuckerTensor x = TestTensors.gaussianTucker(q.modeSizes(), new int[] {1, 1, 1, 1}, RngState.seed(2));
        assertThat(q.apply(x).size()).isEqualTo(4);
    }

    @Test
    void matrixAndTuckerFormsRoundTrip() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(3, 16, 1.0));
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, 4, 4);
        DenseMatrix u = dg.project(x -> Math.sin(2 * Math.PI * x));
        assertThatMatrix(q.toMatrix(q.toTucker(u))).isCloseTo(u, 1e-15);
    }

    @Test
    void applyOnTheTuckerFormMatchesTheFullGridApply() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(4, 32, 1.0));
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, 4, 8);
        DenseMatrix u = dg.project(x -> Math.exp(Math.sin(2 * Math.PI * x)));
        DenseMatrix viaTucker = q.toMatrix(TuckerTensor.ofDense(Reconstruction.full(q.apply(q.toTucker(u)))));
        assertThatMatrix(viaTucker).isCloseTo(dg.apply(u), 1e-9);
    }

    @Test
    void digitsMustMultiplyToTheElementCount() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(1, 24, 1.0));
        assertThatThrownBy(() -> QuantizedDgOperator.of(dg, 4, 5))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[4, 5]")
                .hasMessageContaining("20")
                .hasMessageContaining("24");
    }

    @Test
    void zeroDigitIsRefused() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(1, 24, 1.0));
        assertThatThrownBy(() -> QuantizedDgOperator.of(dg, 24, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits[1]");
    }

    @Test
    void tensorOfTheWrongShapeIsRefused() {
        QuantizedDgOperator q = QuantizedDgOperator.of(DgAdvectionOperator.of(new DgOptions(1, 24, 1.0)), 4, 6);
        TuckerTensor wrong = TestTensors.gaussianTucker(new int[] {2, 6, 4}, new int[] {1, 1, 1}, RngState.seed(3));
        assertThatThrownBy(() -> q.apply(wrong))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[2, 6, 4]")
                .hasMessageContaining("[2, 4, 6]");
    }
}
