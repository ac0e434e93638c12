package dev.nla.sketch.operator;

import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.internal.CosineTransform;
import dev.nla.sketch.internal.Hadamard;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A subsampled randomized trigonometric transform \(S = \alpha\,P\,T\,D\,E\) ({@link SrhtSketch},
 * {@link SrftSketch}): \(E\) pads \(\mathbb{R}^m\) with zeros to \(\mathbb{R}^{m'}\), \(m' = 2^{\lceil
 * \log_2 m \rceil}\); \(D = \operatorname{diag}(\sigma)\) has random signs; \(T\) is the \(\pm 1\)
 * Hadamard matrix \(H_{m'}\) or \(\sqrt{m'}\,C_{m'}\) with the orthonormal DCT-II \(C_{m'}\); \(P\)
 * keeps \(d\) distinct rows \(p_0, \dots, p_{d-1}\) of \(m'\), drawn uniformly without replacement.
 *
 * <p>Streams: \(\sigma_j\) is the Rademacher entry \((j, 0)\) of the state's random matrix (stream
 * column 0); \(p\) is the prefix of a Fisher–Yates shuffle of \([0, m')\) whose step \(t\) swaps \(t\)
 * with \(t + \lfloor w_t (m' - t) / 2^{64} \rfloor\), \(w_t\) the first word of block \(t\) of stream
 * column 1. The prefix of length \(d\) does not depend on \(d\), so the sketch can grow along its
 * rows.
 *
 * <p>Kernels transform columns (pairs of columns for the DCT) independently, in parallel over
 * fixed pairs, so results do not depend on the thread count.
 */
final class TransformOperator extends AbstractSketch {
    /** The transform \(T\). */
    enum Kind {
        HADAMARD,
        COSINE
    }

    private final SketchingDistribution distribution;
    private final Kind kind;
    private final int mp;
    private final double alpha;
    /** Factor applied after the transform: alpha for H, alpha sqrt(m') for C. */
    private final double post;

    private volatile Tables tables;

    /** The random signs, the selected rows and the transform tables. */
    private record Tables(double[] sigma, int[] rows, CosineTransform cosine) {}

    TransformOperator(SketchingDistribution distribution, RngState state, Kind kind, double alpha) {
        super(distribution.rows(), distribution.cols(), state);
        this.distribution = distribution;
        this.kind = kind;
        this.mp = Hadamard.nextPowerOfTwo(m);
        this.alpha = alpha;
        this.post = kind == Kind.HADAMARD ? alpha : alpha * Math.sqrt(mp);
    }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            synchronized (this) {
                t = tables;
                if (t == null) {
                    DenseMatrix signs = DenseMatrix.zeros(m, 1);
                    RandomMatrices.fill(signs, 0, 0, ScalarDistribution.RADEMACHER, state);
                    t = new Tables(
                            signs.toColumnMajorArray(),
                            shufflePrefix(state, 1, mp, d),
                            kind == Kind.COSINE ? new CosineTransform(mp) : null);
                    tables = t;
                }
            }
        }
        return t;
    }

    /**
     * The first {@code count} entries of a Fisher–Yates shuffle of {@code [0, n)} driven by stream
     * column {@code column}: step t swaps positions t and t + floor(w_t (n - t) / 2^64).
     */
    static int[] shufflePrefix(RngState state, long column, int n, int count) {
        int[] out = new int[count];
        long[] words = new long[2];
        if (n <= Math.max(1 << 16, 4L * count)) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int t = 0; t < count; t++) {
                Sketching.block(state, column, t, words);
                int r = t + Sketching.uniformIndex(words[0], n - t);
                int v = perm[r];
                perm[r] = perm[t];
                perm[t] = v;
                out[t] = v;
            }
        } else {
            // The same shuffle with the displaced entries in a map: O(count) memory.
            Map<Integer, Integer> moved = new HashMap<>();
            for (int t = 0; t < count; t++) {
                Sketching.block(state, column, t, words);
                int r = t + Sketching.uniformIndex(words[0], n - t);
                int vr = moved.getOrDefault(r, r);
                int vt = moved.getOrDefault(t, t);
                moved.put(r, vt);
                out[t] = vr;
            }
        }
        return out;
    }

    @Override
    public SketchingDistribution distribution() {
        return distribution;
    }

    @Override
    public boolean canResize(Axis axis) {
        Objects.requireNonNull(axis, "axis");
        return axis == Axis.ROWS;
    }

    @Override
    SketchingOperator resized(int rows, int cols) {
        SketchingDistribution grown = distribution instanceof SrhtSketch h
                ? h.withSize(rows, cols)
                : ((SrftSketch) distribution).withSize(rows, cols);
        return grown.sample(state).value();
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        Tables t = tables();
        int n = a.cols();
        int step = kind == Kind.COSINE ? 2 : 1;
        int parts = Parallel.parts(Backends.active().threads(), (n + step - 1) / step, (long) mp * 20);
        Parallel.forRanges(n, parts, step, (c0, c1) -> {
            double[] x0 = new double[mp];
            double[] x1 = new double[mp];
            double[] re = kind == Kind.COSINE ? new double[mp] : null;
            double[] im = kind == Kind.COSINE ? new double[mp] : null;
            double[] ad = a.data();
            double[] yd = y.data();
            for (int c = c0; c < c1; c += step) {
                load(t.sigma, ad, a.offset() + c * a.ld(), x0);
                if (kind == Kind.HADAMARD) {
                    Hadamard.transform(x0, 0, mp);
                } else {
                    boolean pair = c + 1 < c1;
                    if (pair) {
                        load(t.sigma, ad, a.offset() + (c + 1) * a.ld(), x1);
                    } else {
                        Arrays.fill(x1, 0.0);
                    }
                    t.cosine.forward(x0, x1, re, im);
                    if (pair) {
                        store(t.rows, x1, yd, y.offset() + (c + 1) * y.ld());
                    }
                }
                store(t.rows, x0, yd, y.offset() + c * y.ld());
            }
        });
    }

    /** x = D E a: the signed column, zero-padded. */
    private void load(double[] sigma, double[] ad, int at, double[] x) {
        for (int j = 0; j < m; j++) {
            x[j] = sigma[j] * ad[at + j];
        }
        Arrays.fill(x, m, mp, 0.0);
    }

    /** y = post * x[rows]. */
    private void store(int[] rows, double[] x, double[] yd, int at) {
        for (int i = 0; i < d; i++) {
            yd[at + i] = post * x[rows[i]];
        }
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        Tables t = tables();
        int k = x.cols();
        int step = kind == Kind.COSINE ? 2 : 1;
        int parts = Parallel.parts(Backends.active().threads(), (k + step - 1) / step, (long) mp * 20);
        Parallel.forRanges(k, parts, step, (c0, c1) -> {
            double[] b0 = new double[mp];
            double[] b1 = new double[mp];
            double[] re = kind == Kind.COSINE ? new double[mp] : null;
            double[] im = kind == Kind.COSINE ? new double[mp] : null;
            double[] xd = x.data();
            double[] yd = y.data();
            for (int c = c0; c < c1; c += step) {
                scatter(t.rows, xd, x.offset() + c * x.ld(), b0);
                if (kind == Kind.HADAMARD) {
                    Hadamard.transform(b0, 0, mp);
                } else {
                    boolean pair = c + 1 < c1;
                    if (pair) {
                        scatter(t.rows, xd, x.offset() + (c + 1) * x.ld(), b1);
                    } else {
                        Arrays.fill(b1, 0.0);
                    }
                    t.cosine.inverse(b0, b1, re, im);
                    if (pair) {
                        unload(t.sigma, b1, yd, y.offset() + (c + 1) * y.ld());
                    }
                }
                unload(t.sigma, b0, yd, y.offset() + c * y.ld());
            }
        });
    }

    /** b = P^T x: x placed at the selected rows of a zero vector. */
    private void scatter(int[] rows, double[] xd, int at, double[] b) {
        Arrays.fill(b, 0.0);
        for (int i = 0; i < d; i++) {
            b[rows[i]] = xd[at + i];
        }
    }

    /** y = post * D * b[0 : m]. */
    private void unload(double[] sigma, double[] b, double[] yd, int at) {
        for (int j = 0; j < m; j++) {
            yd[at + j] = post * (sigma[j] * b[j]);
        }
    }

    @Override
    void denseBlock(int r0, int c0, DenseMatrix target) {
        Tables t = tables();
        int p = target.rows();
        int q = target.cols();
        if (kind == Kind.HADAMARD) {
            for (int j = 0; j < q; j++) {
                int col = c0 + j;
                for (int i = 0; i < p; i++) {
                    int parity = Integer.bitCount(t.rows[r0 + i] & col) & 1;
                    target.set(i, j, alpha * (parity == 0 ? t.sigma[col] : -t.sigma[col]));
                }
            }
        } else {
            double c0n = Math.sqrt(1.0 / mp);
            double ckn = Math.sqrt(2.0 / mp);
            long period = 4L * mp;
            for (int j = 0; j < q; j++) {
                int col = c0 + j;
                for (int i = 0; i < p; i++) {
                    int k = t.rows[r0 + i];
                    long angle = ((2L * col + 1) * k) % period;
                    double c = (k == 0 ? c0n : ckn) * StrictMath.cos(Math.PI * angle / (2.0 * mp));
                    target.set(i, j, post * (t.sigma[col] * c));
                }
            }
        }
    }

    @Override
    String describe() {
        return distribution.toString();
    }
}
