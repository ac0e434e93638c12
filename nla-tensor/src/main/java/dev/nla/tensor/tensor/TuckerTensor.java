package dev.nla.tensor.tensor;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tensor in Tucker format, \(\mathcal X = [\![\mathcal G; U_1, \dots, U_d]\!] = \mathcal G \times_1
 * U_1 \times_2 U_2 \cdots \times_d U_d \in \mathbb{R}^{n_1 \times \cdots \times n_d}\), with core
 * \(\mathcal G \in \mathbb{R}^{r_1 \times \cdots \times r_d}\) and factors \(U_k \in
 * \mathbb{R}^{n_k \times r_k}\):
 * \[ x_{i_1 \dots i_d} = \sum_{j_1, \dots, j_d} g_{j_1 \dots j_d}\, (U_1)_{i_1 j_1} \cdots
 * (U_d)_{i_d j_d}, \qquad X_{(k)} = U_k\, G_{(k)}\, (U_d \otimes \cdots \otimes U_{k+1} \otimes
 * U_{k-1} \otimes \cdots \otimes U_1)^{\mathsf T}. \]
 *
 * <p>The factors need not be orthonormal; \((r_1, \dots, r_d)\) is the representation rank
 * (an upper bound of the multilinear rank). The record holds references: the core and the factors
 * (which may be views) are not copied, and callers must not modify them while the tensor is in
 * use. Validation is structural only (O(d)); {@link #requireFinite(String)} scans the entries.
 *
 * @param core    \(\mathcal G\), \(r_1 \times \cdots \times r_d\); shared, not copied
 * @param factors \(U_1, \dots, U_d\), \(U_k\) with \(r_k\) columns and \(n_k \ge 1\) rows; the
 *     list is copied, the matrices are shared
 */
public record TuckerTensor(DenseTensor core, List<DenseMatrix> factors) {
    /**
     * Validates the shapes.
     *
     * @param core    \(\mathcal G\), \(r_1 \times \cdots \times r_d\); shared, not copied
     * @param factors \(U_1, \dots, U_d\); the list is copied, the matrices are shared
     * @throws NullPointerException       if the core, the list or a factor is null
     * @throws DimensionMismatchException if the number of factors differs from the order of the core,
     *     or factor \(k\) does not have \(r_k\) columns (the message names the mode and both sizes)
     * @throws IllegalArgumentException   if a factor has no rows
     */
    public TuckerTensor {
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(factors, "factors");
        if (factors.size() != core.order()) {
            throw new DimensionMismatchException("a Tucker tensor needs one factor per core mode: the core has order "
                    + core.order() + " but there are " + factors.size() + " factors");
        }
        for (int k = 0; k < factors.size(); k++) {
            DenseMatrix u = Objects.requireNonNull(factors.get(k), "factors[" + k + "]");
            if (u.cols() != core.size(k)) {
                throw new DimensionMismatchException("factor " + (k + 1) + " is " + u.rows() + "x" + u.cols()
                        + " but the core has r_" + (k + 1) + " = " + core.size(k) + "; need " + core.size(k)
                        + " columns");
            }
            if (u.rows() < 1) {
                throw new IllegalArgumentException(
                        "mode sizes must be at least 1, factor " + (k + 1) + " has " + u.rows() + " rows");
            }
        }
        factors = List.copyOf(factors);
    }

    /**
     * A Tucker tensor from a core and factors given as varargs.
     *
     * @param core    the core; shared
     * @param factors one factor per mode; shared
     * @return the Tucker tensor
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit (see the canonical constructor)
     */
    public static TuckerTensor of(DenseTensor core, DenseMatrix... factors) {
        Objects.requireNonNull(factors, "factors");
        return new TuckerTensor(core, Arrays.asList(factors));
    }

    /**
     * A dense tensor written in Tucker format with identity factors, \(\mathcal X = [\![\mathcal
     * X; I, \dots, I]\!]\) (exact; the core is shared).
     *
     * @param x the tensor; shared as the core
     * @return the Tucker tensor with ranks equal to the mode sizes
     * @throws NullPointerException if {@code x} is null
     */
    public static TuckerTensor ofDense(DenseTensor x) {
        Objects.requireNonNull(x, "x");
        List<DenseMatrix> f = new ArrayList<>(x.order());
        for (int k = 0; k < x.order(); k++) {
            f.add(DenseMatrix.identity(x.size(k)));
        }
        return new TuckerTensor(x, f);
    }

    /**
     * The order \(d\).
     *
     * @return the number of modes
     */
    public int order() {
        return factors.size();
    }

    /**
     * Factor \(U_{k+1}\).
     *
     * @param mode 0-based mode \(k\)
     * @return the factor (shared, not copied)
     * @throws IndexOutOfBoundsException if {@code mode} is not a valid mode
     */
    public DenseMatrix factor(int mode) {
        return factors.get(mode);
    }

    /**
     * The mode sizes \((n_1, \dots, n_d)\) (rows of the factors).
     *
     * @return a new array
     */
    public int[] modeSizes() {
        int[] n = new int[factors.size()];
        for (int k = 0; k < n.length; k++) {
            n[k] = factors.get(k).rows();
        }
        return n;
    }

    /**
     * The mode size \(n_{k+1}\).
     *
     * @param mode 0-based mode \(k\)
     * @return the number of rows of factor \(k\)
     * @throws IndexOutOfBoundsException if {@code mode} is not a valid mode
     */
    public int modeSize(int mode) {
        return factors.get(mode).rows();
    }

    /**
     * The representation ranks \((r_1, \dots, r_d)\) (the core's shape).
     *
     * @return a new array
     */
    public int[] ranks() {
        return core.shape();
    }

    /**
     * The rank \(r_{k+1}\).
     *
     * @param mode 0-based mode \(k\)
     * @return the number of columns of factor \(k\)
     * @throws IndexOutOfBoundsException if {@code mode} is not a valid mode
     */
    public int rank(int mode) {
        return core.size(mode);
    }

    /**
     * The same tensor with one factor replaced, e.g. \([\![\mathcal G; A U_1, U_2, \dots]\!]\) for
     * an operator acting on mode 1. Nothing is copied.
     *
     * @param mode   0-based mode \(k\)
     * @param factor the new \(n'_k \times r_k\) factor (any number of rows \(\ge 1\)); shared
     * @return a new Tucker tensor sharing the core and the other factors
     * @throws NullPointerException       if {@code factor} is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a valid mode
     * @throws DimensionMismatchException if {@code factor} does not have \(r_k\) columns
     */
    public TuckerTensor withFactor(int mode, DenseMatrix factor) {
        Objects.checkIndex(mode, factors.size());
        List<DenseMatrix> f = new ArrayList<>(factors);
        f.set(mode, Objects.requireNonNull(factor, "factor"));
        return new TuckerTensor(core, f);
    }

    /**
     * The same factors with another core of the same shape. Nothing is copied.
     *
     * @param newCore the new core; shared
     * @return a new Tucker tensor sharing the factors
     * @throws NullPointerException       if {@code newCore} is null
     * @throws DimensionMismatchException if the core's shape differs from the ranks
     */
    public TuckerTensor withCore(DenseTensor newCore) {
        Objects.requireNonNull(newCore, "newCore");
        if (!Arrays.equals(newCore.shape(), core.shape())) {
            throw new DimensionMismatchException("the new core has shape " + Arrays.toString(newCore.shape())
                    + " but the ranks are " + Arrays.toString(core.shape()));
        }
        return new TuckerTensor(newCore, factors);
    }

    /**
     * The number of stored values, \(\prod_k r_k + \sum_k n_k r_k\).
     *
     * @return the storage size in doubles
     */
    public long storedValues() {
        long s = core.elementCount();
        for (DenseMatrix u : factors) {
            s += (long) u.rows() * u.cols();
        }
        return s;
    }

    /**
     * Scans the core and the factors once and throws on the first NaN or infinity.
     *
     * @param name name of this tensor for the message
     * @throws NonFiniteValueException if an entry is NaN or infinite; the message names the core or
     *     the factor and the position
     */
    public void requireFinite(String name) {
        core.requireFinite(name + " core");
        for (int k = 0; k < factors.size(); k++) {
            Require.allFinite(name + " factor " + (k + 1), factors.get(k));
        }
    }

    @Override
    public String toString() {
        return "TuckerTensor[modeSizes=" + Arrays.toString(modeSizes()) + ", ranks=" + Arrays.toString(ranks()) + "]";
    }
}
