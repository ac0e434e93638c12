package dev.nla.core.operator;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * The naive reference twin of the operators: explicit triple loops over {@link Matrix#get}, with no
 * call into {@code dev.nla.core.blas} or the operator package, so the operators are checked against
 * independent code.
 */
final class Naive {
    private Naive() {}

    /** \(AB\) by the textbook triple loop, summing over \(p\) in increasing order. */
    static DenseMatrix multiply(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("naive multiply: " + a.shape() + " times " + b.shape());
        }
        DenseMatrix c = DenseMatrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    /** \(A^{\mathsf T}\). */
    static DenseMatrix transpose(Matrix a) {
        DenseMatrix t = DenseMatrix.zeros(a.cols(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }

    /** \(\alpha A + \beta B\), entry by entry. */
    static DenseMatrix combine(double alpha, Matrix a, double beta, Matrix b) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c.set(i, j, alpha * a.get(i, j) + beta * b.get(i, j));
            }
        }
        return c;
    }

    /** \(A + B\). */
    static DenseMatrix add(Matrix a, Matrix b) {
        return combine(1, a, 1, b);
    }

    /** \(\alpha A\). */
    static DenseMatrix scale(double alpha, Matrix a) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c.set(i, j, alpha * a.get(i, j));
            }
        }
        return c;
    }

    /** \(|A|\), entry by entry. */
    static DenseMatrix abs(Matrix a) {
        return map(a, Math::abs);
    }

    /** The explicit Kronecker product: entry \((ir + k, js + l)\) is \(a_{ij}b_{kl}\). */
    static DenseMatrix kronecker(Matrix a, Matrix b) {
        int r = b.rows();
        int s = b.cols();
        DenseMatrix c = DenseMatrix.zeros(a.rows() * r, a.cols() * s);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                for (int k = 0; k < r; k++) {
                    for (int l = 0; l < s; l++) {
                        c.set(i * r + k, j * s + l, a.get(i, j) * b.get(k, l));
                    }
                }
            }
        }
        return c;
    }

    /** The identity of order \(n\). */
    static DenseMatrix identity(int n) {
        DenseMatrix e = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            e.set(i, i, 1.0);
        }
        return e;
    }

    /** A new matrix filled with {@code value}. */
    static DenseMatrix filled(int rows, int cols, double value) {
        DenseMatrix c = DenseMatrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c.set(i, j, value);
            }
        }
        return c;
    }

    /** {@code f} applied to every entry. */
    static DenseMatrix map(Matrix a, java.util.function.DoubleUnaryOperator f) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                c.set(i, j, f.applyAsDouble(a.get(i, j)));
            }
        }
        return c;
    }

    /** Copies {@code source} into {@code target} entry by entry (shapes must agree). */
    static void copy(Matrix source, DenseMatrix target) {
        for (int i = 0; i < source.rows(); i++) {
            for (int j = 0; j < source.cols(); j++) {
                target.set(i, j, source.get(i, j));
            }
        }
    }
}
