package dev.nla.core.decomp.internal;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reflector kernels against naive explicit products. A computed reflector is orthogonal to
 * \(O(u)\) and \(\hat H x = (\beta, 0)\) to \(O(nu)\|x\|\) [Higham 2002, Lemma 19.1]; block
 * reflectors and their products agree with the explicit matrices to \(O(mu)\), hence the bounds
 * \(c\,m\,u\) with \(c = 10\) used below.
 */
class HouseholderTest {
    private static final Backend BACKEND = Backends.scalar(1);

    /** H = I - tau v v^T as an explicit matrix, from the column of a packed factor. */
    private static DenseMatrix explicitReflector(int m, DenseMatrix packed, int j, double tau) {
        DenseMatrix h = DenseMatrix.identity(m);
        double[] v = new double[m];
        v[j] = 1;
        for (int i = j + 1; i < m; i++) {
            v[i] = packed.get(i, j);
        }
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                h.add(r, c, -tau * v[r] * v[c]);
            }
        }
        return h;
    }

    private static DenseMatrix explicitProduct(DenseMatrix packed, double[] tau) {
        int m = packed.rows();
        DenseMatrix q = DenseMatrix.identity(m);
        for (int j = 0; j < tau.length; j++) {
            q = LapackRatios.product(q, explicitReflector(m, packed, j, tau[j]));
        }
        return q;
    }

    private static double[] applyGenerated(double[] x) {
        double[] a = x.clone();
        double tau = Householder.generate(a.length, a, 0, 1, 1);
        // H x with v = (1, a[1:]).
        double dot = x[0];
        for (int i = 1; i < x.length; i++) {
            dot += a[i] * x[i];
        }
        double[] hx = new double[x.length];
        hx[0] = x[0] - tau * dot;
        for (int i = 1; i < x.length; i++) {
            hx[i] = x[i] - tau * a[i] * dot;
        }
        return new double[] {tau, a[0], hx[0], maxAbs(hx, 1)};
    }

    private static double maxAbs(double[] v, int from) {
        double m = 0;
        for (int i = from; i < v.length; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    @Test
    void generatesTheTextbookReflector() {
        double[] a = {3, 4};
        double tau = Householder.generate(2, a, 0, 1, 1);
        // beta = -sign(3) * 5, v = (1, 4 / (3 + 5)), tau = (beta - alpha) / beta = 8 / 5.
        assertThat(new double[] {tau, a[0], a[1]}).containsExactly(new double[] {1.6, -5, 0.5}, within(1e-15));
    }

    @Test
    void zeroTailGivesTheIdentity() {
        double[] a = {-2, 0, 0, 0};
        double tau = Householder.generate(4, a, 0, 1, 1);
        assertThat(new double[] {tau, a[0]}).containsExactly(0.0, -2.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-310, 1e-200, 1, 1e200, 1e300})
    void annihilatesTheTailAtEveryScale(double scale) {
        double[] x = new double[7];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale * (i % 2 == 0 ? 1.5 : -0.75) * (i + 1);
        }
        double norm = LapackRatios.frobenius(DenseMatrix.columnVector(x));
        double[] r = applyGenerated(x);
        // |beta| = ||x|| to O(u) relative, the tail of H x vanishes to O(n u ||x||), tau in [1, 2].
        assertThat(Math.abs(r[1])).isCloseTo(norm, within(10 * 7 * Tolerances.U * norm));
        assertThat(r[3]).isLessThanOrEqualTo(10 * 7 * Tolerances.U * norm);
        assertThat(r[0]).isBetween(1.0, 2.0);
    }

    @Test
    void blockFactorMatchesTheProductOfReflectors() {
        DenseMatrix a = TestMatrices.gaussian(23, 9, RngState.seed(1));
        double[] tau = new double[9];
        Householder.factorUnblocked(BACKEND, a, tau, 0);
        DenseMatrix t = DenseMatrix.zeros(9, 9);
        Householder.formT(BACKEND, a, tau, 0, t);
        // I - V T V^T, with V the unit lower trapezoidal part of a.
        DenseMatrix v = DenseMatrix.zeros(23, 9);
        for (int j = 0; j < 9; j++) {
            v.set(j, j, 1);
            for (int i = j + 1; i < 23; i++) {
                v.set(i, j, a.get(i, j));
            }
        }
        DenseMatrix upperT = DenseMatrix.zeros(9, 9);
        for (int j = 0; j < 9; j++) {
            for (int i = 0; i <= j; i++) {
                upperT.set(i, j, t.get(i, j));
            }
        }
        DenseMatrix vtv = LapackRatios.product(v, upperT, LapackRatios.transpose(v));
        DenseMatrix blockForm = DenseMatrix.identity(23);
        for (int j = 0; j < 23; j++) {
            for (int i = 0; i < 23; i++) {
                blockForm.add(i, j, -vtv.get(i, j));
            }
        }
        assertThatMatrix(blockForm).isCloseTo(explicitProduct(a, tau), 10 * 23 * Tolerances.U * 23);
    }

    @ParameterizedTest
    @EnumSource(Transpose.class)
    void blockReflectorFromTheLeftMatchesTheExplicitProduct(Transpose trans) {
        DenseMatrix a = TestMatrices.gaussian(30, 8, RngState.seed(2));
        double[] tau = new double[8];
        Householder.factorUnblocked(BACKEND, a, tau, 0);
        DenseMatrix t = DenseMatrix.zeros(8, 8);
        Householder.formT(BACKEND, a, tau, 0, t);
        DenseMatrix c = TestMatrices.gaussian(30, 5, RngState.seed(3));
        DenseMatrix h = explicitProduct(a, tau);
        DenseMatrix op = trans == Transpose.TRANSPOSE ? LapackRatios.transpose(h) : h;
        DenseMatrix expected = LapackRatios.product(op, c);
        Householder.applyBlockLeft(BACKEND, trans, a, t, c, DenseMatrix.zeros(8, 5));
        assertThatMatrix(c).isCloseTo(expected, 10 * 30 * Tolerances.U * LapackRatios.frobenius(expected));
    }

    @ParameterizedTest
    @EnumSource(Transpose.class)
    void blockReflectorFromTheRightMatchesTheExplicitProduct(Transpose trans) {
        DenseMatrix a = TestMatrices.gaussian(30, 8, RngState.seed(4));
        double[] tau = new double[8];
        Householder.factorUnblocked(BACKEND, a, tau, 0);
        DenseMatrix t = DenseMatrix.zeros(8, 8);
        Householder.formT(BACKEND, a, tau, 0, t);
        DenseMatrix c = TestMatrices.gaussian(6, 30, RngState.seed(5));
        DenseMatrix h = explicitProduct(a, tau);
        DenseMatrix op = trans == Transpose.TRANSPOSE ? LapackRatios.transpose(h) : h;
        DenseMatrix expected = LapackRatios.product(c, op);
        Householder.applyBlockRight(BACKEND, trans, a, t, c, DenseMatrix.zeros(6, 8));
        assertThatMatrix(c).isCloseTo(expected, 10 * 30 * Tolerances.U * LapackRatios.frobenius(expected));
    }

    @Test
    void recursivePanelAndUnblockedFactorizationAgree() {
        DenseMatrix a = TestMatrices.gaussian(200, 70, RngState.seed(8));
        DenseMatrix unblocked = a.copy();
        double[] tau1 = new double[70];
        Householder.factorUnblocked(BACKEND, unblocked, tau1, 0);
        DenseMatrix recursive = a.copy();
        HouseholderQr.factorBlocked(BACKEND, recursive, false);
        // Same reflectors in exact arithmetic; the rounding differs only in the order of the
        // updates: R agrees to O(n u ||A||).
        DenseMatrix r1 = new dev.nla.core.decomp.CompactQr(unblocked, tau1).r();
        DenseMatrix r2 = new dev.nla.core.decomp.CompactQr(recursive, new double[70]).r();
        assertThatMatrix(r2).isCloseTo(r1, 10 * 200 * Tolerances.U * LapackRatios.frobenius(a));
    }
}
