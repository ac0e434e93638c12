package dev.nla.tensor.problems.dg;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The DG transport operator \(L = I \otimes K_1 + P \otimes K_2\) on a quantized (tensorized)
 * element index: construction A of the Tucker-summation spec (§3.4).
 *
 * <p>Write \(N_e = n_1n_2\cdots n_q\) and the element index as \(j = j_1 + n_1j_2 + n_1n_2j_3 +
 * \cdots\) (the first digit fastest), so the DG coefficients \(U \in \mathbb{R}^{(k+1) \times N_e}\)
 * are the tensor \(\mathcal U \in \mathbb{R}^{(k+1) \times n_1 \times \cdots \times n_q}\), \(d = q +
 * 1\), with \(\mathcal U(l, j_1, \dots, j_q) = U_{l, j}\) (the same array: both are first-index
 * fastest). The periodic shift \(j \mapsto j - 1\) borrows across digits, which splits it into \(q\)
 * Kronecker terms ("carry" terms): term \(p\) covers the indices whose first \(p - 1\) digits are 0,
 * \[ P_{N_e} = \sum_{p=1}^{q} I_{n_q} \otimes \cdots \otimes I_{n_{p+1}} \otimes S_p \otimes
 *    E_{n_{p-1}} \otimes \cdots \otimes E_{n_1}, \]
 * where \(E = e_0e_{n-1}^{\mathsf T}\) (digit \(n - 1\) borrows into digit 0), \(S_p\) is the
 * non-periodic down-shift (\((S x)_i = x_{i-1}\), \((Sx)_0 = 0\)) for \(p \lt q\) and the periodic
 * shift for \(p = q\) (the wrap-around of the whole index). Hence for \(\mathcal U = [\![\mathcal G;
 * V, W_1, \dots, W_q]\!]\)
 * \[ L\mathcal U = [\![\mathcal G; K_1V, W_1, \dots, W_q]\!] + \sum_{p=1}^{q} [\![\mathcal G; K_2V,
 *    EW_1, \dots, EW_{p-1}, S_pW_p, W_{p+1}, \dots, W_q]\!], \]
 * a sum of \(q + 1\) Tucker tensors sharing the core (a term with a digit of size 1 and \(p \lt q\)
 * vanishes and is left out). Cost: \(O((k+1)^2r_0 + \sum_i n_ir_i)\) per term.
 *
 * <p>Why construction A: it turns the 1D problem into a genuine order-\(q + 1\) tensor without
 * adding parameters, the grid functions of smooth data are of low rank in the digits (for instance
 * \(\sin(2\pi(x_a + x_b)) = \sin(2\pi x_a)\cos(2\pi x_b) + \cos(2\pi x_a)\sin(2\pi x_b)\) has rank 2
 * per digit), and the operator keeps the Kronecker structure that makes every Runge–Kutta stage a
 * sum of Tucker tensors. Construction B ({@link ParametricDgOperator}: modes element, speed and data
 * parameter) adds parameter modes along which the transport is independent; it says nothing about
 * compressing the element index, but its large element mode carrying moderate ranks is where the
 * summation cost of the deterministic rounding lies (the setting of T13d).
 */
public final class QuantizedDgOperator implements DgTuckerOperator {
    private final DgAdvectionOperator dg;
    private final int[] digits;
    private final int[] modeSizes;
    private final DenseMatrix k1;
    private final DenseMatrix k2;

    private QuantizedDgOperator(DgAdvectionOperator dg, int[] digits) {
        this.dg = dg;
        this.digits = digits;
        this.modeSizes = new int[digits.length + 1];
        modeSizes[0] = dg.options().degree() + 1;
        System.arraycopy(digits, 0, modeSizes, 1, digits.length);
        this.k1 = dg.selfBlock();
        this.k2 = dg.neighbourBlock();
    }

    /**
     * The quantized operator for a factorization \(N_e = n_1 \cdots n_q\).
     *
     * @param dg     the DG operator
     * @param digits \(n_1, \dots, n_q\), each \(\ge 1\), \(q \ge 1\), product \(N_e\); copied
     * @return the operator on \(\mathbb{R}^{(k+1) \times n_1 \times \cdots \times n_q}\)
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if {@code digits} is empty or holds a value below 1
     * @throws DimensionMismatchException if the product of the digits is not \(N_e\)
     */
    public static QuantizedDgOperator of(DgAdvectionOperator dg, int... digits) {
        Objects.requireNonNull(dg, "dg");
        Objects.requireNonNull(digits, "digits");
        if (digits.length == 0) {
            throw new IllegalArgumentException("need at least one digit");
        }
        long product = 1;
        for (int i = 0; i < digits.length; i++) {
            Require.positive("digits[" + i + "]", digits[i]);
            product *= digits[i];
            if (product > Integer.MAX_VALUE) {
                break;
            }
        }
        if (product != dg.options().elements()) {
            throw new DimensionMismatchException("the digits " + Arrays.toString(digits) + " multiply to " + product
                    + ", the DG mesh has N_e = " + dg.options().elements() + " elements");
        }
        return new QuantizedDgOperator(dg, digits.clone());
    }

