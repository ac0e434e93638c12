package dev.nla.core;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.RealMatrixConversions;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/matrices.md} and {@code docs/operators.md}, statement for statement,
 * with the printed values asserted instead of printed.
 */
class DocsExamplesTest {
    @Test
    void matricesExample() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
        DenseMatrix block = a.view(1, 1, 2, 2);
        block.set(0, 0, -6);
        SparseMatrix s = SparseMatrix.builder(3, 3)
                .add(2, 0, 1.0)
                .add(0, 1, 2.0)
                .add(2, 0, 0.5)
                .build(SparseMatrix.Format.CSR);
        org.hipparchus.linear.RealMatrix h = RealMatrixConversions.toHipparchus(a);
        double det = new org.hipparchus.linear.LUDecomposition(RealMatrixConversions.toHipparchus(a.view(0, 0, 3, 3)))
                .getDeterminant();
        DenseMatrix back = RealMatrixConversions.fromHipparchus(h);
        // det [[1 2 3]; [5 -6 7]; [9 10 11]] = 192. LU with partial pivoting on this well-conditioned
        // 3x3 matrix gives it to a few ulps (ulp(192) = 2.8e-14), far inside 1e-12.
        assertThat(new Object[] {
                    a.get(1, 1), block.ld(), s.get(2, 0), s.transpose().format(), back.get(1, 1)
                })
                .containsExactly(-6.0, 3, 1.5, SparseMatrix.Format.CSC, -6.0);
        assertThat(det).isCloseTo(192.0, within(1e-12));
    }

    @Test
    void operatorsExample() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        DenseMatrix b = DenseMatrix.of(new double[][] {{0, 1, 0}, {1, 0, 1}});
        LinearOperator kron = LinearOperator.kronecker(LinearOperator.of(a), LinearOperator.of(b));
        DenseMatrix x = DenseMatrix.columnVector(1, 2, 3, 4, 5, 6);
        DenseMatrix y = kron.apply(x);

        LinearOperator op =
                LinearOperator.of(a).scale(2).plus(LinearOperator.identity(2)).transpose();
        DenseMatrix z = DenseMatrix.zeros(2, 2);
        op.apply(Transpose.NO_TRANSPOSE, DenseMatrix.identity(2), z);

        LinearOperator shift = LinearOperator.fromFunctions(
                3,
                3,
                (in, out) -> {
                    for (int j = 0; j < in.cols(); j++) {
                        for (int i = 0; i < 3; i++) {
                            out.set((i + 1) % 3, j, in.get(i, j));
                        }
                    }
                },
                (in, out) -> {
                    for (int j = 0; j < in.cols(); j++) {
                        for (int i = 0; i < 3; i++) {
                            out.set(i, j, in.get((i + 1) % 3, j));
                        }
                    }
                });
        // Small integers: every product and sum is exact, so the printed values are exact.
        assertThat(new String[] {y.toString(), z.toString(), shift.toDense().toString()})
                .containsExactly(
                        "DenseMatrix 4x1 [12.0; 24.0; 26.0; 52.0]",
                        "DenseMatrix 2x2 [3.0 6.0; 4.0 9.0]",
                        "DenseMatrix 3x3 [0.0 0.0 1.0; 1.0 0.0 0.0; 0.0 1.0 0.0]");
        assertThatMatrix(shift.transpose().toDense())
                .isBitwiseEqualTo(shift.toDense().transpose());
    }
}
