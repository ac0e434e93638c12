package dev.nla.tensor.solve;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The inverse \(\mathcal P^{-1}\) of a preconditioner that acts on Tucker tensors without changing
 * their ranks, such as \(\mathcal P = P \otimes I \otimes \cdots \otimes I\), for which
 * \(\mathcal P^{-1}[\![\mathcal G; U_1, \dots, U_d]\!] = [\![\mathcal G; U_1, \dots, P^{-1}U_k,
 * \dots, U_d]\!]\) (one solve with \(r_k\) right-hand sides).
 */
@FunctionalInterface
public interface TuckerPreconditioner {
    /**
     * Applies \(\mathcal P^{-1}\).
     *
     * @param x \(\mathcal X\); not modified
     * @return \(\mathcal P^{-1}\mathcal X\), same ranks
     * @throws NullPointerException if {@code x} is null
     */
    TuckerTensor applyInverse(TuckerTensor x);

    /**
     * No preconditioning: \(\mathcal P = I\).
     *
     * @return the identity preconditioner (returns its argument)
     */
    static TuckerPreconditioner identity() {
        return x -> Objects.requireNonNull(x, "x");
    }

    /**
     * \(\mathcal P^{-1}\) acting on one factor: \(U_k \mapsto S(U_k)\) for a map \(S\) of the
     * \(n_k \times r_k\) factor to an \(n_k \times r_k\) matrix (typically the solve with a
     * factored \(P\)).
     *
     * @param mode  the 0-based mode \(k\)
     * @param solve \(S\); must not modify its argument and must keep its shape
     * @return the preconditioner
     * @throws NullPointerException     if {@code solve} is null
     * @throws IllegalArgumentException if {@code mode} is negative
     */
    static TuckerPreconditioner onMode(int mode, UnaryOperator<DenseMatrix> solve) {
        Objects.requireNonNull(solve, "solve");
        if (mode < 0) {
            throw new IllegalArgumentException("mode must be non-negative, got " + mode);
        }
        return x -> {
            Objects.requireNonNull(x, "x");
            Objects.checkIndex(mode, x.order());
            DenseMatrix u = x.factor(mode);
            DenseMatrix v = solve.apply(u);
            if (v.rows() != u.rows() || v.cols() != u.cols()) {
                throw new DimensionMismatchException("the preconditioner solve on mode " + mode + " returned "
                        + v.rows() + "x" + v.cols() + " for a " + u.rows() + "x" + u.cols() + " factor");
            }
            return x.withFactor(mode, v);
        };
    }
}
