package dev.nla.sketch.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;

class KroneckerSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        int[] modes = TestShapes.modes(m);
        return KroneckerSketch.gaussian(TestShapes.factor(d, modes.length), modes);
    }

    @Test
    void sketchOfAMatrixIsTheTwoSidedProductOfTheFactors() {
        // S vec(X) = alpha vec(R1 X R2^T), vec with the first index fastest
        RngState state = RngState.seed(1);
        int[] rows = {3, 2};
        int[] modes = {5, 4};
        KroneckerSketch law = KroneckerSketch.gaussian(rows, modes);
        DenseMatrix x = Inputs.dense(5, 4, 2);
        DenseMatrix vec = DenseMatrix.wrap(x.toColumnMajorArray().clone(), 0, 20, 1, 20);
        DenseMatrix y = law.sample(state).value().applyLeft(vec);
        DenseMatrix r1 = RandomMatrices.generate(5, 3, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 0))
                .value()
                .transpose();
        DenseMatrix r2 = RandomMatrices.generate(4, 2, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 1))
                .value()
                .transpose();
        DenseMatrix left = Inputs.multiply(r1, x);
        DenseMatrix expected = Inputs.multiply(left, r2.transpose());
        // two nested products: the bound of the composed product |R1||X||R2^T|, twice
        DenseMatrix absLeft = Inputs.multiply(abs(r1), abs(x));
        DenseMatrix bound = Inputs.multiply(absLeft, abs(r2.transpose()));
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 3; i++) {
                double e = law.scale() * expected.get(i, j);
                double b = 4 * Tolerances.gamma(10) * law.scale() * bound.get(i, j);
                assertThat(y.get(i + 3 * j, 0)).isCloseTo(e, org.assertj.core.data.Offset.offset(b));
            }
        }
    }

    private static DenseMatrix abs(DenseMatrix a) {
        DenseMatrix r = a.copy();
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                r.set(i, j, Math.abs(a.get(i, j)));
            }
        }
        return r;
    }

    @Test
    void singleModeEqualsTheDenseSketchOfTheFactorStream() {
        RngState state = RngState.seed(3);
        DenseMatrix k = KroneckerSketch.gaussian(new int[] {4}, new int[] {9})
                .sample(state)
                .value()
                .toDense();
        DenseMatrix dense = DenseSketch.gaussian(4, 9)
                .sample(Sketching.factor(state, 0))
                .value()
                .toDense();
        assertThatMatrix(k).isBitwiseEqualTo(dense);
    }

    @Test
    void rowsAndColumnsAreTheProducts() {
        KroneckerSketch law = KroneckerSketch.sign(new int[] {2, 3}, new int[] {5, 7});
        assertThat(law.rows()).isEqualTo(6);
        assertThat(law.cols()).isEqualTo(35);
    }

    @Test
    void rejectsMismatchedModeCounts() {
        assertThatThrownBy(() -> KroneckerSketch.gaussian(new int[] {2, 3}, new int[] {5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 1");
    }

    @Test
    void rejectsAZeroRowSize() {
        assertThatThrownBy(() -> KroneckerSketch.gaussian(new int[] {2, 0}, new int[] {5, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowSizes[1] = 0");
    }
}
