package dev.nla.tensor.tensor;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense real tensor \(\mathcal X \in \mathbb{R}^{n_1 \times \cdots \times n_d}\) of order \(d \ge
 * 1\), stored in one {@code double[]} with the <em>first index fastest</em>:
 * \[ x_{i_1 i_2 \dots i_d} = \mathtt{data}[\,i_1 + n_1(i_2 + n_2(i_3 + \cdots + n_{d-1} i_d))\,]
 * \quad (0\text{-based}). \]
 *
 * <p>This is the column-major layout of {@link DenseMatrix}: the mode-1 unfolding \(X_{(1)} \in
 * \mathbb{R}^{n_1 \times n_2\cdots n_d}\) is a column-major matrix over the same array ({@link
 * #modeOneUnfolding()}), and more generally every split of the modes into a leading group \(1..s\)
 * and a trailing group \(s+1..d\) is a column-major \((n_1\cdots n_s) \times (n_{s+1}\cdots n_d)\)
 * matrix view ({@link #matricize(int)}), which is what lets the kernels of {@code
 * dev.nla.tensor.tenalg} run as GEMMs on reshaped arrays without copying. Unfoldings of other
 * modes follow Kolda and Bader [Kolda and Bader 2009]; see {@code dev.nla.tensor.tenalg.Unfolding}.
 *
 * <p>Every mode size is at least 1 and the number of entries is at most {@link #MAX_ELEMENTS}.
 * Like {@link DenseMatrix}, a tensor is mutable ({@link #set}); the array returned by {@link
 * #data()} is the storage itself.
 */
public final class DenseTensor {
    /** The largest number of entries a dense tensor may hold (that of a Java array of doubles). */
    public static final long MAX_ELEMENTS = DenseMatrix.MAX_ELEMENTS;

    private final int[] shape;
    private final double[] data;

    private DenseTensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * The number of entries \(n_1 n_2 \cdots n_d\) of a tensor of the given shape, checked.
     *
     * @param shape mode sizes \(n_1, \dots, n_d\); not modified
     * @return the product of the mode sizes ({@code Long.MAX_VALUE} if it overflows a {@code long})
     * @throws NullPointerException     if {@code shape} is null
     * @throws IllegalArgumentException if the shape is empty or a mode size is below 1 (the message
     *     names the mode and the size)
     */
    public static long elementCount(int... shape) {
        Objects.requireNonNull(shape, "shape");
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one mode, got shape []");
        }
        long n = 1;
        for (int k = 0; k < shape.length; k++) {
            if (shape[k] < 1) {
                throw new IllegalArgumentException("mode sizes must be at least 1, got n_" + (k + 1) + " = " + shape[k]
                        + " in shape " + Arrays.toString(shape));
            }
            try {
                n = Math.multiplyExact(n, shape[k]);
            } catch (ArithmeticException overflow) {
                n = Long.MAX_VALUE;
            }
        }
        return n;
    }

    private static int checkedCount(String what, int[] shape) {
        long n = elementCount(shape);
        if (n > MAX_ELEMENTS) {
            throw new SizeLimitExceededException(what + " of shape " + Arrays.toString(shape) + " needs " + n
                    + " entries, over the limit of " + MAX_ELEMENTS + " (DenseTensor.MAX_ELEMENTS)");
        }
        return (int) n;
    }

    /**
     * A new tensor of zeros.
     *
     * @param shape mode sizes \(n_1, \dots, n_d\), each \(\ge 1\); copied
     * @return the zero tensor
     * @throws NullPointerException       if {@code shape} is null
     * @throws IllegalArgumentException   if the shape is empty or a mode size is below 1
     * @throws SizeLimitExceededException if \(\prod_k n_k\) exceeds {@link #MAX_ELEMENTS}
     */
    public static DenseTensor zeros(int... shape) {
        int n = checkedCount("a dense tensor", shape);
        return new DenseTensor(shape.clone(), new double[n]);
    }

    /**
     * A tensor over an existing array (no copy): writes to either are seen by both.
     *
     * @param data  the entries, first index fastest; exactly \(\prod_k n_k\) of them; shared
     * @param shape mode sizes \(n_1, \dots, n_d\), each \(\ge 1\); copied
     * @return the wrapping tensor
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if the shape is empty or a mode size is below 1
     * @throws DimensionMismatchException if {@code data.length} differs from \(\prod_k n_k\)
     */
    public static DenseTensor wrap(double[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        long n = elementCount(shape);
        if (n != data.length) {
            throw new DimensionMismatchException(
                    "shape " + Arrays.toString(shape) + " has " + n + " entries but the array has " + data.length);
        }
        return new DenseTensor(shape.clone(), data);
    }

    /**
     * A new tensor holding a copy of the given entries.
     *
     * @param data  the entries, first index fastest; exactly \(\prod_k n_k\) of them; not modified
     * @param shape mode sizes; copied
     * @return a new tensor
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if the shape is empty or a mode size is below 1
     * @throws DimensionMismatchException if {@code data.length} differs from \(\prod_k n_k\)
     */
    public static DenseTensor of(double[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        return wrap(data.clone(), shape);
    }

    /**
     * The order-2 tensor with the entries of a matrix: \(x_{ij} = a_{ij}\).
     *
     * @param a an \(m \times n\) matrix with \(m, n \ge 1\); not modified (copied)
     * @return a new \(m \times n\) tensor
     * @throws NullPointerException     if {@code a} is null
     * @throws IllegalArgumentException if {@code a} has no rows or no columns
     */
    public static DenseTensor fromMatrix(DenseMatrix a) {
        Objects.requireNonNull(a, "a");
        DenseTensor t = zeros(a.rows(), a.cols());
        DenseMatrix.wrap(t.data, 0, a.rows(), a.cols(), a.rows()).copyFrom(a);
        return t;
    }

    /**
     * The order \(d\).
     *
     * @return the number of modes, at least 1
     */
    public int order() {
        return shape.length;
    }

    /**
     * The size of one mode.
     *
     * @param mode a 0-based mode index \(k\), \(0 \le k \lt d\)
     * @return \(n_{k+1}\)
     * @throws IndexOutOfBoundsException if {@code mode} is not a valid mode
     */
    public int size(int mode) {
        Objects.checkIndex(mode, shape.length);
        return shape[mode];
    }

    /**
     * The mode sizes.
     *
     * @return a new array \((n_1, \dots, n_d)\)
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of entries.
     *
     * @return \(\prod_k n_k\)
     */
    public int elementCount() {
        return data.length;
    }

    /**
     * The storage itself (not a copy), first index fastest.
     *
     * @return the backing array, of length {@link #elementCount()}
     */
    public double[] data() {
        return data;
    }

    /**
     * The position of an entry in {@link #data()}.
     *
     * @param index one 0-based index per mode; not modified
     * @return \(i_1 + n_1(i_2 + n_2(\cdots))\)
     * @throws NullPointerException      if {@code index} is null
     * @throws DimensionMismatchException if {@code index.length != order()}
     * @throws IndexOutOfBoundsException if an index is outside its mode
     */
    public int linearIndex(int... index) {
        Objects.requireNonNull(index, "index");
        if (index.length != shape.length) {
            throw new DimensionMismatchException("index " + Arrays.toString(index) + " has " + index.length
                    + " entries, the tensor has order " + shape.length);
        }
        int pos = 0;
        for (int k = shape.length - 1; k >= 0; k--) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape "
                        + Arrays.toString(shape) + " in mode " + (k + 1));
            }
            pos = pos * shape[k] + index[k];
        }
        return pos;
    }

    /**
     * One entry.
     *
     * @param index one 0-based index per mode; not modified
     * @return \(x_{i_1 \dots i_d}\)
     * @throws NullPointerException      if {@code index} is null
     * @throws DimensionMismatchException if {@code index.length != order()}
     * @throws IndexOutOfBoundsException if an index is outside its mode
     */
    public double get(int... index) {
        return data[linearIndex(index)];
    }

    /**
     * Sets one entry.
     *
     * @param value the new value
     * @param index one 0-based index per mode; not modified
     * @throws NullPointerException      if {@code index} is null
     * @throws DimensionMismatchException if {@code index.length != order()}
     * @throws IndexOutOfBoundsException if an index is outside its mode
     */
    public void set(double value, int... index) {
        data[linearIndex(index)] = value;
    }

    /**
     * The mode-1 unfolding \(X_{(1)} \in \mathbb{R}^{n_1 \times n_2 \cdots n_d}\) as a view (no copy).
     *
     * @return a column-major view sharing this tensor's storage
     */
    public DenseMatrix modeOneUnfolding() {
        return matricize(1);
    }

    /**
     * The matrix view that keeps modes \(1..s\) as rows and modes \(s+1..d\) as columns: \(
     * (n_1 \cdots n_s) \times (n_{s+1} \cdots n_d)\), both groups vectorized first index fastest.
     * \(s = 1\) gives \(X_{(1)}\); \(s = d - 1\) gives \(X_{(d)}^{\mathsf T}\); \(s = d\) gives the
     * vectorization \(\operatorname{vec}(\mathcal X)\) as one column.
     *
     * @param leadingModes \(s\), \(1 \le s \le d\)
     * @return a column-major view sharing this tensor's storage
     * @throws IllegalArgumentException if \(s\) is outside \([1, d]\)
     */
    public DenseMatrix matricize(int leadingModes) {
        if (leadingModes < 1 || leadingModes > shape.length) {
            throw new IllegalArgumentException(
                    "leadingModes must be in [1, " + shape.length + "], got " + leadingModes);
        }
        int rows = 1;
        for (int k = 0; k < leadingModes; k++) {
            rows *= shape[k];
        }
        return DenseMatrix.wrap(data, 0, rows, data.length / rows, rows);
    }

    /**
     * A tensor of another shape over the same storage (no copy): the entries keep their positions
     * in {@link #data()}.
     *
     * @param newShape mode sizes with the same product; copied
     * @return the reshaped view
     * @throws NullPointerException       if {@code newShape} is null
     * @throws IllegalArgumentException   if a mode size is below 1
     * @throws DimensionMismatchException if the number of entries differs
     */
    public DenseTensor reshape(int... newShape) {
        return wrap(data, newShape);
    }

    /**
     * A deep copy.
     *
     * @return a new tensor with the same shape and entries
     */
    public DenseTensor copy() {
        return new DenseTensor(shape.clone(), data.clone());
    }

    /**
     * The Frobenius norm \(\|\mathcal X\|_F = (\sum x_{i_1\dots i_d}^2)^{1/2}\), computed with
     * scaling so that it neither overflows nor underflows (as LAPACK {@code dnrm2}).
     *
     * @return the norm
     */
    public double frobeniusNorm() {
        double scale = 0;
        double ssq = 1;
        for (double v : data) {
            if (v != 0) {
                double a = Math.abs(v);
                if (scale < a) {
                    double q = scale / a;
                    ssq = 1 + ssq * q * q;
                    scale = a;
                } else {
                    double q = a / scale;
                    ssq += q * q;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    /**
     * Scans the entries once and throws on the first NaN or infinity.
     *
     * @param name name of this tensor for the message
     * @throws NonFiniteValueException if an entry is NaN or infinite; the message names the
     *     multi-index (0-based) and the value
     */
    public void requireFinite(String name) {
        for (int p = 0; p < data.length; p++) {
            if (!Double.isFinite(data[p])) {
                throw new NonFiniteValueException(name + " entry " + Arrays.toString(multiIndex(p)), data[p]);
            }
        }
    }

    /**
     * The multi-index of a position in {@link #data()}.
     *
     * @param position \(0 \le p \lt\) {@link #elementCount()}
     * @return a new array with one 0-based index per mode
     * @throws IndexOutOfBoundsException if {@code position} is outside the storage
     */
    public int[] multiIndex(int position) {
        Objects.checkIndex(position, data.length);
        int[] index = new int[shape.length];
        int p = position;
        for (int k = 0; k < shape.length; k++) {
            index[k] = p % shape[k];
            p /= shape[k];
        }
        return index;
    }

    /**
     * Equal shapes and bitwise-equal entries (as {@link Arrays#equals(double[], double[])}).
     *
     * @param o the other object
     * @return whether {@code o} is a dense tensor with the same shape and entries
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DenseTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseTensor" + Arrays.toString(shape);
    }
}
