package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.testing.Tolerances;

/**
 * An operator under test together with its naive model: the explicit matrix {@code explicit}
 * (computed by {@link Naive}), an entrywise magnitude {@code magnitude} and a rounding depth {@code
 * depth}, from which the error bound of an apply follows.
 *
 * <p><b>The bound.</b> For an explicit matrix the GEMM bound is \(|\hat Y - AX| \le \gamma_n
 * |A||X|\) [Higham 2002, §3.5], for the operator and the naive reference alike, so the two differ by
 * at most \(2\gamma_{n+2}|A||X|\): that is {@link Tolerances#gemmBound}. Composition keeps this form
 * with \(|A|\) replaced by a magnitude \(M\) and \(n\) by \(n + d\): a sum adds one rounding
 * (\(M_A + M_B\), \(d = \max(d_A, d_B) + 1\)), a scale one (\(|c|M_A\), \(d_A + 1\)), a product
 * \(AB\) with inner dimension \(p\) adds \(p\) (\(M_AM_B\), \(d_A + d_B + p\)), because \(\gamma_a +
 * \gamma_b + \gamma_a\gamma_b \le \gamma_{a+b}\); a Kronecker product adds the rounding of
 * \(a_{ij}b_{kl}\) (\(M_A \otimes M_B\), \(d_A + d_B + 1\)), and its fast apply, which sums over
 * \(q\) and then \(s\) terms, stays within it since \(q + s \le qs + 1\). Both the operator and the
 * reference are within \(\gamma_{n+d+2}MX\) of the exact result, so
 * \[ |\hat Y - Y_{\text{ref}}| \le 2\gamma_{n+d+2}\,M|X| + \text{MIN\_NORMAL}, \]
 * the generalized GEMM bound computed by {@link #applyBound}. (For \(d = 0\) it is exactly
 * {@code Tolerances.gemmBound(1, M, X, 0, .)}.)
 *
 * @param op          the operator under test
 * @param explicit    its explicit matrix, computed naively
 * @param magnitude   the entrywise magnitude \(M \ge |A|\) that the rounding errors scale with
 * @param depth       the number \(d\) of extra roundings in forming {@code explicit}
 * @param description how the operator was built, for failure messages
 */
record OperatorCase(LinearOperator op, DenseMatrix explicit, DenseMatrix magnitude, int depth, String description) {
    /** An operator whose explicit matrix is exact ({@code depth} 0, magnitude \(|A|\)). */
    static OperatorCase leaf(LinearOperator op, Matrix explicit, String description) {
        DenseMatrix e = explicit.toDense().copy();
        return new OperatorCase(op, e, Naive.abs(e), 0, description);
    }

    int rows() {
        return explicit.rows();
    }

    int cols() {
        return explicit.cols();
    }

    /** The explicit matrix of \(\operatorname{op}(A)\). */
    DenseMatrix explicit(Transpose trans) {
        return trans.isTranspose() ? Naive.transpose(explicit) : explicit;
    }

    /** The naive reference \(\operatorname{op}(A)X\). */
    DenseMatrix reference(Transpose trans, Matrix x) {
        return Naive.multiply(explicit(trans), x);
    }

    /**
     * The bound \(2\gamma_{n+d+2}\,M_{\operatorname{op}}|X| + \text{MIN\_NORMAL}\) on \(|\hat Y -
     * \operatorname{op}(A)X|\) (see the class comment).
     */
    DenseMatrix applyBound(Transpose trans, Matrix x) {
        return bound(trans, 1.0, x, 0.0, x, 2);
    }

    /**
     * The bound on \(\alpha\,\operatorname{op}(A)X + \beta Y\): \(2\gamma_{n+d+4}(|\alpha|M|X| +
     * |\beta||Y|)\) plus MIN_NORMAL (two more roundings: the scaling and the addition).
     */
    DenseMatrix applyBound(Transpose trans, double alpha, Matrix x, double beta, Matrix y) {
        return bound(trans, alpha, x, beta, y, 4);
    }

    private DenseMatrix bound(Transpose trans, double alpha, Matrix x, double beta, Matrix y, int extra) {
        DenseMatrix m = trans.isTranspose() ? Naive.transpose(magnitude) : magnitude;
        DenseMatrix mx = Naive.multiply(m, Naive.abs(x));
        double g = 2 * Tolerances.gamma((long) x.rows() + depth + extra);
        DenseMatrix bound = DenseMatrix.zeros(mx.rows(), mx.cols());
        for (int i = 0; i < mx.rows(); i++) {
            for (int j = 0; j < mx.cols(); j++) {
                double t = Math.abs(alpha) * mx.get(i, j) + (beta == 0 ? 0 : Math.abs(beta * y.get(i, j)));
                bound.set(i, j, g * t + Double.MIN_NORMAL);
            }
        }
        return bound;
    }

    /** The case of \(A^{\mathsf T}\) built by {@link LinearOperator#transpose()}. */
    OperatorCase transposed() {
        return new OperatorCase(
                op.transpose(),
                Naive.transpose(explicit),
                Naive.transpose(magnitude),
                depth,
                "(" + description + ")^T");
    }

    /** The case of \(cA\). */
    OperatorCase scaled(double c) {
        return new OperatorCase(
                op.scale(c),
                Naive.scale(c, explicit),
                Naive.scale(Math.abs(c), magnitude),
                depth + 1,
                c + "*(" + description + ")");
    }

    /** The case of \(A + B\). */
    OperatorCase plus(OperatorCase other) {
        return new OperatorCase(
                op.plus(other.op),
                Naive.add(explicit, other.explicit),
                Naive.add(magnitude, other.magnitude),
                Math.max(depth, other.depth) + 1,
                "(" + description + ") + (" + other.description + ")");
    }

    /** The case of \(AB\). */
    OperatorCase times(OperatorCase other) {
        return new OperatorCase(
                op.times(other.op),
                Naive.multiply(explicit, other.explicit),
                Naive.multiply(magnitude, other.magnitude),
                depth + other.depth + cols(),
                "(" + description + ") * (" + other.description + ")");
    }

    /** The case of \(A \otimes B\). */
    OperatorCase kron(OperatorCase other) {
        return new OperatorCase(
                LinearOperator.kronecker(op, other.op),
                Naive.kronecker(explicit, other.explicit),
                Naive.kronecker(magnitude, other.magnitude),
                depth + other.depth + 1,
                "(" + description + ") kron (" + other.description + ")");
    }

    @Override
    public String toString() {
        return rows() + "x" + cols() + " " + description;
    }
}
