package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.TestMatrices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties over random shapes and seeds (fixed jqwik seed, so the run is reproducible): the
 * LAPACK ratios stay below 30 and the invariants of the results hold for every shape.
 */
class DecompositionPropertiesTest {
    @Property(tries = 60, seed = "20261123")
    void svdMeetsTheRatiosOnRandomShapes(
            @ForAll @IntRange(min = 0, max = 40) int m, @ForAll @IntRange(min = 0, max = 40) int n, @ForAll long seed) {
        DenseMatrix a = TestMatrices.gaussian(m, n, RngState.seed(seed));
        SvdResult r = Decompositions.svd().decompose(a);
        assertThat(LapackRatios.residualRatio(a, LapackRatios.scaleColumns(r.u(), r.singularValues()), r.vt()))
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.orthogonalityRatio(r.u())).isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.rowOrthogonalityRatio(r.vt())).isLessThan(LapackRatios.THRESHOLD);
    }

    @Property(tries = 60, seed = "20261124")
    void transposeHasTheSameSingularValues(
            @ForAll @IntRange(min = 1, max = 30) int m, @ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
        DenseMatrix a = TestMatrices.gaussian(m, n, RngState.seed(seed));
        double[] s = Decompositions.svd().singularValues(a);
        double[] t = Decompositions.svd().singularValues(a.transpose());
        for (int i = 0; i < s.length; i++) {
            // both are backward stable: |s_i - t_i| = O(max(m, n) u sigma_1)
            assertThat(Math.abs(s[i] - t[i])).isLessThanOrEqualTo(1e-13 * s[0]);
        }
    }

    @Property(tries = 60, seed = "20261125")
    void symmetricEigenMeetsTheRatiosOnRandomOrders(@ForAll @IntRange(min = 0, max = 60) int n, @ForAll long seed) {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(n, RngState.seed(seed));
        EigenResult r = Decompositions.symmetricEigen().decompose(a, EigenOrder.DESCENDING);
        assertThat(LapackRatios.residualRatio(
                        a,
                        LapackRatios.scaleColumns(r.eigenvectors(), r.eigenvalues()),
                        LapackRatios.transpose(r.eigenvectors())))
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.orthogonalityRatio(r.eigenvectors())).isLessThan(LapackRatios.THRESHOLD);
    }

    @Property(tries = 40, seed = "20261126")
    void traceEqualsTheSumOfEigenvalues(@ForAll @IntRange(min = 1, max = 50) int n, @ForAll long seed) {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(n, RngState.seed(seed));
        double trace = 0.0;
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            trace += a.get(i, i);
        }
        double sum = 0.0;
        for (double l : Decompositions.symmetricEigen().eigenvalues(a, EigenOrder.ASCENDING)) {
            sum += l;
            norm = Math.max(norm, Math.abs(l));
        }
        // each eigenvalue carries an absolute error O(n u ||A||)
        assertThat(Math.abs(sum - trace)).isLessThanOrEqualTo(n * n * 1e-15 * Math.max(1.0, norm));
    }
}
