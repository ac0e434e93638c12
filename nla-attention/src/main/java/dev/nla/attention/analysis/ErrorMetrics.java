package dev.nla.attention.analysis;

import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Error metrics of approximate attention (attention spec, E2): for an approximation \(\tilde X\) of
 * \(X\),
 * \[ \varepsilon_F = \frac{\|\tilde X - X\|_F}{\|X\|_F},\qquad \varepsilon_2 = \frac{\|\tilde X -
 *    X\|_2}{\|X\|_2},\qquad \varepsilon_\infty = \max_{ij} |\tilde x_{ij} - x_{ij}|, \]
 * and the normalisation of the KDEformer/HyperAttention guarantees, \(\|\tilde O - O\|_2 /
 * (\|A\|_2\|V\|_2)\). Spectral norms are the largest singular value from nla-core's SVD (exact, \(O(mn
 * \min(m, n))\)); Frobenius sums are accumulated in double with scaling-free plain sums (inputs are
 * attention outputs of moderate size, no overflow).
 */
public final class ErrorMetrics {
    private ErrorMetrics() {}

    /**
     * \(\|\tilde X - X\|_F / \|X\|_F\).
     *
     * @param approx    \(\tilde X\); not modified; must be finite
     * @param reference \(X\), same shape; not modified; must be finite
     * @return the relative Frobenius error (\(+\infty\) for a nonzero error against \(X = 0\), 0 if
     *     both are zero)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes differ
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public static double relativeFrobenius(Matrix approx, Matrix reference) {
        check(approx, reference);
        double num = 0;
        double den = 0;
        for (int j = 0; j < reference.cols(); j++) {
            for (int i = 0; i < reference.rows(); i++) {
                double x = reference.get(i, j);
                double diff = approx.get(i, j) - x;
                num += diff * diff;
                den += x * x;
            }
        }
        return ratio(Math.sqrt(num), Math.sqrt(den));
    }

    /**
     * \(\|\tilde X - X\|_2 / \|X\|_2\).
     *
     * @param approx    \(\tilde X\); not modified; must be finite
     * @param reference \(X\), same shape; not modified; must be finite
     * @return the relative spectral error (\(+\infty\) for a nonzero error against \(X = 0\), 0 if
     *     both are zero)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes differ
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public static double relativeSpectral(Matrix approx, Matrix reference) {
        check(approx, reference);
        return ratio(spectralNorm(difference(approx, reference)), spectralNorm(reference));
    }

    /**
     * \(\|\tilde O - O\|_2 / (\|A\|_2\|V\|_2)\), the spectral error normalised as in the KDEformer and
     * HyperAttention guarantees.
     *
     * @param approx    \(\tilde O\); not modified; must be finite
     * @param reference \(O = AV\), same shape; not modified; must be finite
     * @param attention \(A\); not modified; must be finite
     * @param values    \(V\); not modified; must be finite
     * @return the normalised spectral error
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(\tilde O\) and \(O\) differ in shape
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public static double normalizedSpectral(Matrix approx, Matrix reference, Matrix attention, Matrix values) {
        check(approx, reference);
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(values, "values");
        return ratio(spectralNorm(difference(approx, reference)), spectralNorm(attention) * spectralNorm(values));
    }

    /**
     * \(\max_{ij}|\tilde x_{ij} - x_{ij}|\).
     *
     * @param approx    \(\tilde X\); not modified; must be finite
     * @param reference \(X\), same shape; not modified; must be finite
     * @return the largest absolute entry difference
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes differ
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public static double maxAbs(Matrix approx, Matrix reference) {
        check(approx, reference);
        double max = 0;
        for (int j = 0; j < reference.cols(); j++) {
            for (int i = 0; i < reference.rows(); i++) {
                max = Math.max(max, Math.abs(approx.get(i, j) - reference.get(i, j)));
            }
        }
        return max;
    }

    /**
     * \(\|X\|_2 = \sigma_1(X)\).
     *
     * @param x the matrix; not modified; must be finite
     * @return the spectral norm (0 for an empty matrix)
     * @throws NullPointerException    if {@code x} is null
     * @throws NonFiniteValueException if an entry is NaN or infinite
     */
    public static double spectralNorm(Matrix x) {
        Objects.requireNonNull(x, "x");
        if (x.rows() == 0 || x.cols() == 0) {
            return 0;
        }
        return Decompositions.svd().singularValues(x)[0];
    }

    private static void check(Matrix approx, Matrix reference) {
        Objects.requireNonNull(approx, "approx");
        Objects.requireNonNull(reference, "reference");
        Require.sameShape("error metric", approx, reference);
        Require.allFinite("approx", approx);
        Require.allFinite("reference", reference);
    }

    private static DenseMatrix difference(Matrix approx, Matrix reference) {
        DenseMatrix d = DenseMatrix.zeros(reference.rows(), reference.cols());
        for (int j = 0; j < reference.cols(); j++) {
            for (int i = 0; i < reference.rows(); i++) {
                d.set(i, j, approx.get(i, j) - reference.get(i, j));
            }
        }
        return d;
    }

    private static double ratio(double num, double den) {
        if (den == 0) {
            return num == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return num / den;
    }
}