    /**
     * The DG operator.
     *
     * @return the operator
     */
    @Override
    public DgAdvectionOperator dg() {
        return dg;
    }

    @Override
    public int[] modeSizes() {
        return modeSizes.clone();
    }

    /**
     * \(L\mathcal U\) as an unrounded sum of at most \(q + 1\) Tucker tensors sharing the core (see
     * the class comment): summand 0 is the cell term, then the carry terms \(p = 1, \dots, q\).
     *
     * @param x \(\mathcal U\), mode sizes \((k + 1, n_1, \dots, n_q)\); not modified (shared)
     * @return the sum, all scalars 1
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    @Override
    public TuckerSum apply(TuckerTensor x) {
        checkShape(x);
        int q = digits.length;
        List<TuckerTensor> terms = new ArrayList<>(q + 1);
        terms.add(x.withFactor(0, Blas.multiply(k1, x.factor(0))));
        DenseMatrix k2v = Blas.multiply(k2, x.factor(0));
        for (int p = 1; p <= q; p++) {
            if (p < q && digits[p - 1] == 1) {
                continue; // the non-periodic shift of a single digit value is zero
            }
            List<DenseMatrix> f = new ArrayList<>(x.factors());
            f.set(0, k2v);
            for (int i = 1; i < p; i++) {
                f.set(i, borrow(x.factor(i)));
            }
            f.set(p, shift(x.factor(p), p == q));
            terms.add(new TuckerTensor(x.core(), f));
        }
        return TuckerSum.of(terms);
    }

    /**
     * The exact Tucker form of DG coefficients: the tensor \(\mathcal U\) itself as the core, with
     * identity factors (no compression; round it with a summation strategy).
     *
     * @param u \(U\), \((k + 1) \times N_e\); not modified (copied)
     * @return the Tucker tensor of mode sizes \((k + 1, n_1, \dots, n_q)\)
     * @throws NullPointerException       if {@code u} is null
     * @throws DimensionMismatchException if the shape of {@code u} is wrong
     */
    public TuckerTensor toTucker(DenseMatrix u) {
        Require.shape("u", u, modeSizes[0], dg.options().elements());
        DenseTensor core = DenseTensor.wrap(u.toColumnMajorArray(), modeSizes);
        return TuckerTensor.ofDense(core);
    }

    /**
     * The DG coefficient matrix of a Tucker tensor (full reconstruction; \((k + 1)N_e\) entries).
     *
     * @param x \(\mathcal U\), mode sizes \((k + 1, n_1, \dots, n_q)\); not modified
     * @return \(U\), a new \((k + 1) \times N_e\) matrix
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    public DenseMatrix toMatrix(TuckerTensor x) {
        checkShape(x);
        DenseTensor full = Reconstruction.full(x);
        return DenseMatrix.wrap(modeSizes[0], dg.options().elements(), full.data());
    }

    private void checkShape(TuckerTensor x) {
        Objects.requireNonNull(x, "x");
        if (!Arrays.equals(x.modeSizes(), modeSizes)) {
            throw new DimensionMismatchException("the tensor has mode sizes " + Arrays.toString(x.modeSizes())
                    + ", the quantized DG operator acts on " + Arrays.toString(modeSizes));
        }
    }

    /** E W: row 0 receives row n - 1, the other rows are zero. */
    private static DenseMatrix borrow(DenseMatrix w) {
        int n = w.rows();
        DenseMatrix out = DenseMatrix.zeros(n, w.cols());
        for (int c = 0; c < w.cols(); c++) {
            out.set(0, c, w.get(n - 1, c));
        }
        return out;
    }

    /** S W: row i receives row i - 1; row 0 receives row n - 1 if periodic, else zero. */
    private static DenseMatrix shift(DenseMatrix w, boolean periodic) {
        int n = w.rows();
        DenseMatrix out = DenseMatrix.zeros(n, w.cols());
        for (int c = 0; c < w.cols(); c++) {
            for (int i = 1; i < n; i++) {
                out.set(i, c, w.get(i - 1, c));
            }
            if (periodic) {
                out.set(0, c, w.get(n - 1, c));
            }
        }
        return out;
    }
}
