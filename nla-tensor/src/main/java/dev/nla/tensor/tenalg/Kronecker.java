package dev.nla.tensor.tenalg;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Kronecker product \(A_1 \otimes \cdots \otimes A_q\) of matrices \(A_i \in \mathbb{R}^{m_i
 * \times c_i}\), with the standard block order (the indices of the <em>last</em> factor vary
 * fastest):
 * \[ (A \otimes B)[i\,m_B + j,\; a\,c_B + b] = A[i, a]\,B[j, b]. \]
 * For a tensor with the first index fastest, \(\operatorname{vec}(\mathcal X \times_1 A_1 \cdots
 * \times_d A_d) = (A_d \otimes \cdots \otimes A_1)\operatorname{vec}(\mathcal X)\) and
 * \(X_{(k)} = U_k G_{(k)} (U_d \otimes \cdots \otimes U_{k+1} \otimes U_{k-1} \otimes \cdots \otimes
 * U_1)^{\mathsf T}\) for a Tucker tensor ({@link #forUnfolding}) [Kolda and Bader 2009, §2.6].
 *
 * <p>The explicit product is for tests and small cases; {@link #operator} applies the product
 * without forming it, through {@code nla-core}'s {@link LinearOperator#kronecker(LinearOperator...)}
 * (mode-by-mode products; the same kernel as a Kronecker core sketch).
 */
public final class Kronecker {
    private Kronecker() {}

    /**
     * The explicit product \(A_1 \otimes \cdots \otimes A_q\).
     *
     * @param factors \(A_1, \dots, A_q\), \(q \ge 1\) (any views); not modified
     * @return a new \((\prod m_i) \times (\prod c_i)\) matrix
     * @throws NullPointerException       if the array or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix product(DenseMatrix... factors) {
        Objects.requireNonNull(factors, "factors");
        return product(Arrays.asList(factors));
    }

    /**
     * The explicit product of a list of factors.
     *
     * @param factors \(A_1, \dots, A_q\), \(q \ge 1\); not modified
     * @return a new \((\prod m_i) \times (\prod c_i)\) matrix
     * @throws NullPointerException       if the list or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix product(List<DenseMatrix> factors) {
        Objects.requireNonNull(factors, "factors");
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a Kronecker product needs at least one factor, got 0");
        }
        long rows = 1;
        long cols = 1;
        for (int i = 0; i < factors.size(); i++) {
            DenseMatrix f = Objects.requireNonNull(factors.get(i), "factors[" + i + "]");
            rows *= Math.max(f.rows(), 1);
            cols *= Math.max(f.cols(), 1);
            if (rows * cols > DenseMatrix.MAX_ELEMENTS) {
                throw new SizeLimitExceededException(
                        "explicit Kronecker product of " + factors.size() + " factors",
                        rows * cols,
                        DenseMatrix.MAX_ELEMENTS);
            }
        }
        DenseMatrix k = factors.get(factors.size() - 1).copy();
        for (int f = factors.size() - 2; f >= 0; f--) {
            k = pair(factors.get(f), k);
        }
        return k;
    }

    /**
     * The product \(U_d \otimes \cdots \otimes U_{k+1} \otimes U_{k-1} \otimes \cdots \otimes U_1\) of a
     * mode-\(k\) unfolding of a Tucker tensor (explicit; for tests and small cases).
     *
     * @param perMode \(U_1, \dots, U_d\); the entry for mode \(k\) is ignored and may be {@code
     *     null}; not modified
     * @param mode    0-based \(k\), or \(-1\) for all modes (\(U_d \otimes \cdots \otimes U_1\))
     * @return a new matrix; the \(1 \times 1\) matrix \([1]\) when no factor remains
     * @throws NullPointerException       if the list or a used factor is null
     * @throws IndexOutOfBoundsException  if {@code mode} is neither \(-1\) nor a valid index
     * @throws IllegalArgumentException   if the list is empty
     * @throws SizeLimitExceededException if the result would be too large
     */
    public static DenseMatrix forUnfolding(List<DenseMatrix> perMode, int mode) {
        Objects.requireNonNull(perMode, "perMode");
        if (perMode.isEmpty()) {
            throw new IllegalArgumentException("forUnfolding needs one factor per mode, got none");
        }
        if (mode != -1) {
            Objects.checkIndex(mode, perMode.size());
        }
        List<DenseMatrix> reversed = new ArrayList<>();
        for (int l = perMode.size() - 1; l >= 0; l--) {
            if (l != mode) {
                reversed.add(Objects.requireNonNull(perMode.get(l), "perMode[" + l + "]"));
            }
        }
        if (reversed.isEmpty()) {
            return DenseMatrix.identity(1);
        }
        return product(reversed);
    }

    /**
     * \(A_1 \otimes \cdots \otimes A_q\) as an operator that never forms the product (delegates to
     * {@link LinearOperator#kronecker(LinearOperator...)}; see its cost).
     *
     * @param factors \(A_1, \dots, A_q\), \(q \ge 1\); shared (later changes are seen)
     * @return the operator
     * @throws NullPointerException       if the array or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws SizeLimitExceededException if the row or column count exceeds {@link Integer#MAX_VALUE}
     */
    public static LinearOperator operator(DenseMatrix... factors) {
        Objects.requireNonNull(factors, "factors");
        if (factors.length == 0) {
            throw new IllegalArgumentException("a Kronecker product needs at least one factor, got 0");
        }
        LinearOperator[] ops = new LinearOperator[factors.length];
        for (int i = 0; i < factors.length; i++) {
            ops[i] = LinearOperator.of(Objects.requireNonNull(factors[i], "factors[" + i + "]"));
        }
        return LinearOperator.kronecker(ops);
    }

    /** \(A \otimes B\). */
    private static DenseMatrix pair(DenseMatrix a, DenseMatrix b) {
        int ma = a.rows();
        int ca = a.cols();
        int mb = b.rows();
        int cb = b.cols();
        DenseMatrix out = DenseMatrix.zeros(ma * mb, ca * cb);
        for (int ja = 0; ja < ca; ja++) {
            for (int jb = 0; jb < cb; jb++) {
                int col = ja * cb + jb;
                for (int ia = 0; ia < ma; ia++) {
                    double s = a.get(ia, ja);
                    for (int ib = 0; ib < mb; ib++) {
                        out.set(ia * mb + ib, col, s * b.get(ib, jb));
                    }
                }
            }
        }
        return out;
    }
}
