package dev.nla.sketch.rangefinder;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Fixed-rank randomized range finder with power (subspace) iteration [HMT 2011, Alg. 4.3 and 4.4;
 * Martinsson and Tropp 2020, Alg. 9]:
 * \[ Y = (AA^{\mathsf T})^q A\Omega, \qquad Q = \operatorname{orth}(Y), \qquad B = Q^{\mathsf T}A, \]
 * with \(\Omega = S^{\mathsf T} \in \mathbb{R}^{n \times \ell}\), \(S\) drawn from the options' {@link
 * SubspaceIterationOptions#testMatrix() sketch family}.
 *
 * <p><b>Algorithm.</b> Pass 1 forms \(Y = A\Omega\); each power iteration forms \(Z = A^{\mathsf
 * T}Y\) and then \(Y = AZ\), and the block just formed is stabilised after every \(s\)-th pass
 * (\(s\) = {@link SubspaceIterationOptions#passesPerStabilisation()}, see {@link Stabiliser}). The
 * final \(Y\) is orthonormalized by Householder QR and \(B = (A^{\mathsf T}Q)^{\mathsf T}\) takes one
 * more pass: \(2q + 2\) passes and \((2q + 2)\ell\) matrix-vector products in all.
 *
 * <p><b>Guarantee</b> (Gaussian \(\Omega\), \(\ell = k + p\), \(p \ge 2\), \(q = 0\)) [HMT 2011, Thm
 * 10.5, 10.6]:
 * \[ \mathbb{E}\|A - QQ^{\mathsf T}A\|_F \le \Bigl(1 + \tfrac{k}{p-1}\Bigr)^{1/2}\Bigl(\sum_{j \gt
 * k}\sigma_j^2\Bigr)^{1/2}; \]
 * with \(q\) iterations the same holds for \((AA^{\mathsf T})^qA\), whose singular values are
 * \(\sigma_j^{2q+1}\), so the spectral-norm error tends to \(\sigma_{k+1}\) as \(q\) grows [HMT
 * 2011, Cor. 10.10].
 *
 * <p><b>Error estimate.</b> For an explicit matrix, \(\|A - QB\|_F^2 = \|A\|_F^2 - \|B\|_F^2\)
 * (\(Q\) orthonormal); the estimate is its square root, exact up to rounding but computed by a
 * subtraction, so it resolves errors down to about \(10^{-7}\|A\|_F\) only. A matrix-free input
 * has no estimate.
 */
public final class SubspaceIteration implements RangeFinder {
    private final SubspaceIterationOptions options;

    /**
     * A finder with the given options.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public SubspaceIteration(SubspaceIterationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A finder with {@link SubspaceIterationOptions#defaults()}: \(q = 2\), LU after every pass,
     * Gaussian test matrix.
     *
     * @return the finder
     */
    public static SubspaceIteration withDefaults() {
        return new SubspaceIteration(SubspaceIterationOptions.defaults());
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SubspaceIterationOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here {@code size} is the basis size \(\ell\) (capped at \(\min(m, n)\)); the result has
     * exactly \(\ell\) columns. The operator \(S\) is drawn from {@code state}; the returned state is
     * its {@link dev.nla.sketch.operator.SketchingDistribution#sample next} state.
     *
     * @throws ArithmeticException if the iteration produced NaN or infinities: overflow (only
     *     possible with {@link Stabiliser#NONE} or rare stabilisation and large \(q\)) or NaN from a
     *     matrix-free operator; the message names the pass
     */
    @Override
    public Sampled<QbResult> find(LinearOperator a, int size, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Sampled<Run> run = run(ca, size, state);
        DenseMatrix q = run.value().basis;
        DenseMatrix b = Dense.apply(ca, Transpose.TRANSPOSE, q).transpose();
        int passes = run.value().passes + 1;
        OptionalDouble estimate = OptionalDouble.empty();
        if (ca.frobeniusNorm().isPresent()) {
            double normA = ca.frobeniusNorm().getAsDouble();
            estimate = OptionalDouble.of(Math.sqrt(Math.max(0.0, normA * normA - Dense.frobeniusSquared(b))));
        }
        return new Sampled<>(new QbResult(q, b, estimate, true, passes, (long) passes * q.cols()), run.next());
    }

    /**
     * The orthonormal basis \(Q\) alone, without \(B\) (one pass fewer: \(2q + 1\) passes).
     *
     * @param a     \(A\), \(m \times n\); not modified; an explicit matrix must be finite
     * @param size  \(\ell \ge 1\), capped at \(\min(m, n)\)
     * @param state the random stream; not modified
     * @return \(Q\), \(m \times \ell\), and the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code size < 1} or \(A\) is empty
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     * @throws ArithmeticException      if the iteration produced NaN or infinities
     */
    public Sampled<DenseMatrix> basis(LinearOperator a, int size, RngState state) {
        Sampled<Run> run = run(CheckedOperator.of(a, "a"), size, state);
        return new Sampled<>(run.value().basis, run.next());
    }

    /** A basis and the passes it took. */
    private record Run(DenseMatrix basis, int passes) {}

    private Sampled<Run> run(CheckedOperator a, int size, RngState state) {
        Objects.requireNonNull(state, "state");
        int ell = checkedSize(a, size);
        int q = options.powerIterations();
        Stabiliser stabiliser = options.stabiliser().resolve(q);
        int every = options.passesPerStabilisation();
        Sampled<SketchingOperator> draw = options.testMatrix().of(ell, a.cols()).sample(state);
        DenseMatrix y = Dense.sketchRight(draw.value(), a);
        int pass = 1;
        try {
            for (int i = 0; i < q; i++) {
                if (pass % every == 0) {
                    y = stabiliser.applyInPlace(y);
                }
                DenseMatrix z = Dense.apply(a, Transpose.TRANSPOSE, y);
                pass++;
                if (pass % every == 0) {
                    z = stabiliser.applyInPlace(z);
                }
                y = Dense.apply(a, Transpose.NO_TRANSPOSE, z);
                pass++;
            }
        } catch (NonFiniteValueException e) {
            throw overflow(pass, q, stabiliser, every);
        }
        if (!Dense.allFinite(y)) {
            throw overflow(pass, q, stabiliser, every);
        }
        return new Sampled<>(new Run(Dense.orthonormal(y), pass), draw.next());
    }

    private static ArithmeticException overflow(int pass, int q, Stabiliser stabiliser, int every) {
        return new ArithmeticException("subspace iteration produced NaN or infinite values by pass " + pass
                + " (q = " + q + ", stabiliser " + stabiliser + " every " + every
                + " passes): overflow, so stabilise more often or use fewer power iterations, or NaN"
                + " from a matrix-free operator");
    }

    /**
     * Validates the size parameter against the operator and caps it at \(\min(m, n)\).
     *
     * @param a    the operator
     * @param size the requested size
     * @return \(\min(\text{size}, m, n)\)
     */
    static int checkedSize(LinearOperator a, int size) {
        Require.positive("size", size);
        if (a.rows() == 0 || a.cols() == 0) {
            throw new IllegalArgumentException("a range finder needs a non-empty operator, got " + a.shape());
        }
        return Math.min(size, Math.min(a.rows(), a.cols()));
    }

    @Override
    public String toString() {
        return "SubspaceIteration" + options;
    }
}
