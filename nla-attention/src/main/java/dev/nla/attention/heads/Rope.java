package dev.nla.attention.heads;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Rotary position embeddings (RoPE) [Su et al. 2021]: in every head of dimension \(d_h\) (even), the
 * coordinate pair \((x_{2f}, x_{2f+1})\), \(0 \le f \lt d_h/2\), of the token at position \(t\) is
 * rotated by the angle \(t\theta_f\), \(\theta_f = b^{-2f/d_h}\) (base \(b = 10^4\) by default):
 * \[ x'_{2f} = x_{2f}\cos t\theta_f - x_{2f+1}\sin t\theta_f,\qquad x'_{2f+1} = x_{2f}\sin
 *    t\theta_f + x_{2f+1}\cos t\theta_f. \]
 * In the row convention \(\operatorname{RoPE}_t(x) = xR_t\) with \(R_t\) block diagonal, and
 * \(\operatorname{RoPE}_t(q)\operatorname{RoPE}_s(k)^{\mathsf T} = qR_{t}R_s^{\mathsf T}k^{\mathsf T} =
 * qR_{t-s}k^{\mathsf T}\): scores depend on the relative position only.
 *
 * <p><b>Which mixings commute with RoPE</b> (attention spec §4.5, TransMLA's RoRoPE): a linear map
 * \(P\) on the concatenated heads commutes with every \(R_t\) iff it maps pair \(f\) of each head to
 * pair \(f\) of the heads with the same \(2 \times 2\) action on both coordinates, e.g. a
 * per-frequency mixing across heads ({@link #perFrequencyMixing}): then
 * \(\operatorname{RoPE}(xP^{\mathsf T}) = \operatorname{RoPE}(x)P^{\mathsf T}\). A rotation within one
 * head that mixes frequencies does not commute ({@link #commutationError}).
 */
public final class Rope {
    /** The usual base \(b = 10^4\). */
    public static final double DEFAULT_BASE = 10000.0;

    private final int headDim;
    private final double base;

    /**
     * Creates the embedding.
     *
     * @param headDim head dimension \(d_h\), even and \(\ge 2\)
     * @param base    the base \(b \gt 1\)
     * @throws IllegalArgumentException if \(d_h\) is odd or below 2, or \(b \le 1\)
     */
    public Rope(int headDim, double base) {
        Require.positive("headDim", headDim);
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("RoPE needs an even head dimension, got " + headDim);
        }
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("RoPE base must be finite and > 1, got " + base);
        }
        this.headDim = headDim;
        this.base = base;
    }

    /**
     * RoPE with base \(10^4\).
     *
     * @param headDim head dimension \(d_h\), even and \(\ge 2\)
     * @return the embedding
     * @throws IllegalArgumentException if \(d_h\) is odd or below 2
     */
    public static Rope standard(int headDim) {
        return new Rope(headDim, DEFAULT_BASE);
    }

    /**
     * The head dimension.
     *
     * @return \(d_h\)
     */
    public int headDim() {
        return headDim;
    }

    /**
     * The angular frequency of pair {@code f}.
     *
     * @param f pair index, \(0 \le f \lt d_h/2\)
     * @return \(\theta_f = b^{-2f/d_h}\)
     * @throws IndexOutOfBoundsException if {@code f} is out of range
     */
    public double frequency(int f) {
        if (f < 0 || f >= headDim / 2) {
            throw new IndexOutOfBoundsException("pair " + f + " out of range [0, " + headDim / 2 + ")");
        }
        return Math.pow(base, -2.0 * f / headDim);
    }

    /**
     * Rotates every head of every row: row \(r\) is the token at position {@code firstPosition}
     * \(+ r\).
     *
     * @param x             \(n \times k d_h\) (any number \(k\) of concatenated heads); not modified
     * @param firstPosition position of row 0, \(\ge 0\)
     * @return a new \(n \times kd_h\) matrix
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the columns are not a multiple of \(d_h\)
     * @throws IllegalArgumentException   if {@code firstPosition < 0}
     */
    public DenseMatrix apply(Matrix x, int firstPosition) {
        Objects.requireNonNull(x, "x");
        Require.nonNegative("firstPosition", firstPosition);
        requireHeads(x);
        DenseMatrix out = x.toDense().copy();
        for (int r = 0; r < x.rows(); r++) {
            rotateRow(out, r, (double) firstPosition + r);
        }
        return out;
    }

    private void requireHeads(Matrix x) {
        if (x.cols() % headDim != 0) {
            throw new DimensionMismatchException(
                    "RoPE: " + x.cols() + " columns are not a whole number of heads of dimension " + headDim);
        }
    }

    private void rotateRow(DenseMatrix out, int r, double position) {
        int heads = out.cols() / headDim;
        for (int f = 0; f < headDim / 2; f++) {
            double angle = position * frequency(f);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            for (int hd = 0; hd < heads; hd++) {
                int j = hd * headDim + 2 * f;
                double a = out.get(r, j);
                double b = out.get(r, j + 1);
                out.set(r, j, a * c - b * s);
                out.set(r, j + 1, a * s + b * c);
            }
        }
    }

    /**
     * The mixing \(P\) (\(kd_h \times kd_h\)) that applies the \(k \times k\) matrix \(M_f\) across the
     * \(k\) heads to both coordinates of pair \(f\): \(P_{(a, 2f+c), (b, 2f+c)} = (M_f)_{ab}\),
     * \(c \in \{0, 1\}\), zero elsewhere (index \((a, j)\) = head \(a\), coordinate \(j\)). Orthogonal
     * when every \(M_f\) is; commutes with RoPE for every choice of \(M_f\).
     *
     * @param heads  \(k \ge 1\)
     * @param mixes  \(d_h/2\) matrices \(M_f\), each \(k \times k\); not modified
     * @return a new \(kd_h \times kd_h\) matrix
     * @throws NullPointerException       if an argument or entry is null
     * @throws IllegalArgumentException   if {@code heads < 1}
     * @throws DimensionMismatchException if there are not \(d_h/2\) matrices of size \(k \times k\)
     */
    public DenseMatrix perFrequencyMixing(int heads, Matrix[] mixes) {
        Require.positive("heads", heads);
        Objects.requireNonNull(mixes, "mixes");
        if (mixes.length != headDim / 2) {
            throw new DimensionMismatchException(
                    "need one mixing per frequency pair, d_h/2 = " + headDim / 2 + ", got " + mixes.length);
        }
        int w = heads * headDim;
        DenseMatrix p = DenseMatrix.zeros(w, w);
        for (int f = 0; f < headDim / 2; f++) {
            Matrix m = Objects.requireNonNull(mixes[f], "mixes[" + f + "]");
            Require.shape("mixes[" + f + "]", m, heads, heads);
            for (int a = 0; a < heads; a++) {
                for (int b = 0; b < heads; b++) {
                    for (int c = 0; c < 2; c++) {
                        p.set(a * headDim + 2 * f + c, b * headDim + 2 * f + c, m.get(a, b));
                    }
                }
            }
        }
        return p;
    }

    /**
     * How far a mixing is from commuting with RoPE on sample rows, \(\|\operatorname{RoPE}(XP^{\mathsf
     * T}) - \operatorname{RoPE}(X)P^{\mathsf T}\|_F / \|\operatorname{RoPE}(X)P^{\mathsf T}\|_F\), row
     * \(r\) of \(X\) at position \(r\) (the spec's test 8: about \(10^{-16}\) for per-frequency mixings
     * across heads, order 1 for a generic rotation within a head).
     *
     * @param x      \(n \times kd_h\) sample rows (keys); not modified; must be finite
     * @param mixing \(P\), \(kd_h \times kd_h\); not modified; must be finite
     * @return the relative difference (0 if \(\operatorname{RoPE}(X)P^{\mathsf T} = 0\) and the
     *     difference is 0)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit or the columns are not a multiple
     *     of \(d_h\)
     */
    public double commutationError(Matrix x, Matrix mixing) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mixing, "mixing");
        requireHeads(x);
        Require.shape("mixing", mixing, x.cols(), x.cols());
        Require.allFinite("x", x);
        Require.allFinite("mixing", mixing);
        DenseMatrix mixedFirst = apply(times(x, mixing), 0);
        DenseMatrix rotatedFirst = times(apply(x, 0), mixing);
        double num = 0;
        double den = 0;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                double diff = mixedFirst.get(i, j) - rotatedFirst.get(i, j);
                num += diff * diff;
                den += rotatedFirst.get(i, j) * rotatedFirst.get(i, j);
            }
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    private static DenseMatrix times(Matrix x, Matrix mixing) {
        return dev.nla.core.blas.Blas.multiply(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, x, mixing);
    }

    /**
     * A description.
     *
     * @return e.g. {@code Rope[d_h=64, base=10000.0]}
     */
    @Override
    public String toString() {
        return "Rope[d_h=" + headDim + ", base=" + base + "]";
    }
}
