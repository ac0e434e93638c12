package dev.nla.attention.analysis;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * The singular-value spectrum of an attention matrix \(A = \operatorname{softmax}_{\text{row}}(sQK^{\mathsf
 * T} + M)\) and its effective ranks (attention spec, E1): \(\sigma_1 \ge \sigma_2 \ge \dots \ge 0\)
 * from nla-core's exact SVD, and
 * \[ k_{f} = \min\Bigl\{k : \textstyle\sum_{j \le k}\sigma_j^2 \ge f\sum_j \sigma_j^2\Bigr\}, \]
 * the smallest rank capturing a fraction \(f\) of \(\|A\|_F^2\) (\(k_{90}\), \(k_{99}\)): by
 * Eckart–Young the best rank-\(k_f\) approximation has relative Frobenius error \(\le \sqrt{1 - f}\).
 * The mean row maximum \(\frac1n\sum_i\max_j A_{ij}\) measures peakedness (\(1/m\) for uniform rows,
 * 1 for one-hot rows).
 *
 * @param singularValues \(\sigma_1 \ge \dots \ge \sigma_{\min(n,m)}\)
 * @param meanRowMax     \(\frac1n\sum_i \max_j A_{ij}\), or NaN if unknown (spectrum of a general
 *     matrix)
 */
public record AttentionSpectrum(double[] singularValues, double meanRowMax) {
    /**
     * Validates and copies.
     *
     * @param singularValues the singular values, non-increasing, non-negative; copied
     * @param meanRowMax     the mean row maximum
     * @throws NullPointerException     if {@code singularValues} is null
     * @throws IllegalArgumentException if the values are empty, negative or increasing
     */
    public AttentionSpectrum {
        Objects.requireNonNull(singularValues, "singularValues");
        if (singularValues.length == 0) {
            throw new IllegalArgumentException("a spectrum needs at least one singular value");
        }
        singularValues = singularValues.clone();
        for (int j = 0; j < singularValues.length; j++) {
            if (!(singularValues[j] >= 0) || (j > 0 && singularValues[j] > singularValues[j - 1])) {
                throw new IllegalArgumentException("singular values must be non-negative and non-increasing; sigma[" + j
                        + "] = " + singularValues[j]);
            }
        }
    }

    /**
     * The spectrum of the exact attention matrix of \(Q\) and \(K\) (forms the \(n \times m\) matrix;
     * for analysis at moderate sizes).
     *
     * @param q       \(Q\), \(n \times d\); not modified; must be finite
     * @param k       \(K\), \(m \times d\); not modified; must be finite
     * @param mask    the mask
     * @param scaling the score scale
     * @return the spectrum with the mean row maximum
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if \(Q\) and \(K\) differ in columns
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     * @throws SizeLimitExceededException if \(nm\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static AttentionSpectrum of(Matrix q, Matrix k, AttentionMask mask, Scaling scaling) {
        DenseMatrix a = DenseAttention.attentionMatrix(q, k, mask, scaling);
        double rowMax = 0;
        for (int i = 0; i < a.rows(); i++) {
            double max = 0;
            for (int j = 0; j < a.cols(); j++) {
                max = Math.max(max, a.get(i, j));
            }
            rowMax += max;
        }
        return new AttentionSpectrum(Decompositions.svd().singularValues(a), rowMax / a.rows());
    }

    /**
     * The spectrum of any matrix (no row-maximum statistic).
     *
     * @param a the matrix, at least \(1 \times 1\); not modified; must be finite
     * @return the spectrum, {@link #meanRowMax()} NaN
     * @throws NullPointerException     if {@code a} is null
     * @throws IllegalArgumentException if {@code a} is empty
     * @throws NonFiniteValueException  if an entry is NaN or infinite
     */
    public static AttentionSpectrum ofMatrix(Matrix a) {
        Objects.requireNonNull(a, "a");
        if (a.rows() == 0 || a.cols() == 0) {
            throw new IllegalArgumentException("empty matrix " + a.rows() + "x" + a.cols() + " has no spectrum");
        }
        return new AttentionSpectrum(Decompositions.svd().singularValues(a), Double.NaN);
    }

    /**
     * The singular values.
     *
     * @return a copy, non-increasing
     */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /**
     * \(\sigma_k / \sigma_1\) (1-based \(k\)).
     *
     * @param k index, \(1 \le k \le\) the number of singular values
     * @return the relative singular value (0 if \(\sigma_1 = 0\))
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public double relative(int k) {
        Require.inRange("k", k, 1, singularValues.length);
        return singularValues[0] == 0 ? 0 : singularValues[k - 1] / singularValues[0];
    }

    /**
     * The effective rank \(k_f\).
     *
     * @param fraction \(f \in (0, 1]\)
     * @return the smallest \(k\) with \(\sum_{j \le k}\sigma_j^2 \ge f\|A\|_F^2\) (0 for a zero matrix)
     * @throws IllegalArgumentException if \(f \notin (0, 1]\)
     */
    public int effectiveRank(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("energy fraction must be in (0, 1], got " + fraction);
        }
        double total = 0;
        for (double s : singularValues) {
            total += s * s;
        }
        if (total == 0) {
            return 0;
        }
        double target = fraction * total;
        double acc = 0;
        for (int j = 0; j < singularValues.length; j++) {
            acc += singularValues[j] * singularValues[j];
            // A relative slack of a few ulps so that f = 1 is reached despite rounding in the sums.
            if (acc >= target * (1 - 4 * Math.ulp(1.0))) {
                return j + 1;
            }
        }
        return singularValues.length;
    }

    /**
     * \(k_{90}\).
     *
     * @return the effective rank at 90% of the energy
     */
    public int k90() {
        return effectiveRank(0.90);
    }

    /**
     * \(k_{99}\).
     *
     * @return the effective rank at 99% of the energy
     */
    public int k99() {
        return effectiveRank(0.99);
    }
}
